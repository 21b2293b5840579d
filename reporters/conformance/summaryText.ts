import type { Availability, ConformanceReport, MatrixCell } from './report';

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

/** The console's last word on a run: the verdict, the counts of tests and of checks, and where the report is. */
export function verdictLine(report: ConformanceReport, reportPath: string): string {
  const t = report.tests;
  const counts = [`${t.passed} passed`, `${t.failed} failed`, ...(t.waived > 0 ? [`${t.waived} waived`] : []), `${t.skipped} skipped${t.unavailable > 0 ? ` (${t.unavailable} target unavailable)` : ''}`].join(', ');
  return `conformance: ${report.verdict.toUpperCase()} — tests ${counts}; ${checkCounts(report)}; ${availabilityLine(report.availability)}. Report: ${reportPath}`;
}

/** Checks by what became of them: failed and waived ones by id. */
export function checkCounts(report: ConformanceReport): string {
  const worst = new Map<string, MatrixCell['state']>();
  const rank: MatrixCell['state'][] = ['fail', 'waived', 'advisory', 'pass', 'skipped', 'not-run', 'n/a'];
  for (const row of report.apis.flatMap((a) => a.matrix)) {
    for (const cell of Object.values(row.cells)) {
      const now = worst.get(row.checkId);
      if (now === undefined || rank.indexOf(cell.state) < rank.indexOf(now)) worst.set(row.checkId, cell.state);
    }
  }
  const ids = (state: MatrixCell['state']) => [...worst].filter(([, s]) => s === state).map(([id]) => id);
  const [failed, waived, advisory, passed] = [ids('fail'), ids('waived'), ids('advisory'), ids('pass')];
  const list = (xs: string[]) => (xs.length > 0 && xs.length <= 6 ? ` (${xs.join(', ')})` : '');
  return `checks ${passed.length} passed, ${failed.length} failed${list(failed)}${waived.length > 0 ? `, ${waived.length} waived${list(waived)}` : ''}${advisory.length > 0 ? `, ${advisory.length} advisory` : ''}`;
}

/** One line per waived failure, so the console marks what it printed as a failure as a known deviation. */
export function waivedLines(report: ConformanceReport): string[] {
  return report.apis.flatMap((a) => a.waived).map((f) => `conformance: waived — ${f.checkId} ${f.title} (${f.project} › ${f.test}): a known deviation until ${f.waiver?.expires ?? '?'}, ${f.waiver?.issue ?? ''}`);
}
