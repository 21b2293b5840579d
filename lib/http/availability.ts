import type { Exchange } from './exchange';

/**
 * Weather: what a real target does besides conforming or not. Gateways answer 502/503/504, drop
 * connections, rate-limit and hang; none of that is a verdict on the API. The transport retries
 * what is safe to repeat and raises these errors for the rest, so a test ends "target
 * unavailable" (inconclusive) or hands a lost write to the code that can find out what happened.
 */

/** The skip reason every test that could not be judged starts with (reports and the self-test read it). */
export const TARGET_UNAVAILABLE = 'target unavailable';

/** The target could not be judged: unreachable, hanging, or answering transient errors beyond the retry budget. */
export class TargetUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`${TARGET_UNAVAILABLE}: ${reason}`);
    this.name = 'TargetUnavailableError';
  }
}

/**
 * A request that is not safe to repeat (a create or an update the target should perform) got no
 * usable answer: a 502/503/504, a 500, a dropped connection, or silence while the target answers
 * others. It may or may not have happened; the caller finds out before anything is repeated.
 */
export class AnswerLostError extends Error {
  constructor(readonly what: string, readonly exchange?: Exchange) {
    super(`the answer was lost: ${what}`);
    this.name = 'AnswerLostError';
  }
}

/** What a transport met on its way, for the report's availability facts. */
export interface TransportStats {
  /** Requests that got an HTTP answer or lost their connection (every attempt counts). */
  requests: number;
  /** 429s met (each waited out as Retry-After says). */
  rateLimited: number;
  /** Transient answers retried or recovered from, by kind: '502', '503', '504', '500', 'dropped', 'hung'. */
  transient: Record<string, number>;
  /** Retries spent on transient answers (429 waits not included). */
  retries: number;
  /** Writes whose answer was lost and had to be found out. */
  lostAnswers: number;
  /** Times this transport opened the circuit breaker (the target stopped answering). */
  breakerTrips: number;
}

export function emptyStats(): TransportStats {
  return { requests: 0, rateLimited: 0, transient: {}, retries: 0, lostAnswers: 0, breakerTrips: 0 };
}

export function copyStats(stats: TransportStats): TransportStats {
  return { ...stats, transient: { ...stats.transient } };
}

/** Flat per-test counters (report attachments hold numbers only): `transient504`, `retries`... */
export function availabilityCounters(before: TransportStats, after: TransportStats): Record<string, number> {
  const out: Record<string, number> = {
    requests: after.requests - before.requests,
    rateLimited: after.rateLimited - before.rateLimited,
    retries: after.retries - before.retries,
    lostAnswers: after.lostAnswers - before.lostAnswers,
    breakerTrips: after.breakerTrips - before.breakerTrips,
  };
  for (const [kind, n] of Object.entries(after.transient)) {
    const delta = n - (before.transient[kind] ?? 0);
    if (delta > 0) out[`transient${kind}`] = delta;
  }
  return out;
}

/** Gateway answers a request may get without the server having judged it. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/** Network errors raised before a request reached the server: repeating them is always safe. */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/** Errors no retry mends: the target's TLS is wrong for this client. */
export function isTlsError(code: string): boolean {
  return /CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code);
}

/** Retries per request for transient answers and dropped connections. */
export const MAX_TRANSIENT_RETRIES = 4;

/**
 * The retries a transport may spend in all, given the requests it has sent: a few for any run,
 * then a tenth of the traffic. Past it the target is too unwell to judge (inconclusive).
 */
export function retryBudget(requests: number): number {
  return 10 + Math.ceil(requests / 10);
}

/**
 * The wait before retry `attempt` (0-based): exponential from 100 ms, capped at 2 s, with full
 * jitter so workers do not retry in step; a Retry-After the answer names wins (capped at 10 s).
 */
export function backoffMs(attempt: number, retryAfter: string | undefined, random: () => number = Math.random): number {
  const named = Number(retryAfter);
  if (retryAfter !== undefined && Number.isFinite(named) && named > 0) return Math.min(10, named) * 1000;
  const ceiling = Math.min(2000, 100 * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
