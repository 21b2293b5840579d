import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ConformanceReport, TrendEntry } from './report';

/** How many runs the HTML report's trend chart shows. */
export const TREND_RUNS = 30;

export function headlineOf(report: ConformanceReport): TrendEntry {
  return {
    date: report.generatedAt,
    verdict: report.verdict,
    durationMs: report.durationMs,
    requests: report.counters.requests,
    failures: report.apis.reduce((n, a) => n + a.failures.length, 0),
    waived: report.apis.reduce((n, a) => n + a.waived.length, 0),
    apis: report.apis.map((a) => ({
      api: a.api,
      target: [...new Set(a.runs.map((r) => r.target))].join(', ') || '-',
      version: [...new Set(a.runs.map((r) => r.version))].join(', ') || '-',
      coverage: a.coverage.percent,
      conformance: a.conformance.percent,
      failures: a.failures.length,
      waived: a.waived.length,
    })),
  };
}

function isEntry(value: unknown): value is TrendEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<TrendEntry>;
  return typeof v.date === 'string' && Array.isArray(v.apis) && v.apis.every((a) => typeof a?.api === 'string' && typeof a.coverage === 'number' && typeof a.conformance === 'number');
}

/** The history's entries, oldest first; lines that are not an entry (a torn write) are skipped. */
export function parseHistory(text: string): TrendEntry[] {
  return text.split('\n').flatMap((line) => {
    if (line.trim() === '') return [];
    try {
      const parsed: unknown = JSON.parse(line);
      return isEntry(parsed) ? [parsed] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Appends this run's headline to the history file and returns the last TREND_RUNS entries. Without
 * an entry (a run in which no test ran, e.g. stopped by a configuration error) nothing is appended.
 */
export function recordHistory(path: string, entry: TrendEntry | undefined): TrendEntry[] {
  const earlier = existsSync(path) ? parseHistory(readFileSync(path, 'utf8')) : [];
  if (!entry) return earlier.slice(-TREND_RUNS);
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, `${JSON.stringify(entry)}\n`);
  return [...earlier, entry].slice(-TREND_RUNS);
}

function esc(text: unknown): string {
  return String(text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

/**
 * One API's trend as an inline SVG: coverage and conformance (0–100%) as lines, failures and
 * waived failures as bars along the bottom, one <title> per run for hovering. No script, no font,
 * no network: it renders wherever the HTML file is opened.
 */
export function renderTrendSvg(entries: TrendEntry[], api: string): string {
  const runs = entries.slice(-TREND_RUNS).flatMap((e) => {
    const a = e.apis.find((x) => x.api === api);
    return a ? [{ date: e.date, ...a }] : [];
  });
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = runs.length > 1 ? plotW / (runs.length - 1) : 0;
  const x = (i: number) => PAD.left + (runs.length > 1 ? i * step : plotW / 2);
  // The axis follows the data (a drop from 100% to 99.1% must not look flat): from a round value
  // under the lowest point to 100%, never less than 2 points tall.
  const lowest = Math.min(100, ...runs.flatMap((r) => [r.coverage, r.conformance]));
  const floor = Math.max(0, Math.min(98, Math.floor(lowest - Math.max(1, (100 - lowest) * 0.2))));
  const y = (percent: number) => PAD.top + plotH * (1 - (Math.max(floor, Math.min(100, percent)) - floor) / (100 - floor));
  const line = (pick: (r: (typeof runs)[number]) => number) => runs.map((r, i) => `${x(i).toFixed(1)},${y(pick(r)).toFixed(1)}`).join(' ');
  const maxBad = Math.max(1, ...runs.map((r) => r.failures + r.waived));
  const barW = Math.max(2, Math.min(14, (runs.length > 1 ? step : plotW) * 0.5));
  const barH = (n: number) => (n / maxBad) * (plotH * 0.3);
  const grid = [floor, Math.round(((floor + 100) / 2) * 10) / 10, 100].map((p) => `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(p)}" y2="${y(p)}" stroke="#d0d7de" stroke-width="1"/><text x="${PAD.left - 6}" y="${y(p) + 4}" text-anchor="end" font-size="10" fill="#57606a">${p}%</text>`).join('');
  const bars = runs.map((r, i) => {
    const base = PAD.top + plotH;
    const failH = barH(r.failures);
    const waivedH = barH(r.waived);
    const left = (x(i) - barW / 2).toFixed(1);
    return `${r.failures > 0 ? `<rect class="failures" x="${left}" y="${(base - failH).toFixed(1)}" width="${barW.toFixed(1)}" height="${failH.toFixed(1)}" fill="#cf222e"/>` : ''}${r.waived > 0 ? `<rect class="waived" x="${left}" y="${(base - failH - waivedH).toFixed(1)}" width="${barW.toFixed(1)}" height="${waivedH.toFixed(1)}" fill="#8250df"/>` : ''}`;
  }).join('');
  const points = runs.map((r, i) => `<g><title>${esc(`${r.date.slice(0, 16).replace('T', ' ')} · ${r.target} ${r.version} · coverage ${r.coverage}% · conformance ${r.conformance}% · ${r.failures} failures, ${r.waived} waived`)}</title><circle cx="${x(i).toFixed(1)}" cy="${y(r.conformance).toFixed(1)}" r="3" fill="#1a7f37"/><circle cx="${x(i).toFixed(1)}" cy="${y(r.coverage).toFixed(1)}" r="3" fill="#0969da"/></g>`).join('');
  const first = runs[0]?.date.slice(0, 10) ?? '';
  const last = runs[runs.length - 1]?.date.slice(0, 10) ?? '';
  return `<svg class="trend" role="img" aria-label="${esc(`${api}: coverage and conformance over the last ${runs.length} runs`)}" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>${grid}${bars}
<polyline class="coverage" fill="none" stroke="#0969da" stroke-width="2" points="${line((r) => r.coverage)}"/>
<polyline class="conformance" fill="none" stroke="#1a7f37" stroke-width="2" points="${line((r) => r.conformance)}"/>${points}
<text x="${PAD.left}" y="${HEIGHT - 8}" font-size="10" fill="#57606a">${esc(first)}</text><text x="${WIDTH - PAD.right}" y="${HEIGHT - 8}" text-anchor="end" font-size="10" fill="#57606a">${esc(last)} (${runs.length} run${runs.length === 1 ? '' : 's'})</text>
</svg>`;
}
