import type { TestOutcomes } from './outcomes';

/**
 * What a conformance test leaves for the reporters: the attachments' names and shapes. Specs write
 * them (specs/support/outcomes.ts, specs/support/property.ts) and reporters read them; both import
 * this file, neither imports the other.
 */
export const OUTCOMES_ATTACHMENT = 'conformance-outcomes';
export const PROPERTY_REPLAY_ATTACHMENT = 'property-replay';

/** Per-test counters a report adds up (requests made, 429s met, tickets created and closed). */
export type RunCounters = Record<string, number>;

/** What a report says about the run a test belonged to (carried per test, so merged shards keep it). */
export interface RunInfo {
  /** The API's name (its descriptor's, apis/). */
  api: string;
  /** Where requests went: a URL, never credentials. */
  target: string;
  targetKind: 'mock' | 'live';
  /** The API version tested (e.g. the X-Moov-Version sent). */
  version: string;
  seed: number;
  runId: string;
  /** Anything else worth a line in the report (SDK version, contract version...). */
  details?: Record<string, string>;
  /** CONFORMANCE_ENV of the run, when one was named (waivers may be scoped to it). */
  envName?: string;
}

export interface OutcomesAttachment extends TestOutcomes {
  counters: RunCounters;
  run: RunInfo;
}

/** What a failing property leaves for the report's replay bundle. */
export interface PropertyReplay {
  title: string;
  label: string;
  baseSeed: number;
  seed: number;
  path: string;
  counterexample: string;
  command: string;
}
