import type { APIRequestContext, APIResponse } from '@playwright/test';
import type { OperationSpec } from '../contract/loadContract';
import { secrets } from '../redaction/secrets';
import { redactExchange, type AuthDescription, type Exchange } from './exchange';
import { credentialGateway, GATEWAY_NETWORK_ERROR } from './credentialGateway';
import { Throttle } from './throttle';

/** Headers whose values are credentials: they never reach Playwright in clear. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'cookie']);

/** The target did not answer at all (refused, reset, unknown host): not a conformance finding. */
export class TargetUnreachableError extends Error {
  constructor(readonly url: string, readonly code: string) {
    super(`cannot reach ${new URL(url).origin} (${code}) for ${url}`);
    this.name = 'TargetUnreachableError';
  }
}

export interface TransportRequest {
  operation: OperationSpec;
  url: string;
  headers: Record<string, string>;
  body?: string;
  auth: AuthDescription;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body when it is JSON, otherwise undefined (see parseError). */
  json: unknown;
  parseError?: string;
  exchange: Exchange;
}

export interface TransportStats {
  requests: number;
  rateLimited: number;
}

export interface TransportOptions {
  api: string;
  maxRps?: number;
  /** How long one request may go unanswered before it counts as hung (CONFORMANCE_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Called with each parsed JSON body before it is recorded, to register secrets it carries. */
  onBody?: (operation: OperationSpec, json: unknown) => void;
  wait?: (ms: number) => Promise<void>;
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

/** The target accepted a request and never answered it within the request timeout: a failure, naming the request. */
export class RequestHungError extends Error {
  constructor(readonly method: string, readonly url: string, readonly timeoutMs: number) {
    super(`${method} ${url} hung: no answer within ${timeoutMs} ms (CONFORMANCE_REQUEST_TIMEOUT_MS)`);
    this.name = 'RequestHungError';
  }
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Playwright's request errors carry a call log with every request header, Authorization included:
 * rethrow them with credentials removed, so a network failure cannot print a key.
 */
export function scrubbed(error: unknown): Error {
  const scrub = (text: string) => secrets.redact(text).replace(/^(\s*(?:proxy-)?authorization:\s*)(\S+)(.*)$/gim, '$1$2 [redacted]');
  const message = scrub(error instanceof Error ? error.message : String(error));
  const clean = new Error(message);
  clean.name = error instanceof Error ? error.name : 'Error';
  clean.stack = `${clean.name}: ${message}\n${scrub((error instanceof Error ? error.stack ?? '' : '').split('\n').filter((l) => /^\s+at /.test(l)).join('\n'))}`;
  return clean;
}

/**
 * HTTP for every API the suite tests: honours 429 Retry-After (bounded) and a client-side rate
 * cap, counts what it does, and records each exchange redacted.
 */
export class Transport {
  readonly stats: TransportStats = { requests: 0, rateLimited: 0 };
  /**
   * Told, before each wait and each request, the longest it may legitimately take (throttle spacing,
   * Retry-After, the request timeout): the fixtures extend the running test's time limit by it, so
   * a test's limit follows the requests it makes and the rate cap, and only a hung request fails.
   */
  onTimeNeeded: (ms: number) => void = () => undefined;
  private readonly throttle: Throttle;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(private readonly http: APIRequestContext, private readonly options: TransportOptions) {
    this.wait = options.wait ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
    this.throttle = new Throttle(options.maxRps, this.wait);
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    // A Buffer, not a string: Playwright re-encodes JSON-typed strings that do not parse as JSON.
    const data = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    // Credentials travel as placeholders through Playwright; the gateway puts the real ones back.
    const viaGateway = await credentialGateway.route(request.url);
    const headers = { ...request.headers };
    for (const name of Object.keys(headers)) {
      if (SECRET_HEADERS.has(name.toLowerCase())) headers[name] = credentialGateway.placeholder(headers[name] ?? '');
    }
    const timeout = this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    for (let attempt = 0; ; attempt++) {
      this.onTimeNeeded(this.throttle.delay() + timeout);
      await this.throttle.take();
      const startedAt = new Date();
      let response: APIResponse;
      try {
        response = await this.http.fetch(viaGateway, { method: request.operation.method, headers, data, failOnStatusCode: false, maxRedirects: 0, timeout });
      } catch (error) {
        if (error instanceof Error && /timeout/i.test(error.message) && Date.now() - startedAt.getTime() >= timeout - 50) {
          throw new RequestHungError(request.operation.method, secrets.redact(request.url), timeout);
        }
        throw scrubbed(error);
      }
      if (response.status() === GATEWAY_NETWORK_ERROR && response.headers()['x-gateway-error']) {
        throw new TargetUnreachableError(request.url, response.headers()['x-gateway-error'] ?? 'error');
      }
      this.stats.requests += 1;
      const result = await this.toResponse(request, response, startedAt);
      if (result.status !== 429) return result;
      this.stats.rateLimited += 1;
      if (attempt >= MAX_429_RETRIES) throw new RateLimitedError(result.exchange);
      const retryAfter = Number(result.headers['retry-after']);
      const waitMs = 1000 * Math.min(MAX_RETRY_AFTER_S, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 2 ** attempt);
      this.onTimeNeeded(waitMs);
      await this.wait(waitMs);
    }
  }

  private async toResponse(request: TransportRequest, response: APIResponse, startedAt: Date): Promise<TransportResponse> {
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
    this.options.onBody?.(request.operation, json);
    const exchange = redactExchange({
      api: this.options.api,
      operation: request.operation.id,
      method: request.operation.method,
      url: request.url,
      requestHeaders: request.headers,
      requestBody: request.body,
      auth: request.auth,
      status: response.status(),
      responseHeaders: headers,
      responseBody: text,
      durationMs: Date.now() - startedAt.getTime(),
      startedAt: startedAt.toISOString(),
    });
    return { status: response.status(), headers, text, json, parseError, exchange };
  }
}

export { secrets };
