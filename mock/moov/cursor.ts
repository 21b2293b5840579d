/**
 * Opaque cursors: a versioned, base64url-encoded position (the number of the last ticket
 * served), optionally followed by the listing it was issued for. Clients must not read them; the
 * mock rejects any it did not make.
 */
const PREFIX = 'moov-mock-cursor:v1:';

export interface CursorPosition {
  after: number;
  /** The listing the cursor was issued for, where it names one (the documented listing ignores it). */
  accountID?: string;
  status?: string;
}

export function encodeCursor(position: CursorPosition): string {
  const extra = position.accountID !== undefined || position.status !== undefined ? `:${position.accountID ?? ''}:${position.status ?? ''}` : '';
  return Buffer.from(`${PREFIX}${position.after}${extra}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return undefined;
  const match = /^(\d{1,15})(?::([\w-]*):([\w-]*))?$/.exec(text.slice(PREFIX.length));
  if (!match) return undefined;
  return { after: Number(match[1]), ...(match[2] ? { accountID: match[2] } : {}), ...(match[3] ? { status: match[3] } : {}) };
}
