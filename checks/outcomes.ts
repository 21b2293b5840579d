import type { Exchange } from '../lib/http/exchange';

/** What happened when a check judged some evidence. */
export interface CheckOutcome {
  checkId: string;
  operation: string;
  /** The response status the check judged, when it judged one response. */
  status?: number;
  /** unconfirmed: a failure a live replay did not reproduce (reported as such, never as a failure). */
  outcome: 'pass' | 'fail' | 'advisory' | 'unconfirmed';
  message?: string;
  exchange?: Exchange;
  reproduce?: string;
}

/** Per-test tally, keyed by check × operation × status, so reports stay small. */
export interface OutcomeCell {
  checkId: string;
  operation: string;
  status?: number;
  passed: number;
  failed: number;
  advisory: number;
  /** Failures a live replay did not reproduce. */
  unconfirmed?: number;
}

export interface TestOutcomes {
  cells: OutcomeCell[];
  /** Failures and advisories in full (the first few of each cell). */
  details: CheckOutcome[];
}

// The last few per cell: in a property test the last failure is the shrunk counterexample's.
const DETAILS_PER_CELL = 3;

/** Collects outcomes for the running test; the fixture drains it into an attachment. */
class OutcomeRecorder {
  private cells = new Map<string, OutcomeCell>();
  private details: CheckOutcome[] = [];
  /** The cell and detail of every failure recorded, in order (what unconfirm() takes back). */
  private failures: Array<{ cell: OutcomeCell; detail: CheckOutcome }> = [];

  /** A point to take failures back to (see unconfirm). */
  mark(): number {
    return this.failures.length;
  }

  /**
   * Turns the failures recorded since `mark` into unconfirmed ones: evidence a live replay did
   * not reproduce is reported as not reproducible, never as a failure. Returns how many.
   */
  unconfirm(mark: number): number {
    const taken = this.failures.splice(mark);
    for (const { cell, detail } of taken) {
      cell.failed -= 1;
      cell.unconfirmed = (cell.unconfirmed ?? 0) + 1;
      detail.outcome = 'unconfirmed';
    }
    return taken.length;
  }

  record(outcome: CheckOutcome): void {
    const key = `${outcome.checkId}|${outcome.operation}|${outcome.status ?? ''}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { checkId: outcome.checkId, operation: outcome.operation, status: outcome.status, passed: 0, failed: 0, advisory: 0 };
      this.cells.set(key, cell);
    }
    if (outcome.outcome === 'pass') {
      cell.passed += 1;
      return;
    }
    if (outcome.outcome === 'fail') {
      cell.failed += 1;
      this.failures.push({ cell, detail: outcome });
    } else if (outcome.outcome === 'unconfirmed') cell.unconfirmed = (cell.unconfirmed ?? 0) + 1;
    else cell.advisory += 1;
    this.details.push(outcome);
    const same = this.details.filter((d) => d.checkId === outcome.checkId && d.operation === outcome.operation && d.status === outcome.status && d.outcome === outcome.outcome);
    if (same.length > DETAILS_PER_CELL) this.details.splice(this.details.indexOf(same[0]!), 1);
  }

  drain(): TestOutcomes {
    const out = { cells: [...this.cells.values()], details: this.details };
    this.cells = new Map();
    this.details = [];
    this.failures = [];
    return out;
  }
}

export const outcomes = new OutcomeRecorder();
