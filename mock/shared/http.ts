import type { IncomingMessage, ServerResponse } from 'node:http';

/** An answer a handler gives by throwing: status, JSON body and extra headers. */
export class HttpAnswer extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
    this.name = 'HttpAnswer';
  }
}

export interface RawBody {
  text: string;
  bytes: number;
}

/** Reads a request body up to `limit` bytes; beyond it, a 413. */
export function readBody(req: IncomingMessage, limit: number): Promise<RawBody> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(new HttpAnswer(413, { error: `request body exceeds ${limit} bytes` }));
      return;
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpAnswer(413, { error: `request body exceeds ${limit} bytes` }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody({ text: Buffer.concat(chunks).toString('utf8'), bytes }));
    req.on('error', reject);
  });
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lower-cased request headers with repeated values joined, as one plain record. */
export function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Parses `?a=1&b=2` into a record; a repeated parameter keeps its last value. */
export function queryRecord(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of search) out[key] = value;
  return out;
}
