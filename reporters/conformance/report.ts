import type { AnyCheck } from '../../checks/check';
import type { PropertyReplay, RunInfo } from '../../checks/attachments';
import type { Waiver } from '../../checks/waivers/waiver';
import type { DocSource } from '../../lib/contract/openapi';
import type { Exchange } from '../../lib/http/exchange';
import type { TransportStats } from '../../lib/http/availability';
import type { DriftAttachment } from '../../lib/calibration/drift';

/**
 * The conformance report's shape (reports/conformance.json): what the model builds, the renderers
 * draw, the baseline compares and the history keeps. Types only; it imports none of them.
 */

/** waived: every failure in the cell is a known deviation a live waiver covers. */
export type CellState = 'pass' | 'fail' | 'waived' | 'advisory' | 'skipped' | 'not-run' | 'n/a';

export interface MatrixCell {
  state: CellState;
  passed: number;
  failed: number;
  advisory: number;
  reason?: string;
}

export interface MatrixRow {
  checkId: string;
  title: string;
  severity: AnyCheck['severity'];
  cells: Record<string, MatrixCell>;
}

export interface FailureEntry {
  id: string;
  checkId: string;
  title: string;
  operation: string;
  project: string;
  test: string;
  /** The test's own title, for `-g`. */
  grep: string;
  location: string;
  /** unconfirmed: a live failure its replay did not reproduce (reported, never counted as a failure). */
  severity: 'error' | 'advisory' | 'crash' | 'unconfirmed';
  message: string;
  source?: DocSource;
  exchange?: Exchange;
  reproduce?: string;
  replay?: PropertyReplay;
  /** The waiver this failure met: live (it is listed as waived) or expired (it fails the run). */
  waiver?: FailureWaiver;
}

export interface Ratio {
  count: number;
  of: number;
  percent: number;
}

export interface ApiSection {
  api: string;
  title: string;
  /** Documented operation × status × check cells this run exercised. */
  coverage: Ratio;
  /** Exercised cells in which no check failed. */
  conformance: Ratio;
  operations: string[];
  matrix: MatrixRow[];
  /** Failures that fail the run (an expired waiver's among them, marked). */
  failures: FailureEntry[];
  /** Failures a live waiver covers: known deviations, listed with reason, link and days left. */
  waived: FailureEntry[];
  advisories: FailureEntry[];
  /** Live failures that did not repeat when replayed: evidence, not a verdict. */
  notReproducible: FailureEntry[];
  skipped: Array<{ test: string; project: string; reason: string; checks: string[] }>;
  notes: string[];
  projects: Array<{ project: string; version: string; target: string; details: Record<string, string>; passed: number; failed: number; waived: number; skipped: number }>;
  runs: RunInfo[];
}

export interface ConformanceReport {
  generatedAt: string;
  durationMs: number;
  /**
   * passes with waivers: every failure was a known deviation a live waiver covers. inconclusive:
   * nothing failed, but the target could not be judged (unreachable, hanging, too many transient
   * errors): tests ended "target unavailable", and the run fails all the same.
   */
  verdict: 'conforms' | 'passes with waivers' | 'fails' | 'inconclusive' | 'no checks ran';
  /**
   * failed: tests that fail the run; waived: failed tests whose every failure a live waiver
   * covers; unavailable: skipped tests the target could not be judged in (among `skipped`).
   */
  tests: { passed: number; failed: number; skipped: number; waived: number; unavailable: number };
  /** closed: by the tests and by the cleanup at the end of the run (closedAtEnd of them); uncertain: creates whose answer was lost and whose ticket was never found. */
  counters: { requests: number; rateLimited: number; created: number; closed: number; closedAtEnd?: number; uncertain?: number };
  /** What the targets' weather cost the run, and why any test could not be judged. */
  availability: Availability;
  seeds: number[];
  apis: ApiSection[];
  /** The waivers file and what became of each entry (applied, stale, expired, not exercised). */
  waivers?: WaiverSummary;
  /** What changed since CONFORMANCE_BASELINE's report. */
  baseline?: BaselineDiff;
  /** The last runs' headlines from CONFORMANCE_HISTORY, oldest first, this run last. */
  trend?: TrendEntry[];
  /** Silent points answered otherwise than CONFORMANCE_PROFILE says, per project that checked them. */
  drift?: DriftReport[];
}

/** The transports' weather, summed over the run's tests (lib/http/availability.ts). */
export interface Availability extends TransportStats {
  /** Why tests (or the whole run, before its first test) could not be judged, each reason once. */
  unavailable: string[];
}

/** One project's drift check: advisory findings, or failing ones under CONFORMANCE_STRICT. */
export type DriftReport = DriftAttachment & { project: string };

/** A failure as the baseline comparison names it: the same check, operation and test in the same project. */
export interface FailureRef {
  project: string;
  checkId: string;
  title: string;
  operation: string;
  test: string;
}

export interface RatioChange {
  /** Percent in the baseline (absent when the baseline did not test this API). */
  before?: number;
  after: number;
  /** after − before, in percentage points. */
  delta?: number;
}

/** What changed since an earlier run's conformance.json. */
export interface BaselineDiff {
  file: string;
  /** When the baseline's report was written. */
  generatedAt: string;
  /** Failing now (and not waived), not failing in the baseline. */
  newFailures: FailureRef[];
  /** Failing in the baseline; their check ran this time and passed. */
  fixed: FailureRef[];
  /** Failing (or waived) in both. */
  stillFailing: FailureRef[];
  /** Failing in the baseline; their check did not run this time, so nothing is known. */
  notRerun: FailureRef[];
  apis: Array<{ api: string; title: string; coverage: RatioChange; conformance: RatioChange }>;
}

/** The report of an earlier run, as far as the comparison needs it (older reports lack `waived`). */
export type BaselineReport = Pick<ConformanceReport, 'generatedAt'> & {
  apis: Array<Pick<ConformanceReport['apis'][number], 'api' | 'title' | 'coverage' | 'conformance' | 'failures'> & { waived?: FailureEntry[] }>;
};

/** One run's headline, one JSON line in CONFORMANCE_HISTORY. */
export interface TrendEntry {
  date: string;
  verdict: ConformanceReport['verdict'];
  durationMs: number;
  requests: number;
  /** Failures that failed the run, and failures waivers covered, over all APIs. */
  failures: number;
  waived: number;
  apis: Array<{ api: string; target: string; version: string; coverage: number; conformance: number; failures: number; waived: number }>;
}

/** The waiver a failure met, as the report shows it. */
export interface FailureWaiver {
  entry: number;
  reason: string;
  issue: string;
  expires: string;
  daysLeft: number;
  /** live: the failure is waived; expired: it fails the run, and the report says the waiver expired. */
  state: 'live' | 'expired';
}

/** One entry of the waivers file and what became of it in this run. */
export interface WaiverStatus extends Waiver {
  daysLeft: number;
  /**
   * applied: it waived failures. stale: what it names ran and did not fail as it says (delete it).
   * expired: past its date (failures it describes fail the run). not exercised: what it names did
   * not run against a target it speaks of, so this run cannot tell.
   */
  status: 'applied' | 'stale' | 'expired' | 'not exercised';
  /** Failures it waived (applied) or would have waived (expired). */
  matched: number;
}

export interface WaiverSummary {
  file: string;
  today: string;
  entries: WaiverStatus[];
}

