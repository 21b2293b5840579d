import type { Case } from './cases';
import type { CaseResult } from './results';

export function tail(output: string, lines = 25): string {
  return output.trim().split('\n').slice(-lines).map((l) => `      ${l}`).join('\n');
}

export function failures(result: CaseResult, max = 3): string {
  const shown = result.failed.slice(0, max).map((f) => `    ${f.title}\n${tail(f.message.split('\n').slice(0, 12).join('\n'))}`);
  const more = result.failed.length > max ? [`    ... and ${result.failed.length - max} more failed test(s)`] : [];
  const skips = [...result.skips].map(([reason, n]) => `    ${n} test(s) skipped: ${reason}`);
  return [...shown, ...more, ...skips, ...result.batchErrors.map((e) => `    run error:\n${tail(e)}`)].join('\n');
}

export interface Tally {
  caught: number;
  faults: number;
  passedVariants: number;
  variants: number;
  /** Outage cases judged inconclusive, fast, as they must be. */
  inconclusive: number;
  outages: number;
  problems: string[];
}

export function judge(c: Case, result: CaseResult, tally: Tally): void {
  const label = `${c.api.name} (${c.mode} mode)`;
  const seconds = `${(result.ms / 1000).toFixed(1)} s`;
  const counts = `${c.focus ? `focused on ${c.focus.join(', ')}: ` : ''}${result.ran} ran${result.failed.length > 0 ? `, ${result.failed.length} failed` : ''}${result.skipped > 0 ? `, ${result.skipped} skipped` : ''}, ${result.workers.size} worker(s)`;
  const doubtful = result.batchErrors.length > 0;
  if (c.kind === 'fault') {
    tally.faults += 1;
    const hit = c.expect.filter((id) => result.ids.has(id));
    const ok = result.failed.length > 0 && hit.length > 0 && !doubtful;
    if (ok) tally.caught += 1;
    else if (result.failed.length === 0) tally.problems.push(`${label}: fault ${c.name} went unnoticed (expected ${c.expect.join(' or ')}; ${counts})\n${failures(result)}`);
    else tally.problems.push(`${label}: fault ${c.name} failed the run, but not through ${c.expect.join(' or ')} (saw ${[...result.ids].join(', ') || 'no check id'})\n${failures(result)}`);
    console.log(`  fault   ${ok ? 'caught ' : 'MISSED '} ${c.name.padEnd(34)} ${(ok ? hit : [...result.ids]).join(', ').padEnd(28)} ${seconds}, ${counts}`);
    return;
  }
  // A correct target under weather must be judged, not skipped: no test may end "target unavailable".
  const ok = result.failed.length === 0 && result.ran > 0 && result.unavailable === 0 && !doubtful;
  const why = result.ran === 0 ? 'ran no test' : result.failed.length > 0 ? `${result.failed.length} failed: ${[...result.ids].join(', ') || 'no check id'}` : `${result.unavailable} test(s) ended "target unavailable" under weather`;
  if (c.kind === 'clean') {
    if (!ok) tally.problems.push(`${label}: fails on the clean mock (${why})\n${failures(result)}`);
    console.log(`  clean   ${ok ? 'passes ' : 'FAILS  '} ${''.padEnd(34)} ${''.padEnd(28)} ${seconds}, ${counts}`);
    return;
  }
  tally.variants += 1;
  if (ok) tally.passedVariants += 1;
  else tally.problems.push(`${label}: correct variant ${c.name} fails the project (${why})\n${failures(result)}`);
  console.log(`  variant ${ok ? 'passes ' : 'FAILS  '} ${c.name.padEnd(34)} ${''.padEnd(28)} ${seconds}, ${counts}`);
}
