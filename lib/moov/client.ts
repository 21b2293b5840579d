import type { APIRequestContext, APIResponse } from '@playwright/test';
import type { OperationSpec } from '../contract/loadContract';
import { moovContract, type MoovOperationId } from '../contract/moov';
import type { MoovTarget } from '../config/moovTarget';
import { redactExchange, type AuthDescription, type Exchange } from '../http/exchange';
import { secrets } from '../redaction/secrets';
import { Throttle } from '../http/throttle';

export type MoovAuth =
  | { kind: 'key' }
  | { kind: 'token'; token: string; scopes: string[] }
  | { kind: 'none' }
  /** Deliberately wrong credentials (not secrets), e.g. a bad bearer token. */
  | { kind: 'literal'; header: string; note: string };

export interface MoovRequest {
  path: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  /** A JSON body (serialised by the client). */
  json?: unknown;
  /** A body sent as is (malformed JSON, form data). */
  rawBody?: string;
  contentType?: string;
  auth?: MoovAuth;
  /** X-Moov-Version: undefined sends MOOV_API_VERSION or the operation's documented version; null omits it. */
  version?: string | null;
}

export interface MoovResponse {
  operation: OperationSpec<MoovOperationId>;
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body when it is JSON, otherwise undefined (see parseError). */
  json: unknown;
  parseError?: string;
  exchange: Exchange;
}

export interface SessionStats {
  requests: number;
  rateLimited: number;
  created: number;
  closed: number;
}

const MAX_429_RETRIES = 4;
const MAX_RETRY_AFTER_S = 30;

/** Raised when a target keeps answering 429 beyond the retry budget: the test is skipped, not failed. */
export class RateLimitedError extends Error {
  constructor(readonly exchange: Exchange) {
    super(`rate limited by the target beyond ${MAX_429_RETRIES} retries (${exchange.method} ${exchange.url})`);
    this.name = 'RateLimitedError';
  }
}

/**
 * Transport to a Moov target: builds requests from the contract, authenticates, honours 429
 * Retry-After and the client-side rate cap, and records every exchange redacted.
 */
export class MoovClient {
  readonly stats: SessionStats = { requests: 0, rateLimited: 0, created: 0, closed: 0 };
  private readonly contract = moovContract();
  private readonly throttle: Throttle;

  constructor(private readonly http: APIRequestContext, readonly target: MoovTarget, private readonly wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {
    this.throttle = new Throttle(target.maxRps, wait);
  }

  async send(operationId: MoovOperationId, request: MoovRequest): Promise<MoovResponse> {
    const operation = this.contract.operation(operationId);
    const url = new URL(this.target.baseURL + operation.buildPath(request.path));
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    // By default each operation is tested at the version its page documents ("Set this header to
    // v2026.01.00 to use the API described in this specification"), unless the run names one.
    const version = request.version === undefined ? this.target.apiVersion ?? operation.documentedVersion : request.version ?? undefined;
    if (version !== undefined) headers['X-Moov-Version'] = version;
    const auth = request.auth ?? { kind: 'key' };
    const authHeader = this.authorization(auth);
    if (authHeader !== undefined) headers.authorization = authHeader;
    let body: string | undefined;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] = request.contentType ?? 'application/json';
    } else if (request.rawBody !== undefined) {
      body = request.rawBody;
      headers['content-type'] = request.contentType ?? 'application/json';
    }

    for (let attempt = 0; ; attempt++) {
      await this.throttle.take();
      const startedAt = new Date();
      // A Buffer, not a string: Playwright re-encodes JSON-typed strings that do not parse as JSON.
      const data = body === undefined ? undefined : Buffer.from(body, 'utf8');
      const response = await this.http.fetch(url.toString(), { method: operation.method, headers, data, failOnStatusCode: false, maxRedirects: 0 });
      this.stats.requests += 1;
      const result = await this.toResponse(operation, url.toString(), headers, body, auth, response, startedAt);
      if (result.status !== 429) return result;
      this.stats.rateLimited += 1;
      if (attempt >= MAX_429_RETRIES) throw new RateLimitedError(result.exchange);
      const retryAfter = Number(result.headers['retry-after']);
      await this.wait(1000 * Math.min(MAX_RETRY_AFTER_S, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 2 ** attempt));
    }
  }

  private authorization(auth: MoovAuth): string | undefined {
    switch (auth.kind) {
      case 'key':
        return `Basic ${Buffer.from(`${this.target.publicKey}:${this.target.secretKey}`).toString('base64')}`;
      case 'token':
        secrets.add(auth.token, '$MOOV_TOKEN');
        return `Bearer ${auth.token}`;
      case 'none':
        return undefined;
      case 'literal':
        return auth.header;
    }
  }

  private describeAuth(auth: MoovAuth): AuthDescription {
    switch (auth.kind) {
      case 'key':
        return { kind: 'key', user: '$MOOV_PUBLIC_KEY', password: '$MOOV_SECRET_KEY' };
      case 'token':
        return { kind: 'token', scopes: auth.scopes, tokenRef: '$MOOV_TOKEN' };
      case 'none':
        return { kind: 'none' };
      case 'literal':
        return { kind: 'literal', header: auth.header, note: auth.note };
    }
  }

  private async toResponse(
    operation: OperationSpec<MoovOperationId>,
    url: string,
    requestHeaders: Record<string, string>,
    requestBody: string | undefined,
    auth: MoovAuth,
    response: APIResponse,
    startedAt: Date,
  ): Promise<MoovResponse> {
    const text = (await response.body()).toString('utf8');
    const headers = response.headers();
    let json: unknown;
    let parseError: string | undefined;
    if (text !== '') {
      try {
        json = JSON.parse(text) as unknown;
      } catch (error) {
        parseError = (error as Error).message;
      }
    }
    // A minted token is a secret from the moment it exists: register it before anything is recorded.
    const minted = (json as { access_token?: unknown } | undefined)?.access_token;
    if (operation.id === 'createAccessToken' && typeof minted === 'string') secrets.add(minted, '$MOOV_TOKEN');
    const exchange = redactExchange({
      api: 'moov',
      operation: operation.id,
      method: operation.method,
      url,
      requestHeaders,
      requestBody,
      auth: this.describeAuth(auth),
      status: response.status(),
      responseHeaders: headers,
      responseBody: text,
      durationMs: Date.now() - startedAt.getTime(),
      startedAt: startedAt.toISOString(),
    });
    return { operation, status: response.status(), headers, text, json, parseError, exchange };
  }
}
