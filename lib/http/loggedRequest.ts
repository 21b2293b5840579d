/**
 * What the target saw of one request, and how it departed from the contract: the format of the
 * mocks' request log, which the SDK checks judge (so it lives below both).
 */
export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  /** The query string, without the leading '?'. */
  query: string;
  /** Request headers that matter to the contract; credentials reduced to their scheme. */
  headers: Record<string, string>;
  /** The request body, clipped to a few kilobytes. */
  body?: string;
  operationId?: string;
  status: number;
  /** The X-Moov-Version (or equivalent) header the client sent, if any. */
  version?: string;
  /** Contract violations in the request itself (headers, query, body), empty when it conformed. */
  violations: string[];
}

