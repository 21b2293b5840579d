import type { CheckOutcome, OutcomeCell } from '../../checks/outcomes';
import type { PropertyReplay } from '../../specs/support/property';
import type { OutcomesAttachment, RunInfo } from '../../specs/support/outcomes';

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
  errors: string[];
  cells: OutcomeCell[];
  details: CheckOutcome[];
  counters: Record<string, number>;
  run?: RunInfo;
  replay?: PropertyReplay;
}

export type { OutcomesAttachment };
