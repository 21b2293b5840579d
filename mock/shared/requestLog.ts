/** What the mock saw of one request, and how it departed from the contract. */
export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  operationId?: string;
  status: number;
  /** The X-Moov-Version (or equivalent) header the client sent, if any. */
  version?: string;
  /** Contract violations in the request itself (headers, query, body), empty when it conformed. */
  violations: string[];
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
