import type { APIRequestContext, APIResponse } from '@playwright/test';
import type { OperationSpec } from '../contract/loadContract';
import { secrets } from '../redaction/secrets';
import { redactExchange, type AuthDescription, type Exchange } from './exchange';
import { credentialGateway, GATEWAY_NETWORK_ERROR } from './credentialGateway';
import { Throttle } from './throttle';
import {
  AnswerLostError,
  backoffMs,
  emptyStats,
  isTlsError,
  MAX_TRANSIENT_RETRIES,
  NOT_SENT_CODES,
  retryBudget,
  TargetUnavailableError,
  TRANSIENT_STATUSES,
  type TransportStats,
} from './availability';
import { Breaker } from './breaker';

/** Headers whose values are credentials: they never reach Playwright in clear. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'cookie']);

export interface TransportRequest {
  operation: OperationSpec;
  url: string;
  headers: Record<string, string>;
  body?: string;
  auth: AuthDescription;
  /**
   * Safe to send again when its answer is transient or lost (reads, the token endpoint, requests
   * the target must refuse). Default: GET and HEAD only. A write that is not repeatable raises
   * AnswerLostError instead, for the caller to find out whether it happened.
   */
  repeatable?: boolean;
  /** A method other than the operation's (an undocumented one probed on the operation's path). */
  method?: string;
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

export interface TransportOptions {
  api: string;
  maxRps?: number;
  /** How long one request may go unanswered before it counts as hung (CONFORMANCE_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Called with each parsed JSON body before it is recorded, to register secrets it carries. */
  onBody?: (operation: OperationSpec, json: unknown) => void;
  wait?: (ms: number) => Promise<void>;
  /**
   * A cheap request the target answers when it is up (a one-ticket page): sent after a request
   * hangs, to tell a target that stopped answering (the breaker opens) from one request it cannot
   * answer (a failure of that request).
   */
  health?: { url: string; headers: Record<string, string> };
  /** The run's breaker for this target (shared by its workers); default: one of this transport's own. */
  breaker?: Breaker;
  /** Jitter source for backoff (tests pin it). */
  random?: () => number;
}

const MAX_429_RETRIES = 4;
const MAX_RETRY_AFTER_S = 30;

/** Raised when a target keeps answering 429 beyond the retry budget: the test cannot be judged, it is not failed. */
export class RateLimitedError extends TargetUnavailableError {
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
/** How long a health check may take: a target that is up answers a one-ticket page quickly. */
const HEALTH_TIMEOUT_MS = 5_000;
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** One attempt's outcome: an HTTP answer, silence past the timeout, or a connection that failed. */
type Attempt =
  | { kind: 'answer'; response: APIResponse; startedAt: Date }
  | { kind: 'hung' }
  | { kind: 'network'; code: string };

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
 * cap, rides out weather (transient 502/503/504 answers, dropped connections, a 500 that does not
 * repeat) on requests that are safe to repeat, hands lost writes back to the caller, opens the
 * run's breaker when the target stops answering, counts what it does, and records each exchange
 * redacted.
 */
export class Transport {
  readonly stats: TransportStats = emptyStats();
  /**
   * Told, before each wait and each request, the longest it may legitimately take (throttle spacing,
   * Retry-After, the request timeout): the fixtures extend the running test's time limit by it, so
   * a test's limit follows the requests it makes and the rate cap, and only a hung request fails.
   */
  onTimeNeeded: (ms: number) => void = () => undefined;
  private readonly throttle: Throttle;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly breaker: Breaker;
  private readonly random: () => number;

  constructor(private readonly http: APIRequestContext, private readonly options: TransportOptions) {
    this.wait = options.wait ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
    this.throttle = new Throttle(options.maxRps, this.wait);
    this.breaker = options.breaker ?? new Breaker();
    this.random = options.random ?? Math.random;
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    // A Buffer, not a string: Playwright re-encodes JSON-typed strings that do not parse as JSON.
    const data = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    // Credentials travel as placeholders through Playwright; the gateway puts the real ones back.
    // Credentials in the URL (probes of credentials in the wrong place) become placeholders too.
    const viaGateway = await credentialGateway.route(secrets.substitute(request.url, (value) => credentialGateway.placeholder(value)));
    const headers = hideSecrets(request.headers);
    const method = request.method ?? request.operation.method;
    const repeatable = request.repeatable ?? SAFE_METHODS.has(method.toUpperCase());
    const timeout = this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const shown = `${method} ${secrets.redact(request.url)}`;
    let rateLimitWaits = 0;
    let transientRetries = 0;
    let serverErrorSeen = false;
    let hangSeen = false;
    for (;;) {
      this.assertAvailable();
      this.onTimeNeeded(this.throttle.delay() + timeout);
      await this.throttle.take();
      const attempt = await this.attempt(viaGateway, method, headers, data, timeout);

      if (attempt.kind === 'network') {
        this.stats.requests += 1;
        const reached = !NOT_SENT_CODES.has(attempt.code);
        if (isTlsError(attempt.code)) throw this.unavailable(`${originOf(request.url)} refused the TLS handshake (${attempt.code})`);
        this.count('dropped');
        // A connection cut after the request went out may have carried out a write.
        if (reached && !repeatable) throw this.lost(`${shown}: the connection was dropped (${attempt.code})`);
        if (transientRetries < MAX_TRANSIENT_RETRIES) {
          await this.retryAfterWeather(transientRetries++, undefined);
          continue;
        }
        throw this.unavailable(reached ? `${originOf(request.url)} keeps dropping connections (${attempt.code} on ${shown})` : `cannot reach ${originOf(request.url)} (${attempt.code})`);
      }

      if (attempt.kind === 'hung') {
        this.stats.requests += 1;
        // Silence on one request: is the target gone, or is it this request?
        if (!(await this.healthy())) throw this.unavailable(`${originOf(request.url)} stopped answering: ${shown} and a health check went unanswered (request timeout ${timeout} ms)`);
        if (!repeatable) throw this.lost(`${shown}: no answer within ${timeout} ms while the target answers other requests`);
        if (!hangSeen) {
          hangSeen = true;
          this.count('hung');
          continue;
        }
        throw new RequestHungError(method, secrets.redact(request.url), timeout);
      }

      this.stats.requests += 1;
      const result = await this.toResponse(request, attempt.response, attempt.startedAt);
      if (result.status === 429) {
        this.stats.rateLimited += 1;
        if (rateLimitWaits >= MAX_429_RETRIES) throw new RateLimitedError(result.exchange);
        const retryAfter = Number(result.headers['retry-after']);
        const waitMs = 1000 * Math.min(MAX_RETRY_AFTER_S, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 2 ** rateLimitWaits);
        rateLimitWaits += 1;
        this.onTimeNeeded(waitMs);
        await this.wait(waitMs);
        continue;
      }
      if (TRANSIENT_STATUSES.has(result.status)) {
        this.count(String(result.status));
        if (!repeatable) throw this.lost(`${shown} answered ${result.status}`, result.exchange);
        if (transientRetries < MAX_TRANSIENT_RETRIES) {
          await this.retryAfterWeather(transientRetries++, result.headers['retry-after']);
          continue;
        }
        // Still a gateway's answer after the retries: the target could not be judged on this request
        // (502/503/504 say the service is unavailable, not that it erred). Unwell as a whole: the breaker.
        if (!(await this.healthy())) throw this.unavailable(`${originOf(request.url)} answers ${result.status} to every request (${shown} and a health check)`);
        throw new TargetUnavailableError(`${shown} answered ${result.status} after ${MAX_TRANSIENT_RETRIES} retries`);
      }
      // "Unexpected error": a finding only when the same request gives it again.
      if (result.status === 500 && !serverErrorSeen) {
        serverErrorSeen = true;
        this.count('500');
        if (!repeatable) throw this.lost(`${shown} answered 500`, result.exchange);
        await this.retryAfterWeather(0, undefined);
        continue;
      }
      return result;
    }
  }

  /**
   * Lets the next `size` requests go out at once (a parallel-use test's burst), within the rate
   * cap's spirit: the cap's spacing for them is paid by the requests after the burst.
   */
  allowBurst(size: number): void {
    this.throttle.allowBurst(size);
  }

  /** Throws TargetUnavailableError when the run's breaker for this target is open. */
  assertAvailable(): void {
    const reason = this.breaker.openReason();
    if (reason !== undefined) throw new TargetUnavailableError(reason);
  }

  private count(kind: string): void {
    this.stats.transient[kind] = (this.stats.transient[kind] ?? 0) + 1;
  }

  private lost(what: string, exchange?: Exchange): AnswerLostError {
    this.stats.lostAnswers += 1;
    return new AnswerLostError(what, exchange);
  }

  /** Opens the breaker (the rest of the run ends at once) and says why. */
  private unavailable(reason: string): TargetUnavailableError {
    if (this.breaker.trip(reason)) this.stats.breakerTrips += 1;
    return new TargetUnavailableError(this.breaker.openReason() ?? reason);
  }

  /** Waits out a transient answer, within the run's retry budget. */
  private async retryAfterWeather(attempt: number, retryAfter: string | undefined): Promise<void> {
    if (this.stats.retries >= retryBudget(this.stats.requests)) {
      throw this.unavailable(`too many transient errors: ${this.stats.retries} retries for ${this.stats.requests} requests (${Object.entries(this.stats.transient).map(([k, n]) => `${n}× ${k}`).join(', ')})`);
    }
    this.stats.retries += 1;
    const ms = backoffMs(attempt, retryAfter, this.random);
    this.onTimeNeeded(ms);
    await this.wait(ms);
  }

  private async attempt(url: string, method: string, headers: Record<string, string>, data: Buffer | undefined, timeout: number): Promise<Attempt> {
    const startedAt = new Date();
    let response: APIResponse;
    try {
      response = await this.http.fetch(url, { method, headers, data, failOnStatusCode: false, maxRedirects: 0, timeout });
    } catch (error) {
      if (error instanceof Error && /timeout/i.test(error.message) && Date.now() - startedAt.getTime() >= timeout - 50) return { kind: 'hung' };
      const message = error instanceof Error ? error.message : String(error);
      // Playwright's own request errors (a disposed context) are the suite's, not the target's.
      if (/disposed|closed/i.test(message) && !/socket|ECONN/i.test(message)) throw scrubbed(error);
      return { kind: 'network', code: /\b(E[A-Z_]{3,})\b/.exec(message)?.[1] ?? 'ECONNRESET' };
    }
    const gatewayError = response.headers()['x-gateway-error'];
    if (response.status() === GATEWAY_NETWORK_ERROR && gatewayError) return { kind: 'network', code: gatewayError };
    return { kind: 'answer', response, startedAt };
  }

  /** One quick request the target answers when it is up (none configured: a hang counts as the target's). */
  private async healthy(): Promise<boolean> {
    const health = this.options.health;
    if (!health) return false;
    const timeout = Math.min(HEALTH_TIMEOUT_MS, this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
    this.onTimeNeeded(timeout);
    const attempt = await this.attempt(await credentialGateway.route(health.url), 'GET', hideSecrets(health.headers), undefined, timeout);
    this.stats.requests += 1;
    return attempt.kind === 'answer' && attempt.response.status() < 500;
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
      method: request.method ?? request.operation.method,
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

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Request headers with credentials swapped for the gateway's placeholders. */
function hideSecrets(headers: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  for (const name of Object.keys(out)) {
    if (SECRET_HEADERS.has(name.toLowerCase())) out[name] = credentialGateway.placeholder(out[name] ?? '');
  }
  return out;
}

export { secrets };
export { AnswerLostError, TargetUnavailableError, type TransportStats } from './availability';
