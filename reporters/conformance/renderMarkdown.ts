import { availabilityLine, unavailableLines } from './summaryText';
import type { BaselineDiff, ConformanceReport, DriftReport, FailureEntry, FailureRef, MatrixCell } from './report';

const SYMBOL: Record<MatrixCell['state'], string> = { pass: '✅', fail: '❌', waived: '🟣', advisory: '⚠️', skipped: '⏭️', 'not-run': '·', 'n/a': '' };

const VERDICT: Record<ConformanceReport['verdict'], string> = { conforms: '✅ conforms', 'passes with waivers': '🟣 passes with waivers', fails: '❌ fails', inconclusive: '❔ inconclusive (target unavailable)', 'no checks ran': '· no checks ran' };

function clip(text: string, max = 400): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function refLine(f: FailureRef): string {
  return `- ${f.checkId} ${f.title} — ${f.operation} (\`${f.project}\` › ${f.test})`;
}

function signed(delta: number | undefined): string {
  return delta === undefined ? 'new' : `${delta > 0 ? '+' : ''}${delta} pp`;
}

/** "What changed" since CONFORMANCE_BASELINE: the summary's lead. */
function baselineSection(diff: BaselineDiff): string[] {
  const out = [`## Since the baseline (${diff.generatedAt || diff.file})`, ''];
  for (const a of diff.apis) out.push(`- ${a.title}: coverage ${a.coverage.after}% (${signed(a.coverage.delta)}), conformance ${a.conformance.after}% (${signed(a.conformance.delta)})`);
  out.push('');
  const list = (title: string, refs: FailureRef[]) => (refs.length > 0 ? [`**${title} (${refs.length})**`, '', ...refs.slice(0, 30).map(refLine), ...(refs.length > 30 ? [`- … ${refs.length - 30} more`] : []), ''] : []);
  out.push(...list('New failures', diff.newFailures), ...list('Fixed since the baseline', diff.fixed), ...list('Still failing', diff.stillFailing), ...list('Not run this time', diff.notRerun));
  return out;
}

function waiverNote(f: FailureEntry): string {
  if (!f.waiver) return '';
  return f.waiver.state === 'expired'
    ? `Waiver entry ${f.waiver.entry} expired on ${f.waiver.expires} (${-f.waiver.daysLeft} days ago), so this fails the run again: ${f.waiver.reason} — ${f.waiver.issue}`
    : `Waived until ${f.waiver.expires} (${plural(f.waiver.daysLeft, 'day')} left): ${f.waiver.reason} — ${f.waiver.issue}`;
}

function driftSection(drift: DriftReport[]): string[] {
  const out = ['## Drift from the calibrated profile', ''];
  for (const d of drift) {
    const verdict = d.findings.length === 0 ? 'no drift' : d.strict ? `**${plural(d.findings.length, 'change')}, failing the run** (CONFORMANCE_STRICT=true)` : `${plural(d.findings.length, 'change')}, advisory`;
    out.push(`\`${d.project}\` against ${d.profile} (calibrated ${d.since}), ${plural(d.compared, 'point')} compared: ${verdict}`, '');
    for (const f of d.findings) out.push(`- ⚠️ ${f.text} — ${f.evidence.map((e) => `${e.method} ${clip(e.path, 120)} → ${e.status}`).join('; ')}`);
    if (d.findings.length > 0) out.push('');
  }
  return out;
}

/** conformance.md: the CI job summary. Headline, run facts, matrix, then each failure in short. */
export function renderMarkdown(report: ConformanceReport): string {
  const out: string[] = [];
  const news = report.baseline ? ` — ${report.baseline.newFailures.length === 0 ? 'no new failures' : plural(report.baseline.newFailures.length, 'new failure')} since the baseline` : '';
  out.push(`# Conformance: ${VERDICT[report.verdict]}${news}`, '');
  const unavailable = unavailableLines(report.availability);
  if (unavailable.length > 0) out.push('**The target could not be judged:** nothing here is a verdict on the API.', '', ...unavailable.map((l) => `- ${l}`), '');
  if (report.baseline) out.push(...baselineSection(report.baseline));
  if (report.drift) out.push(...driftSection(report.drift));
  for (const api of report.apis) {
    out.push(`## ${api.title}`, '');
    const percent = (r: { percent: number; of: number }) => (r.of === 0 ? 'n/a' : `${r.percent}%`);
    out.push(`**Coverage ${percent(api.coverage)}** (${api.coverage.count}/${api.coverage.of} documented operation × status × check cells exercised) · **Conformance ${percent(api.conformance)}** (${api.conformance.count}/${api.conformance.of} exercised cells passed)`, '');
    out.push('| project | target | version | passed | failed | waived | skipped |', '|---|---|---|---|---|---|---|');
    for (const p of api.projects) out.push(`| ${p.project} | ${p.target} | ${p.version} | ${p.passed} | ${p.failed} | ${p.waived} | ${p.skipped} |`);
    out.push('');
    for (const p of api.projects) for (const [key, value] of Object.entries(p.details)) out.push(`- ${p.project} ${key}: ${value}`);
    if (api.projects.some((p) => Object.keys(p.details).length > 0)) out.push('');
    const ops = api.operations;
    out.push(`| check | ${ops.join(' | ')} |`, `|---|${ops.map(() => '---').join('|')}|`);
    for (const row of api.matrix) {
      out.push(`| ${row.checkId} ${row.title}${row.severity === 'advisory' ? ' (advisory)' : ''} | ${ops.map((op) => SYMBOL[row.cells[op]?.state ?? 'n/a']).join(' | ')} |`);
    }
    out.push('', '✅ pass · ❌ fail · 🟣 waived (known deviation) · ⚠️ advisory · ⏭️ skipped · `·` not run', '');
    if (api.failures.length > 0) {
      out.push(`### Failures (${api.failures.length})`, '');
      for (const f of api.failures.slice(0, 20)) {
        out.push(`#### ${f.checkId} ${f.title} — ${f.operation}`, '', `\`${f.project}\` › ${f.test} (${f.location})`, '');
        if (f.source) out.push(`> ${f.source.sentence.replace(/\s+/g, ' ')} — seed ${f.source.seed}`, '');
        if (f.waiver) out.push(`**${waiverNote(f)}**`, '');
        out.push('```', clip(f.message, 1500), '```');
        if (f.reproduce) out.push('', 'Reproduce:', '```sh', f.reproduce, '```');
        if (f.replay) out.push('', 'Replay the property case:', '```sh', f.replay.command, '```');
        out.push('');
      }
      if (api.failures.length > 20) out.push(`… ${api.failures.length - 20} more in conformance.html`, '');
    }
    if (api.waived.length > 0) {
      out.push(`### Waived (${api.waived.length})`, '', 'Known deviations: they do not fail the run until their waiver expires.', '');
      for (const f of api.waived) out.push(`- ${f.checkId} ${f.title} — ${f.operation} (\`${f.project}\` › ${f.test}): ${waiverNote(f)}`);
      out.push('');
    }
    if (api.notReproducible.length > 0) {
      out.push(`### Not reproducible (${api.notReproducible.length})`, '', 'Seen once on the live target, gone when the failing case was replayed: not counted as failures.', '');
      for (const f of api.notReproducible.slice(0, 10)) out.push(`- ${f.checkId} ${f.title} — ${f.operation} (\`${f.project}\` › ${f.test}): ${clip(f.message.split('\n').find((l) => l.includes('received')) ?? '', 200).trim()}`);
      out.push('');
    }
    if (api.notes.length > 0) out.push('### Notes', '', ...api.notes.map((n) => `- ${n}`), '');
    if (api.skipped.length > 0) {
      out.push('### Skipped', '');
      for (const s of api.skipped) out.push(`- ${s.test} — ${s.reason}${s.checks.length ? ` (${s.checks.join(', ')})` : ''}`);
      out.push('');
    }
    if (api.advisories.length > 0) out.push(`### Advisories (${api.advisories.length})`, '', ...api.advisories.slice(0, 10).map((a) => `- ${a.checkId} ${a.title} — ${a.operation}: ${clip(a.message.split('\n').find((l) => l.includes('received')) ?? '', 200).trim()}`), '');
  }
  if (report.waivers) {
    out.push(`## Waivers (${report.waivers.file})`, '', '| entry | check | scope | status | expires | reason | issue |', '|---|---|---|---|---|---|---|');
    for (const w of report.waivers.entries) {
      const scope = [w.operation, w.target, w.env && `env ${w.env}`, w.message && `/${w.message}/`].filter(Boolean).join(', ') || 'any';
      const status = w.status === 'applied' ? `applied to ${plural(w.matched, 'failure')}` : w.status === 'stale' ? '**stale**: matched nothing, delete it' : w.status === 'expired' ? `**expired**${w.matched > 0 ? ` (${plural(w.matched, 'failure')} fail the run again)` : ''}` : 'not exercised by this run';
      out.push(`| ${w.entry} | ${w.check} | ${scope.replace(/\|/g, '\\|')} | ${status} | ${w.expires} (${w.daysLeft >= 0 ? `${plural(w.daysLeft, 'day')} left` : `${-w.daysLeft} days ago`}) | ${w.reason.replace(/\|/g, '\\|')} | ${w.issue} |`);
    }
    out.push('');
  }
  if (report.trend && report.trend.length > 1) {
    const first = report.trend[0]!;
    out.push(`Trend over the last ${report.trend.length} runs (since ${first.date.slice(0, 10)}): ${report.trend.map((t) => t.failures).join(' → ')} failures; the chart is in conformance.html.`, '');
  }
  out.push('## Run', '');
  out.push(`- tests: ${report.tests.passed} passed, ${report.tests.failed} failed, ${report.tests.waived ?? 0} waived, ${report.tests.skipped} skipped (${report.tests.unavailable ?? 0} target unavailable) in ${(report.durationMs / 1000).toFixed(1)} s`);
  out.push(`- tickets created: ${report.counters.created}, closed: ${report.counters.closed}${report.counters.closedAtEnd ? ` (${report.counters.closedAtEnd} of them by the cleanup at the end of the run)` : ''}${report.counters.uncertain ? `, ${report.counters.uncertain} create(s) whose answer was lost and whose ticket was never found (npm run cleanup looks again)` : ''}`);
  out.push(`- availability: ${availabilityLine(report.availability)}`);
  out.push(`- seed${report.seeds.length === 1 ? '' : 's'}: ${report.seeds.join(', ') || '-'} (CONFORMANCE_SEED)`);
  return `${out.join('\n')}\n`;
}
