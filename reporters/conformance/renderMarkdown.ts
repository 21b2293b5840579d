import type { ConformanceReport, MatrixCell } from './model';

const SYMBOL: Record<MatrixCell['state'], string> = { pass: '✅', fail: '❌', advisory: '⚠️', skipped: '⏭️', 'not-run': '·', 'n/a': '' };

function clip(text: string, max = 400): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** conformance.md: the CI job summary. Headline, run facts, matrix, then each failure in short. */
export function renderMarkdown(report: ConformanceReport): string {
  const out: string[] = [];
  out.push(`# Conformance: ${report.verdict === 'conforms' ? '✅ conforms' : report.verdict === 'fails' ? '❌ fails' : '· no checks ran'}`, '');
  for (const api of report.apis) {
    out.push(`## ${api.title}`, '');
    out.push(`**Coverage ${api.coverage.percent}%** (${api.coverage.count}/${api.coverage.of} documented operation × status × check cells exercised) · **Conformance ${api.conformance.percent}%** (${api.conformance.count}/${api.conformance.of} exercised cells passed)`, '');
    out.push('| project | target | version | passed | failed | skipped |', '|---|---|---|---|---|---|');
    for (const p of api.projects) out.push(`| ${p.project} | ${p.target} | ${p.version} | ${p.passed} | ${p.failed} | ${p.skipped} |`);
    out.push('');
    for (const p of api.projects) for (const [key, value] of Object.entries(p.details)) out.push(`- ${p.project} ${key}: ${value}`);
    if (api.projects.some((p) => Object.keys(p.details).length > 0)) out.push('');
    const ops = api.operations;
    out.push(`| check | ${ops.join(' | ')} |`, `|---|${ops.map(() => '---').join('|')}|`);
    for (const row of api.matrix) {
      out.push(`| ${row.checkId} ${row.title}${row.severity === 'advisory' ? ' (advisory)' : ''} | ${ops.map((op) => SYMBOL[row.cells[op]?.state ?? 'n/a']).join(' | ')} |`);
    }
    out.push('', '✅ pass · ❌ fail · ⚠️ advisory · ⏭️ skipped · `·` not run', '');
    if (api.failures.length > 0) {
      out.push(`### Failures (${api.failures.length})`, '');
      for (const f of api.failures.slice(0, 20)) {
        out.push(`#### ${f.checkId} ${f.title} — ${f.operation}`, '', `\`${f.project}\` › ${f.test} (${f.location})`, '');
        if (f.source) out.push(`> ${f.source.sentence.replace(/\s+/g, ' ')} — seed ${f.source.seed}`, '');
        out.push('```', clip(f.message, 1500), '```');
        if (f.reproduce) out.push('', 'Reproduce:', '```sh', f.reproduce, '```');
        if (f.replay) out.push('', 'Replay the property case:', '```sh', f.replay.command, '```');
        out.push('');
      }
      if (api.failures.length > 20) out.push(`… ${api.failures.length - 20} more in conformance.html`, '');
    }
    if (api.notes.length > 0) out.push('### Notes', '', ...api.notes.map((n) => `- ${n}`), '');
    if (api.skipped.length > 0) {
      out.push('### Skipped', '');
      for (const s of api.skipped) out.push(`- ${s.test} — ${s.reason}${s.checks.length ? ` (${s.checks.join(', ')})` : ''}`);
      out.push('');
    }
    if (api.advisories.length > 0) out.push(`### Advisories (${api.advisories.length})`, '', ...api.advisories.slice(0, 10).map((a) => `- ${a.checkId} ${a.title} — ${a.operation}: ${clip(a.message.split('\n').find((l) => l.includes('received')) ?? '', 200).trim()}`), '');
  }
  out.push('## Run', '');
  out.push(`- tests: ${report.tests.passed} passed, ${report.tests.failed} failed, ${report.tests.skipped} skipped in ${(report.durationMs / 1000).toFixed(1)} s`);
  out.push(`- requests: ${report.counters.requests}, 429s met: ${report.counters.rateLimited}, tickets created: ${report.counters.created}, closed: ${report.counters.closed}`);
  out.push(`- seed${report.seeds.length === 1 ? '' : 's'}: ${report.seeds.join(', ') || '-'} (CONFORMANCE_SEED)`);
  return `${out.join('\n')}\n`;
}
