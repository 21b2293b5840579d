import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ConfigError } from '../../lib/config/configError';
import { secrets } from '../../lib/redaction/secrets';
import { annotationLines } from '../../reporters/conformance/annotations';
import { baselineFromEnv, diffBaseline } from '../../reporters/conformance/baseline';
import type { CollectedTest } from '../../reporters/conformance/collected';
import { buildReport } from '../../reporters/conformance/model';
import { renderHtml } from '../../reporters/conformance/renderHtml';
import { renderMarkdown } from '../../reporters/conformance/renderMarkdown';
import { collectedMoovTest } from './support/collectedTest';
import { headlineOf, parseHistory, recordHistory, renderTrendSvg, TREND_RUNS } from '../../reporters/conformance/trend';
import type { ConformanceReport, TrendEntry } from '../../reporters/conformance/report';

function moovTest(title: string, checkId: string, failing: boolean, message = `[${checkId}] broke — listTickets\n  expected: every ticket\n  received: 2 missing`): CollectedTest {
  return collectedMoovTest({ title, checkId, failing, message, requests: 5 });
}

test.describe('baseline', () => {
  test('the diff names new failures, fixed ones and those still failing, and the change in the headline numbers', () => {
    const before = buildReport([moovTest('walks', 'TKT-PAG-002', true), moovTest('pages', 'TKT-LST-001', true), moovTest('dupes', 'TKT-PAG-001', false)], 1);
    const now = buildReport([moovTest('walks', 'TKT-PAG-002', false), moovTest('pages', 'TKT-LST-001', true), moovTest('dupes', 'TKT-PAG-001', true)], 1);
    const diff = diffBaseline(before, now, 'baseline/conformance.json');
    expect(diff.newFailures.map((f) => f.checkId)).toEqual(['TKT-PAG-001']);
    expect(diff.fixed.map((f) => f.checkId)).toEqual(['TKT-PAG-002']);
    expect(diff.stillFailing.map((f) => f.checkId)).toEqual(['TKT-LST-001']);
    expect(diff.apis[0]).toMatchObject({ api: 'moov', conformance: { before: before.apis[0]!.conformance.percent, after: now.apis[0]!.conformance.percent, delta: 0 } });

    // A baseline failure whose check did not run this time is not called fixed.
    const partial = buildReport([moovTest('pages', 'TKT-LST-001', true)], 1);
    expect(diffBaseline(before, partial, 'b').notRerun.map((f) => f.checkId)).toEqual(['TKT-PAG-002']);

    now.baseline = diff;
    expect(renderMarkdown(now).split('\n')[0]).toBe('# Conformance: ❌ fails — 1 new failure since the baseline');
    const clean = buildReport([moovTest('walks', 'TKT-PAG-002', false)], 1);
    clean.baseline = diffBaseline(before, clean, 'b');
    expect(renderMarkdown(clean).split('\n')[0]).toBe('# Conformance: ✅ conforms — no new failures since the baseline');
  });

  test('CONFORMANCE_BASELINE must name a conformance.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-'));
    expect(baselineFromEnv({}, dir)).toBeUndefined();
    const error = (env: Record<string, string>) => {
      try {
        baselineFromEnv(env, dir);
      } catch (e) {
        return e instanceof ConfigError ? e.variable : 'other';
      }
      return 'none';
    };
    expect(error({ CONFORMANCE_BASELINE: 'nope.json' })).toBe('CONFORMANCE_BASELINE');
    writeFileSync(join(dir, 'bad.json'), '{"x":1}');
    expect(error({ CONFORMANCE_BASELINE: 'bad.json' })).toBe('CONFORMANCE_BASELINE');
    writeFileSync(join(dir, 'good.json'), JSON.stringify(buildReport([moovTest('walks', 'TKT-PAG-002', true)], 1)));
    expect(baselineFromEnv({ CONFORMANCE_BASELINE: 'good.json' }, dir)?.report.apis[0]?.failures).toHaveLength(1);
  });
});

test.describe('trend', () => {
  test('each run appends its headline to the history; the chart keeps the last 30 runs', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'history-')), 'deep', 'history.jsonl');
    const report = buildReport([moovTest('walks', 'TKT-PAG-002', true)], 1234);
    const headline = headlineOf(report);
    expect(headline).toMatchObject({ verdict: 'fails', durationMs: 1234, requests: 5, failures: 1, waived: 0, apis: [{ api: 'moov', target: 'http://127.0.0.1:1', version: 'v2024.01.00' }] });
    let trend: TrendEntry[] = [];
    for (let i = 0; i < 35; i += 1) trend = recordHistory(path, { ...headline, date: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T03:17:00.000Z` });
    expect(trend).toHaveLength(TREND_RUNS);
    expect(recordHistory(path, undefined)).toHaveLength(TREND_RUNS); // a run without tests appends nothing
    writeFileSync(path, `${readFileSync(path, 'utf8')}{"torn":\n`);
    expect(parseHistory(readFileSync(path, 'utf8'))).toHaveLength(35);
  });

  test('the chart is an inline SVG with a line per headline number and bars for failures', () => {
    const entry = (date: string, conformance: number, failures: number, waived: number): TrendEntry => ({ date, verdict: 'fails', durationMs: 1, requests: 1, failures, waived, apis: [{ api: 'moov', target: 't', version: 'v', coverage: 60, conformance, failures, waived }] });
    const svg = renderTrendSvg([entry('2026-11-01T00:00:00Z', 90, 2, 0), entry('2026-11-02T00:00:00Z', 95, 1, 1), entry('2026-11-03T00:00:00Z', 100, 0, 1)], 'moov');
    expect(svg).toMatch(/^<svg class="trend"/);
    expect(svg).not.toMatch(/<script|xlink|https?:|@import|<image/);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/class="failures"/g)).toHaveLength(2);
    expect(svg.match(/class="waived"/g)).toHaveLength(2);
    expect(svg).toContain('3 runs');
    // One run still draws (a point, no line to speak of); an API without history draws an empty chart.
    expect(renderTrendSvg([entry('2026-11-01T00:00:00Z', 90, 0, 0)], 'moov')).toContain('1 run)');
    expect(renderTrendSvg([], 'sdk')).toContain('0 runs');
  });

  test('the axis follows the data: a drop from 100% to 99.1% is plain to see', () => {
    const entry = (date: string, conformance: number): TrendEntry => ({ date, verdict: 'fails', durationMs: 1, requests: 1, failures: 0, waived: 0, apis: [{ api: 'moov', target: 't', version: 'v', coverage: 100, conformance, failures: 0, waived: 0 }] });
    const svg = renderTrendSvg([entry('2026-11-01T00:00:00Z', 100), entry('2026-11-02T00:00:00Z', 99.1)], 'moov');
    const ys = [...(/class="conformance"[^>]*points="([^"]+)"/.exec(svg)?.[1] ?? '').matchAll(/,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(2);
    expect(ys[1]! - ys[0]!).toBeGreaterThan(20);
    expect(svg).toContain('>98%<');
  });
});

test.describe('one unit everywhere', () => {
  test('new failures since the baseline count failing cells (check × operation), as the matrix does', () => {
    const twice = [moovTest('walks at count 1', 'TKT-PAG-002', true), moovTest('walks at count 4', 'TKT-PAG-002', true)];
    const report = buildReport(twice, 1);
    const diff = diffBaseline({ generatedAt: 'x', apis: [] }, report, 'base.json');
    expect(diff.newFailures).toHaveLength(1);
    expect(report.apis[0]?.matrix.filter((r) => Object.values(r.cells).some((c) => c.state === 'fail'))).toHaveLength(1);
  });

  test('a run that exchanged nothing shows n/a, not 0%', () => {
    const report = buildReport([moovTest('walks', 'TKT-PAG-002', false)], 1);
    report.apis[0]!.conformance = { count: 0, of: 0, percent: 0 };
    expect(renderMarkdown(report)).toContain('**Conformance n/a**');
    expect(renderHtml(report)).toContain('<b>n/a</b>');
  });
});

test.describe('annotations', () => {
  test('each failure is one ::error line with the check id as title, escaped and redacted', () => {
    secrets.add('canary-annotation-secret-77', '$MOOV_SECRET_KEY');
    const message = '[TKT-PAG-002] broke — listTickets\n  expected: every ticket, 100%\n  received: 2 missing with key canary-annotation-secret-77';
    const report: ConformanceReport = buildReport([moovTest('walks', 'TKT-PAG-002', true, message)], 1);
    const lines = annotationLines(report);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe('::error title=TKT-PAG-002::listTickets: every ticket, 100%25 / 2 missing with key $MOOV_SECRET_KEY [moov › walks]');
    expect(lines.join('\n')).not.toContain('canary-annotation-secret-77');
  });
});
