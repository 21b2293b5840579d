import type { Exchange } from '../../lib/http/exchange';
import { availabilityLine, unavailableLines } from './summaryText';

import { renderTrendSvg } from './trend';
import type { ApiSection, BaselineDiff, ConformanceReport, DriftReport, FailureEntry, FailureRef, MatrixCell, TrendEntry, WaiverSummary } from './report';

/** conformance.html: one self-contained file (inline CSS, no scripts, fonts or network). */
const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1f24;background:#f6f8fa}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px} h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px} h3{font-size:16px;margin:20px 0 8px}
.verdict{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;color:#fff}
.conforms{background:#1a7f37}.fails{background:#cf222e}.none{background:#6e7781}.with-waivers{background:#8250df}.inconclusive{background:#9a6700}
.unavailable{margin:12px 0;padding:8px 12px;border-left:4px solid #9a6700;background:#fff8c5}
.headline{display:flex;gap:16px;flex-wrap:wrap;margin:12px 0}
.big{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 18px;min-width:200px}
.big b{display:block;font-size:30px} .big span{color:#57606a}
table{border-collapse:collapse;background:#fff;margin:8px 0;font-size:13px}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eaeef2}
td.cell{text-align:center;font-weight:600;min-width:64px}
.pass{background:#dafbe1;color:#116329}.fail{background:#ffebe9;color:#a40e26}.advisory{background:#fff8c5;color:#7d4e00}
.waived{background:#fbefff;color:#8250df}
.skipped{background:#eaeef2;color:#57606a}.not-run{color:#8c959f}.na{background:#f6f8fa}
details{background:#fff;border:1px solid #d0d7de;border-radius:8px;margin:10px 0;padding:8px 12px}
summary{cursor:pointer;font-weight:600}
pre{background:#0d1117;color:#e6edf3;padding:10px;border-radius:6px;overflow:auto;white-space:pre-wrap;word-break:break-all;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
blockquote{margin:8px 0;padding:4px 12px;border-left:4px solid #0969da;background:#ddf4ff}
.label{font-weight:600;margin-top:10px} .muted{color:#57606a}
.waiver-note{margin:8px 0;padding:4px 12px;border-left:4px solid #8250df;background:#fbefff}.waiver-note.expired{border-color:#cf222e;background:#ffebe9}
.new{color:#a40e26}.fixed{color:#116329}
svg.trend{display:block;background:#fff;border:1px solid #d0d7de;border-radius:8px;margin:8px 0}
.legend span{display:inline-block;margin-right:14px}.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}
`;

function esc(text: unknown): string {
  return String(text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const LABEL: Record<MatrixCell['state'], string> = { pass: 'pass', fail: 'FAIL', waived: 'waived', advisory: 'advisory', skipped: 'skipped', 'not-run': '–', 'n/a': '' };

/** A matrix cell; a failing or waived one links to the evidence of its first failure. */
function cell(c: MatrixCell | undefined, evidence?: string): string {
  if (!c || c.state === 'n/a') return '<td class="cell na"></td>';
  const title = c.state === 'skipped' ? c.reason ?? '' : `${c.passed} passed, ${c.failed} failed, ${c.advisory} advisory`;
  const label = evidence !== undefined && (c.state === 'fail' || c.state === 'waived') ? `<a href="#${esc(evidence)}">${LABEL[c.state]}</a>` : LABEL[c.state];
  return `<td class="cell ${c.state}" title="${esc(title)}">${label}${c.state === 'skipped' && c.reason ? `<div class="muted" style="font-weight:400;font-size:11px">${esc(c.reason)}</div>` : ''}</td>`;
}

/** What the matrix's cells say. */
const LEGEND = `<p class="legend muted"><span class="cell pass">pass</span> every check of the cell passed · <span class="cell fail">FAIL</span> a documented promise broke (follow the link to the evidence) · <span class="cell waived">waived</span> a known deviation under a live waiver · <span class="cell advisory">advisory</span> an implied expectation not met · <span class="cell skipped">skipped</span> with the reason · – not run · blank: the check does not judge the operation</p>`;

/** "n/a" for a ratio of nothing (a run with no exchange), never "0%". */
function percent(r: { percent: number; of: number }): string {
  return r.of === 0 ? 'n/a' : `${r.percent}%`;
}

function headers(h: Record<string, string>): string {
  return Object.entries(h).map(([k, v]) => `${k}: ${v}`).join('\n');
}

function exchangeBlock(e: Exchange): string {
  return `<div class="label">Request</div><pre>${esc(`${e.method} ${e.url}\n${headers(e.requestHeaders)}${e.requestBody !== undefined ? `\n\n${e.requestBody}` : ''}`)}</pre>
<div class="label">Response ${esc(e.status)} (${esc(e.durationMs)} ms)</div><pre>${esc(`${headers(e.responseHeaders)}\n\n${e.responseBody}`)}</pre>`;
}

function link(url: string): string {
  return /^https?:\/\//.test(url) ? `<a href="${esc(url)}">${esc(url)}</a>` : esc(url);
}

function days(n: number): string {
  return n >= 0 ? `${n} day${n === 1 ? '' : 's'} left` : `expired ${-n} day${n === -1 ? '' : 's'} ago`;
}

function waiverNote(f: FailureEntry): string {
  const w = f.waiver;
  if (!w) return '';
  return w.state === 'expired'
    ? `<div class="waiver-note expired"><b>Waiver expired</b> on ${esc(w.expires)} (entry ${w.entry}): this failure fails the run again. ${esc(w.reason)} — ${link(w.issue)}</div>`
    : `<div class="waiver-note"><b>Waived</b> until ${esc(w.expires)} (${days(w.daysLeft)}, entry ${w.entry}): ${esc(w.reason)} — ${link(w.issue)}</div>`;
}

function failureBlock(f: FailureEntry, open: boolean): string {
  return `<details ${open ? 'open' : ''} id="${esc(f.id)}"${f.waiver?.state === 'live' ? ' class="waived-failure"' : ''}><summary>${esc(f.checkId)} ${esc(f.title)} — ${esc(f.operation)} <span class="muted">(${esc(f.project)} › ${esc(f.test)})</span>${f.waiver?.state === 'live' ? ' <span class="cell waived">waived</span>' : ''}</summary>
${waiverNote(f)}
${f.source ? `<blockquote>${esc(f.source.sentence)} <span class="muted">— seed ${esc(f.source.seed)}</span></blockquote>` : ''}
${f.reproduce ? `<div class="label">Reproduce with curl</div><pre class="curl">${esc(f.reproduce)}</pre>` : ''}
${f.replay ? `<div class="label">Shrunk counterexample (seed ${esc(f.replay.seed)}, path ${esc(f.replay.path)})</div><pre>${esc(f.replay.counterexample)}</pre><div class="label">Replay this case</div><pre>${esc(f.replay.command)}</pre>` : ''}
${f.exchange ? exchangeBlock(f.exchange) : ''}
<div class="label">Message</div><pre>${esc(f.message)}</pre>
<div class="muted">${esc(f.location)}</div></details>`;
}

/** Known deviations: a table of what each waiver says, then the evidence, collapsed. */
function waivedSection(api: ApiSection): string {
  return `<h3 id="waived-${esc(api.api)}">Waived (${api.waived.length})</h3><p class="muted">Known deviations: they do not fail the run until their waiver expires.</p>
<table class="waived-list"><tr><th>check</th><th>operation</th><th>test</th><th>reason</th><th>issue</th><th>expires</th></tr>
${api.waived.map((f) => `<tr><td class="cell waived">${esc(f.checkId)}</td><td>${esc(f.operation)}</td><td>${esc(f.project)} › ${esc(f.test)}</td><td>${esc(f.waiver?.reason)}</td><td>${link(f.waiver?.issue ?? '')}</td><td>${esc(f.waiver?.expires)} <span class="muted">(${days(f.waiver?.daysLeft ?? 0)})</span></td></tr>`).join('\n')}</table>
${api.waived.map((f) => failureBlock(f, false)).join('\n')}`;
}

function section(api: ApiSection): string {
  const ops = api.operations;
  return `<h2>${esc(api.title)}</h2>
<div class="headline"><div class="big"><b>${percent(api.coverage)}</b><span>coverage: ${api.coverage.count} of ${api.coverage.of} documented operation × status × check cells exercised</span></div>
<div class="big"><b>${percent(api.conformance)}</b><span>conformance: ${api.conformance.count} of ${api.conformance.of} exercised cells passed</span></div></div>
<h3>Targets and versions</h3>
<table><tr><th>project</th><th>target</th><th>version tested</th><th>passed</th><th>failed</th><th>waived</th><th>skipped</th></tr>
${api.projects.map((p) => `<tr><td>${esc(p.project)}</td><td>${esc(p.target)}</td><td>${esc(p.version)}${Object.entries(p.details).map(([k, v]) => `<div class="muted">${esc(k)}: ${esc(v)}</div>`).join('')}</td><td>${p.passed}</td><td>${p.failed}</td><td>${p.waived}</td><td>${p.skipped}</td></tr>`).join('\n')}</table>
<h3 id="matrix-${esc(api.api)}">Check matrix (operation × check)</h3>
<table class="matrix"><tr><th>check</th>${ops.map((op) => `<th>${esc(op)}</th>`).join('')}</tr>
${api.matrix.map((row) => `<tr><td><b>${esc(row.checkId)}</b> ${esc(row.title)}${row.severity === 'advisory' ? ' <span class="muted">(advisory)</span>' : ''}</td>${ops.map((op) => cell(row.cells[op], [...api.failures, ...api.waived].find((f) => f.checkId === row.checkId && f.operation === op)?.id)).join('')}</tr>`).join('\n')}</table>
${LEGEND}
<h3>Failures (${api.failures.length})</h3>
${api.failures.length === 0 ? '<p class="muted">None.</p>' : api.failures.map((f, i) => failureBlock(f, i < 3)).join('\n')}
${api.waived.length > 0 ? waivedSection(api) : ''}
${api.notReproducible.length > 0 ? `<h3>Not reproducible (${api.notReproducible.length})</h3><p class="muted">Seen once on the live target, gone when the failing case was replayed: not counted as failures.</p>${api.notReproducible.map((f) => failureBlock(f, false)).join('\n')}` : ''}
${api.notes.length > 0 ? `<h3>Notes</h3><ul>${api.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
${api.skipped.length > 0 ? `<h3>Skipped</h3><ul>${api.skipped.map((s) => `<li>${esc(s.test)} — ${esc(s.reason)} <span class="muted">${esc(s.checks.join(', '))}</span></li>`).join('')}</ul>` : ''}
${api.advisories.length > 0 ? `<h3>Advisories (${api.advisories.length})</h3>${api.advisories.map((a) => failureBlock(a, false)).join('\n')}` : ''}`;
}

function refItem(f: FailureRef): string {
  return `<li><b>${esc(f.checkId)}</b> ${esc(f.title)} — ${esc(f.operation)} <span class="muted">(${esc(f.project)} › ${esc(f.test)})</span></li>`;
}

function signed(delta: number | undefined): string {
  return delta === undefined ? 'new' : `${delta > 0 ? '+' : ''}${delta} pp`;
}

/** What changed since CONFORMANCE_BASELINE: the report's lead. */
function baselineSection(diff: BaselineDiff): string {
  const list = (title: string, cls: string, refs: FailureRef[]) => `<h3 class="${cls}">${esc(title)} (${refs.length})</h3>${refs.length === 0 ? '<p class="muted">None.</p>' : `<ul>${refs.map(refItem).join('')}</ul>`}`;
  return `<section id="baseline"><h2>Since the baseline <span class="muted">(${esc(diff.generatedAt || diff.file)})</span></h2>
<p><b>${diff.newFailures.length === 0 ? 'No new failures' : `${diff.newFailures.length} new failure${diff.newFailures.length === 1 ? '' : 's'}`}</b> · ${diff.fixed.length} fixed · ${diff.stillFailing.length} still failing</p>
<table><tr><th>API</th><th>coverage</th><th>change</th><th>conformance</th><th>change</th></tr>
${diff.apis.map((a) => `<tr><td>${esc(a.title)}</td><td>${a.coverage.after}%</td><td>${signed(a.coverage.delta)}</td><td>${a.conformance.after}%</td><td>${signed(a.conformance.delta)}</td></tr>`).join('\n')}</table>
${list('New failures', 'new', diff.newFailures)}${list('Fixed since the baseline', 'fixed', diff.fixed)}${diff.stillFailing.length > 0 ? list('Still failing', '', diff.stillFailing) : ''}${diff.notRerun.length > 0 ? list('Not run this time', 'muted', diff.notRerun) : ''}</section>`;
}

function waiversSection(summary: WaiverSummary): string {
  const status = (w: WaiverSummary['entries'][number]) =>
    w.status === 'applied' ? `applied to ${w.matched} failure${w.matched === 1 ? '' : 's'}` : w.status === 'stale' ? '<b>stale</b>: matched nothing — delete it' : w.status === 'expired' ? `<b>expired</b>${w.matched > 0 ? `: ${w.matched} failure${w.matched === 1 ? '' : 's'} fail the run again` : ''}` : 'not exercised by this run';
  return `<h2 id="waivers">Waivers <span class="muted">(${esc(summary.file)}, as of ${esc(summary.today)})</span></h2>
<table class="waivers"><tr><th>entry</th><th>check</th><th>scope</th><th>status</th><th>expires</th><th>reason</th><th>issue</th></tr>
${summary.entries.map((w) => `<tr class="waiver-${w.status.replace(' ', '-')}"><td>${w.entry}</td><td>${esc(w.check)}</td><td>${esc([w.operation, w.target, w.env && `env ${w.env}`, w.message && `/${w.message}/`].filter(Boolean).join(', ') || 'any')}</td><td>${status(w)}</td><td>${esc(w.expires)} <span class="muted">(${days(w.daysLeft)})</span></td><td>${esc(w.reason)}</td><td>${link(w.issue)}</td></tr>`).join('\n')}</table>`;
}

function driftSection(drift: DriftReport[]): string {
  const block = (d: DriftReport) => {
    const verdict = d.findings.length === 0 ? 'no drift' : d.strict ? `<span class="fail">${d.findings.length} change(s), failing the run (CONFORMANCE_STRICT=true)</span>` : `${d.findings.length} change(s), advisory`;
    const items = d.findings.map((f) => `<li>⚠️ ${esc(f.text)} <span class="muted">${esc(f.evidence.map((e) => `${e.method} ${e.path} → ${e.status}`).join('; '))}</span></li>`).join('');
    return `<p><code>${esc(d.project)}</code> against ${esc(d.profile)} (calibrated ${esc(d.since)}), ${d.compared} point(s) compared: ${verdict}</p>${items ? `<ul>${items}</ul>` : ''}`;
  };
  return `<section id="drift"><h2>Drift from the calibrated profile</h2>${drift.map(block).join('\n')}</section>`;
}

function trendSection(trend: TrendEntry[], apis: ApiSection[]): string {
  return `<h2 id="trend">Trend <span class="muted">(last ${trend.length} run${trend.length === 1 ? '' : 's'})</span></h2>
<div class="legend muted"><span><i class="swatch" style="background:#0969da"></i>coverage</span><span><i class="swatch" style="background:#1a7f37"></i>conformance</span><span><i class="swatch" style="background:#cf222e"></i>failures</span><span><i class="swatch" style="background:#8250df"></i>waived</span></div>
${apis.map((a) => `<h3>${esc(a.title)}</h3>${renderTrendSvg(trend, a.api)}`).join('\n')}`;
}

export function renderHtml(report: ConformanceReport): string {
  const verdictClass = report.verdict === 'conforms' ? 'conforms' : report.verdict === 'fails' ? 'fails' : report.verdict === 'passes with waivers' ? 'with-waivers' : report.verdict === 'inconclusive' ? 'inconclusive' : 'none';
  const unavailable = unavailableLines(report.availability);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Conformance report: ${esc(report.verdict)}</title><style>${CSS}</style></head>
<body><main>
<h1>Conformance report <span class="verdict ${verdictClass}">${esc(report.verdict)}</span></h1>
<div class="muted">${esc(report.generatedAt)} · ${report.tests.passed} passed, ${report.tests.failed} failed, ${report.tests.waived ?? 0} waived, ${report.tests.skipped} skipped (${report.tests.unavailable ?? 0} target unavailable) in ${(report.durationMs / 1000).toFixed(1)} s ·
tickets created ${report.counters.created}, closed ${report.counters.closed}${report.counters.closedAtEnd ? ` (${report.counters.closedAtEnd} by the cleanup at the end)` : ''}${report.counters.uncertain ? `, ${report.counters.uncertain} uncertain` : ''} · seed ${esc(report.seeds.join(', ') || '-')}</div>
<div class="muted">Availability: ${esc(availabilityLine(report.availability))}</div>
${unavailable.length > 0 ? `<div class="unavailable"><b>The target could not be judged</b>: nothing here is a verdict on the API.<ul>${unavailable.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></div>` : ''}
${report.baseline ? baselineSection(report.baseline) : ''}
${report.trend && report.trend.length > 0 ? trendSection(report.trend, report.apis) : ''}
${report.drift ? driftSection(report.drift) : ''}
${report.apis.map(section).join('\n')}
${report.waivers ? waiversSection(report.waivers) : ''}
</main></body></html>
`;
}
