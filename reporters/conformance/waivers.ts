import { matchWaiver, waiverInScope, type FailureFacts } from '../../checks/waivers/match';
import { daysLeft } from '../../checks/waivers/match';
import type { WaiverSet } from '../../checks/waivers/waiver';
import type { CollectedTest } from './collected';
import type { FailureEntry, FailureWaiver, WaiverStatus, WaiverSummary } from './report';

/** Applies one run's waivers to its failures and remembers what each waiver did. */
export class WaiverBook {
  private readonly matched = new Map<number, number>();
  private readonly inScope = new Set<number>();

  constructor(
    readonly set: WaiverSet,
    readonly today: string,
  ) {}

  /**
   * Splits a test's failure entries into waived and failing ones. The test counts as waived only
   * if it failed (not timed out or interrupted), every check failure it recorded is covered by a
   * live waiver, and every error it ended with is one of those failures: a waiver never hides a
   * different failure. When the test failed for something no entry names, a crash entry says so.
   */
  judge(test: CollectedTest, entries: FailureEntry[], crash: () => FailureEntry): { failures: FailureEntry[]; waived: FailureEntry[]; testWaived: boolean } {
    this.noteScope(test);
    const failures: FailureEntry[] = [];
    const waived: FailureEntry[] = [];
    for (const entry of entries) {
      const match = entry.severity === 'error' ? this.match(test, entry) : undefined;
      if (!match) {
        failures.push(entry);
        continue;
      }
      this.matched.set(match.waiver.entry, (this.matched.get(match.waiver.entry) ?? 0) + 1);
      const waiver: FailureWaiver = { entry: match.waiver.entry, reason: match.waiver.reason, issue: match.waiver.issue, expires: match.waiver.expires, daysLeft: match.daysLeft, state: match.state };
      (match.state === 'live' ? waived : failures).push({ ...entry, waiver });
    }
    const failed = test.status === 'failed' || test.status === 'timedOut';
    if (!failed || waived.length === 0) return { failures, waived, testWaived: false };
    const waivedIds = [...new Set(waived.map((w) => w.checkId))];
    const explained = test.status === 'failed' && test.errors.length > 0 && test.errors.every((error) => waivedIds.some((id) => error.includes(`[${id}]`)));
    if (failures.length === 0 && !explained) failures.push(crash());
    return { failures, waived, testWaived: failures.length === 0 && explained };
  }

  summary(): WaiverSummary {
    const entries = this.set.waivers.map((waiver): WaiverStatus => {
      const left = daysLeft(waiver, this.today);
      const matched = this.matched.get(waiver.entry) ?? 0;
      const status = left < 0 ? 'expired' : matched > 0 ? 'applied' : this.inScope.has(waiver.entry) ? 'stale' : 'not exercised';
      return { ...waiver, daysLeft: left, status, matched };
    });
    return { file: this.set.file, today: this.today, entries };
  }

  private match(test: CollectedTest, entry: FailureEntry) {
    const facts: FailureFacts = {
      checkId: entry.checkId,
      operation: entry.operation,
      message: entry.message,
      target: test.run?.target ?? '',
      targetKind: test.run?.targetKind ?? 'mock',
      envName: test.run?.envName,
    };
    return matchWaiver(facts, this.set.waivers, this.today);
  }

  /** Waivers whose check × operation ran against a target they speak of, failing or not. */
  private noteScope(test: CollectedTest): void {
    if (!test.run) return;
    const run = test.run;
    for (const waiver of this.set.waivers) {
      if (this.inScope.has(waiver.entry)) continue;
      if (test.cells.some((c) => waiverInScope(waiver, { checkId: c.checkId, operation: c.operation, target: run.target, targetKind: run.targetKind, envName: run.envName }))) this.inScope.add(waiver.entry);
    }
  }
}
