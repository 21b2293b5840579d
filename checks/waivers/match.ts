import type { Waiver } from './waiver';

/** What a waiver is matched against: one check failure and the run it happened in. */
export interface FailureFacts {
  checkId: string;
  operation: string;
  message: string;
  /** The target's base URL. */
  target: string;
  targetKind: 'mock' | 'live';
  /** CONFORMANCE_ENV of the run, when one was named. */
  envName?: string;
}

export interface WaiverMatch {
  waiver: Waiver;
  /** live: the failure is waived. expired: it fails the run, and the report says why. */
  state: 'live' | 'expired';
  /** Days from today to the expiry date (0 on the last day, negative once expired). */
  daysLeft: number;
}

const DAY_MS = 86_400_000;

/** Today in UTC, YYYY-MM-DD: the date waivers expire against. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function daysLeft(waiver: Waiver, today: string): number {
  return Math.round((Date.parse(`${waiver.expires}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

function hostOf(url: string): { host: string; hostname: string } | undefined {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, hostname: parsed.hostname };
  } catch {
    return undefined;
  }
}

function targetMatches(waiver: Waiver, failure: Omit<FailureFacts, 'message'>): boolean {
  const wanted = waiver.target;
  if (wanted === undefined) return true;
  if (wanted === 'mock' || wanted === 'live') return failure.targetKind === wanted;
  const strip = (url: string) => url.replace(/\/+$/, '');
  if (strip(wanted) === strip(failure.target)) return true;
  const host = hostOf(failure.target);
  return host !== undefined && (wanted === host.host || wanted === host.hostname);
}

/** Is this check × operation, run against this target, one the waiver speaks of (message aside)? */
export function waiverInScope(waiver: Waiver, scope: Omit<FailureFacts, 'message'>): boolean {
  if (waiver.check !== scope.checkId) return false;
  if (waiver.operation !== undefined && waiver.operation !== scope.operation) return false;
  if (waiver.env !== undefined && waiver.env !== scope.envName) return false;
  return targetMatches(waiver, scope);
}

/** Does this waiver describe this failure (check, operation, target, env, message)? Expiry aside. */
export function waiverDescribes(waiver: Waiver, failure: FailureFacts): boolean {
  if (!waiverInScope(waiver, failure)) return false;
  return waiver.message === undefined || new RegExp(waiver.message).test(failure.message);
}

/**
 * The waiver that covers a failure on `today`: a live one if any describes it, else an expired one
 * (so the report can say the waiver expired), else none.
 */
export function matchWaiver(failure: FailureFacts, waivers: readonly Waiver[], today: string): WaiverMatch | undefined {
  const matches = waivers.filter((w) => waiverDescribes(w, failure)).map((waiver) => {
    const left = daysLeft(waiver, today);
    return { waiver, state: left >= 0 ? 'live' : 'expired', daysLeft: left } satisfies WaiverMatch;
  });
  return matches.find((m) => m.state === 'live') ?? matches[0];
}
