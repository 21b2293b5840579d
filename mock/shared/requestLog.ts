import type { LoggedRequest } from '../../lib/http/loggedRequest';

const KEPT_HEADERS = ['content-type', 'x-moov-version', 'accept', 'user-agent'];
const BODY_LIMIT = 4096;

/** What the log keeps of a request's headers and body: no credential ever, bounded size. */
export function loggedRequestParts(headers: Record<string, string>, body: string): { headers: Record<string, string>; body?: string } {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) if (headers[name] !== undefined) kept[name] = headers[name];
  const scheme = /^(\w+)\s/.exec(headers.authorization ?? '')?.[1];
  if (scheme) kept.authorization = `${scheme} [redacted]`;
  return { headers: kept, body: body === '' ? undefined : body.slice(0, BODY_LIMIT) };
}

/** A bounded log of requests, newest last, so clients (the sdk project) can audit what they sent. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly capacity: number) {}

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  all(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
