import type { DocSource } from '../lib/contract/openapi';
import type { Exchange } from '../lib/http/exchange';

/** error: breaks a documented promise. advisory: an implied expectation, fatal only with CONFORMANCE_STRICT=true. */
export type Severity = 'error' | 'advisory';

/** One way a target departed from what a check expects. */
export interface Finding {
  expected: string;
  received: string;
  /** The exchange that shows it, when one response does. */
  exchange?: Exchange;
}

/**
 * A check: one documented promise, one small pure rule. Specs gather the evidence (responses,
 * walks, sequences); checks judge it. `operations` and `statuses` say which cells of the
 * operation × status matrix the check covers.
 */
export interface Check<Input> {
  /** Stable id, e.g. TKT-PAG-001. Used in failures, reports, docs and the self-test. */
  id: string;
  title: string;
  /** The API it judges (its descriptor's name, apis/). */
  api: string;
  severity: Severity;
  /** The doc statement the check enforces. */
  source: DocSource;
  /** RESTler's three lines: what it detects, what triggers it, which extra requests it sends. */
  detects: string;
  triggers: string;
  requests: string;
  operations: readonly string[];
  /** Response statuses the check judges; 'documented' means every status the operation lists. */
  statuses: readonly number[] | 'documented';
  evaluate(input: Input): Finding[];
}

export type AnyCheck = Check<never>;

/** Declares a check; keeps the input type for callers. Registration happens in one place per API. */
export function defineCheck<Input>(check: Check<Input>): Check<Input> {
  if (!/^[A-Z]+-[A-Z]+-\d{3}$/.test(check.id)) throw new Error(`check id "${check.id}" must look like TKT-PAG-001`);
  return check;
}
