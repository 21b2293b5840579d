import type { Exchange } from '../../lib/http/exchange';
import type { ApiSection, ConformanceReport, FailureEntry, MatrixCell } from './model';

/** conformance.html: one self-contained file (inline CSS, no scripts, fonts or network). */
const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1f24;background:#f6f8fa}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px} h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px} h3{font-size:16px;margin:20px 0 8px}
.verdict{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;color:#fff}
.conforms{background:#1a7f37}.fails{background:#cf222e}.none{background:#6e7781}
.headline{display:flex;gap:16px;flex-wrap:wrap;margin:12px 0}
.big{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 18px;min-width:200px}
.big b{display:block;font-size:30px} .big span{color:#57606a}
table{border-collapse:collapse;background:#fff;margin:8px 0;font-size:13px}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eaeef2}
td.cell{text-align:center;font-weight:600;min-width:64px}
.pass{background:#dafbe1;color:#116329}.fail{background:#ffebe9;color:#a40e26}.advisory{background:#fff8c5;color:#7d4e00}
.skipped{background:#eaeef2;color:#57606a}.not-run{color:#8c959f}.na{background:#f6f8fa}
details{background:#fff;border:1px solid #d0d7de;border-radius:8px;margin:10px 0;padding:8px 12px}
summary{cursor:pointer;font-weight:600}
pre{background:#0d1117;color:#e6edf3;padding:10px;border-radius:6px;overflow:auto;white-space:pre-wrap;word-break:break-all;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
blockquote{margin:8px 0;padding:4px 12px;border-left:4px solid #0969da;background:#ddf4ff}
.label{font-weight:600;margin-top:10px} .muted{color:#57606a}
`;

function esc(text: unknown): string {
  return String(text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const LABEL: Record<MatrixCell['state'], string> = { pass: 'pass', fail: 'FAIL', advisory: 'advisory', skipped: 'skipped', 'not-run': '–', 'n/a': '' };

function cell(c: MatrixCell | undefined): string {
  if (!c || c.state === 'n/a') return '<td class="cell na"></td>';
  const title = c.state === 'skipped' ? c.reason ?? '' : `${c.passed} passed, ${c.failed} failed, ${c.advisory} advisory`;
  return `<td class="cell ${c.state}" title="${esc(title)}">${LABEL[c.state]}${c.state === 'skipped' && c.reason ? `<div class="muted" style="font-weight:400;font-size:11px">${esc(c.reason)}</div>` : ''}</td>`;
}

function headers(h: Record<string, string>): string {
  return Object.entries(h).map(([k, v]) => `${k}: ${v}`).join('\n');
}

function exchangeBlock(e: Exchange): string {
  return `<div class="label">Request</div><pre>${esc(`${e.method} ${e.url}\n${headers(e.requestHeaders)}${e.requestBody !== undefined ? `\n\n${e.requestBody}` : ''}`)}</pre>
<div class="label">Response ${esc(e.status)} (${esc(e.durationMs)} ms)</div><pre>${esc(`${headers(e.responseHeaders)}\n\n${e.responseBody}`)}</pre>`;
}

function failureBlock(f: FailureEntry, open: boolean): string {
  return `<details ${open ? 'open' : ''} id="${esc(f.id)}"><summary>${esc(f.checkId)} ${esc(f.title)} — ${esc(f.operation)} <span class="muted">(${esc(f.project)} › ${esc(f.test)})</span></summary>
${f.source ? `<blockquote>${esc(f.source.sentence)} <span class="muted">— seed ${esc(f.source.seed)}</span></blockquote>` : ''}
${f.reproduce ? `<div class="label">Reproduce with curl</div><pre class="curl">${esc(f.reproduce)}</pre>` : ''}
${f.replay ? `<div class="label">Shrunk counterexample (seed ${esc(f.replay.seed)}, path ${esc(f.replay.path)})</div><pre>${esc(f.replay.counterexample)}</pre><div class="label">Replay this case</div><pre>${esc(f.replay.command)}</pre>` : ''}
${f.exchange ? exchangeBlock(f.exchange) : ''}
<div class="label">Message</div><pre>${esc(f.message)}</pre>
<div class="muted">${esc(f.location)}</div></details>`;
}

function section(api: ApiSection): string {
  const ops = api.operations;
  return `<h2>${esc(api.title)}</h2>
<div class="headline"><div class="big"><b>${api.coverage.percent}%</b><span>coverage: ${api.coverage.count} of ${api.coverage.of} documented operation × status × check cells exercised</span></div>
<div class="big"><b>${api.conformance.percent}%</b><span>conformance: ${api.conformance.count} of ${api.conformance.of} exercised cells passed</span></div></div>
<h3>Targets and versions</h3>
<table><tr><th>project</th><th>target</th><th>version tested</th><th>passed</th><th>failed</th><th>skipped</th></tr>
${api.projects.map((p) => `<tr><td>${esc(p.project)}</td><td>${esc(p.target)}</td><td>${esc(p.version)}${Object.entries(p.details).map(([k, v]) => `<div class="muted">${esc(k)}: ${esc(v)}</div>`).join('')}</td><td>${p.passed}</td><td>${p.failed}</td><td>${p.skipped}</td></tr>`).join('\n')}</table>
<h3 id="matrix-${esc(api.api)}">Check matrix (operation × check)</h3>
<table class="matrix"><tr><th>check</th>${ops.map((op) => `<th>${esc(op)}</th>`).join('')}</tr>
${api.matrix.map((row) => `<tr><td><b>${esc(row.checkId)}</b> ${esc(row.title)}${row.severity === 'advisory' ? ' <span class="muted">(advisory)</span>' : ''}</td>${ops.map((op) => cell(row.cells[op])).join('')}</tr>`).join('\n')}</table>
<h3>Failures (${api.failures.length})</h3>
${api.failures.length === 0 ? '<p class="muted">None.</p>' : api.failures.map((f, i) => failureBlock(f, i < 3)).join('\n')}
${api.notes.length > 0 ? `<h3>Notes</h3><ul>${api.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
${api.skipped.length > 0 ? `<h3>Skipped</h3><ul>${api.skipped.map((s) => `<li>${esc(s.test)} — ${esc(s.reason)} <span class="muted">${esc(s.checks.join(', '))}</span></li>`).join('')}</ul>` : ''}
${api.advisories.length > 0 ? `<h3>Advisories (${api.advisories.length})</h3>${api.advisories.map((a) => failureBlock(a, false)).join('\n')}` : ''}`;
}

export function renderHtml(report: ConformanceReport): string {
  const verdictClass = report.verdict === 'conforms' ? 'conforms' : report.verdict === 'fails' ? 'fails' : 'none';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Conformance report: ${esc(report.verdict)}</title><style>${CSS}</style></head>
<body><main>
<h1>Conformance report <span class="verdict ${verdictClass}">${esc(report.verdict)}</span></h1>
<div class="muted">${esc(report.generatedAt)} · ${report.tests.passed} passed, ${report.tests.failed} failed, ${report.tests.skipped} skipped in ${(report.durationMs / 1000).toFixed(1)} s ·
requests ${report.counters.requests} · 429s met ${report.counters.rateLimited} · tickets created ${report.counters.created}, closed ${report.counters.closed} · seed ${esc(report.seeds.join(', ') || '-')}</div>
${report.apis.map(section).join('\n')}
</main></body></html>
`;
}
