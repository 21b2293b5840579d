import type { CheckOutcome, OutcomeCell } from '../../checks/outcomes';
import type { DriftAttachment } from '../../lib/calibration/drift';
import type { OutcomesAttachment, PropertyReplay, RunInfo } from '../../checks/attachments';

/** What the reporter keeps of one finished test. */
export interface CollectedTest {
  project: string;
  title: string;
  /** The test's own title, without its describe blocks. */
  leafTitle: string;
  file: string;
  line: number;
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  durationMs: number;
  /** Check ids the test declared it covers (annotations of type "covers"). */
  covers: string[];
  skipReason?: string;
  /** Annotations worth a line in the report (SDK drift, endpoints a target does not serve). */
  notes: string[];
  errors: string[];
  cells: OutcomeCell[];
  details: CheckOutcome[];
  counters: Record<string, number>;
  run?: RunInfo;
  replay?: PropertyReplay;
  /** What the drift check found against CONFORMANCE_PROFILE (specs/moov/drift.spec.ts, specs/teamwork-desk/drift.spec.ts). */
  drift?: DriftAttachment;
}

export type { OutcomesAttachment };
