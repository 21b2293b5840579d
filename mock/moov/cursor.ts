/**
 * Opaque cursors: a versioned, base64url-encoded position (the number of the last ticket
 * served). Clients must not read them; the mock rejects any it did not make.
 */
const PREFIX = 'moov-mock-cursor:v1:';

export function encodeCursor(afterNumber: number): string {
  return Buffer.from(`${PREFIX}${afterNumber}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return undefined;
  const rest = text.slice(PREFIX.length);
  return /^\d{1,15}$/.test(rest) ? Number(rest) : undefined;
}
