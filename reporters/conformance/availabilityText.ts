import type { Availability, ConformanceReport } from './model';

/** The weather a run met, in one line: what it cost and what it could not judge. */
export function availabilityLine(a: Availability): string {
  const transient = Object.entries(a.transient).sort(([x], [y]) => x.localeCompare(y)).map(([kind, n]) => `${kind}×${n}`);
  return [
    `requests ${a.requests}`,
    `429s met ${a.rateLimited}`,
    `transient errors ridden out ${transient.length > 0 ? transient.join(', ') : 'none'} (${a.retries} retries)`,
    `lost write answers found out ${a.lostAnswers}`,
    `breaker trips ${a.breakerTrips}`,
  ].join(' · ');
}

/** Why the run is inconclusive (empty when it is not). */
export function unavailableLines(a: Availability): string[] {
  return a.unavailable.map((reason) => `target unavailable: ${reason}`);
}

/** The console's last word on a run: the verdict, the counts, and where the report is. */
export function verdictLine(report: ConformanceReport, reportPath: string): string {
  const t = report.tests;
  const counts = [`${t.passed} passed`, `${t.failed} failed`, ...(t.waived > 0 ? [`${t.waived} waived`] : []), `${t.skipped} skipped${t.unavailable > 0 ? ` (${t.unavailable} target unavailable)` : ''}`].join(', ');
  return `conformance: ${report.verdict.toUpperCase()} — ${counts}; ${availabilityLine(report.availability)}. Report: ${reportPath}`;
}
