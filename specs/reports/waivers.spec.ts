import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { playwright, type NestedRun } from '../../lib/playwrightRun';
import type { ConformanceReport } from '../../reporters/conformance/report';

/** One moov test that fails through TKT-PAG-002 against the page-gap mock, and nothing else. */
const ONE_FAILING_TEST = ['test', '--project=moov', '-g', 'cursor walks at several counts'];
const FAULT = { MOCK_FAULTS: 'page-gap' };

function waiversFile(dir: string, expires: string): string {
  const path = join(dir, `waivers-${expires}.yaml`);
  writeFileSync(
    path,
    `waivers:
  - check: TKT-PAG-002
    operation: listTickets
    target: mock
    message: missing from the walk
    reason: the mock skips a ticket at each page boundary
    issue: https://github.com/example/tickets-api/issues/1
    expires: ${expires}
  # TKT-PAG-001 runs in the same test and passes: this entry matches nothing.
  - check: TKT-PAG-001
    operation: listTickets
    reason: duplicates were fixed long ago
    issue: https://github.com/example/tickets-api/issues/2
    expires: 2099-12-31
`,
  );
  return path;
}

const read = (run: NestedRun) => ({
  json: JSON.parse(readFileSync(join(run.reportDir, 'conformance.json'), 'utf8')) as ConformanceReport,
  md: readFileSync(join(run.reportDir, 'conformance.md'), 'utf8'),
  html: readFileSync(join(run.reportDir, 'conformance.html'), 'utf8'),
});

test.describe('waivers and baseline', () => {
  test('a waived failure leaves the run green and shows as waived; expired, it turns the run red and is a new failure against a baseline', async () => {
    test.setTimeout(150_000);
    const dir = mkdtempSync(join(tmpdir(), 'conformance-waivers-'));

    // A live waiver: the one failing test fails only through it, so the run passes.
    const green = await playwright(ONE_FAILING_TEST, { ...FAULT, CONFORMANCE_WAIVERS: waiversFile(dir, '2099-12-31') });
    expect(green.code, green.output.slice(-3000)).toBe(0);
    expect(green.output).toContain('1 failed'); // Playwright's own console still says what happened
    expect(green.output).not.toMatch(/^::(error|warning)/m); // not under GitHub Actions: no annotations
    const g = read(green);
    const moov = g.json.apis.find((a) => a.api === 'moov')!;
    expect(g.json.verdict).toBe('passes with waivers');
    expect(g.json.tests).toMatchObject({ failed: 0, waived: 1 });
    expect(moov.failures).toEqual([]);
    expect(moov.waived.map((f) => [f.checkId, f.waiver?.state, f.waiver?.issue])).toEqual([['TKT-PAG-002', 'live', 'https://github.com/example/tickets-api/issues/1']]);
    expect(moov.matrix.find((r) => r.checkId === 'TKT-PAG-002')?.cells.listTickets?.state).toBe('waived');
    expect(g.json.waivers?.entries.map((w) => w.status)).toEqual(['applied', 'stale']);
    expect(g.md.split('\n')[0]).toBe('# Conformance: 🟣 passes with waivers');
    expect(g.md).toContain('### Waived (1)');
    expect(g.md).toMatch(/Waived until 2099-12-31 \(\d+ days left\): the mock skips a ticket at each page boundary — https:\/\/github.com\/example\/tickets-api\/issues\/1/);
    expect(g.md).toContain('**stale**: matched nothing, delete it');
    expect(g.html).toContain('<td class="cell waived"');
    expect(g.html).toContain('Waived (1)');
    expect(g.html).toMatch(/<tr class="waiver-stale"><td>2<\/td><td>TKT-PAG-001<\/td>/);
    expect(green.output).toContain('stale waiver: ');
    // The console marks the failure it printed as waived, and ends with the verdict, the checks and the report.
    expect(green.output).toMatch(/^conformance: waived — TKT-PAG-002 .*a known deviation until 2099-12-31, https:\/\/github\.com\/example\/tickets-api\/issues\/1$/m);
    const last = green.output.trim().split('\n').at(-1) ?? '';
    expect(last).toMatch(/^conformance: PASSES WITH WAIVERS — tests 0 passed, 0 failed, 1 waived, \d+ skipped; checks \d+ passed, 0 failed, 1 waived \(TKT-PAG-002\)[,;] .* Report: .*conformance\.html$/);

    // The baseline: the green run's report, as if TKT-PAG-001 had failed then and TKT-PAG-002 had not.
    const [waived] = moov.waived;
    const baseline = { ...g.json, apis: g.json.apis.map((a) => ({ ...a, waived: [], failures: [{ ...waived!, checkId: 'TKT-PAG-001', title: 'ticket listed twice in a cursor walk', waiver: undefined }] })) };
    const baselinePath = join(dir, 'baseline.json');
    writeFileSync(baselinePath, JSON.stringify(baseline));

    // The same waiver, expired: the failure fails the run, and the report says the waiver expired.
    const red = await playwright(ONE_FAILING_TEST, { ...FAULT, CONFORMANCE_WAIVERS: waiversFile(dir, '2026-01-01'), CONFORMANCE_BASELINE: baselinePath, GITHUB_ACTIONS: 'true' });
    expect(red.code).not.toBe(0);
    const r = read(red);
    const redMoov = r.json.apis.find((a) => a.api === 'moov')!;
    expect(r.json.verdict).toBe('fails');
    expect(redMoov.failures.map((f) => [f.checkId, f.waiver?.state])).toEqual([['TKT-PAG-002', 'expired']]);
    expect(r.json.waivers?.entries[0]).toMatchObject({ status: 'expired', matched: 1 });
    expect(r.md).toContain('Waiver entry 1 expired on 2026-01-01');
    expect(r.html).toContain('Waiver expired</b> on 2026-01-01');
    // The baseline diff leads every report: TKT-PAG-002 is new, TKT-PAG-001 fixed.
    expect(r.json.baseline?.newFailures.map((f) => f.checkId)).toEqual(['TKT-PAG-002']);
    expect(r.json.baseline?.fixed.map((f) => f.checkId)).toEqual(['TKT-PAG-001']);
    expect(r.md.split('\n')[0]).toBe('# Conformance: ❌ fails — 1 new failure since the baseline');
    expect(r.md.indexOf('## Since the baseline')).toBeLessThan(r.md.indexOf('## Moov support tickets'));
    expect(r.html.indexOf('id="baseline"')).toBeLessThan(r.html.indexOf('<h2>Moov support tickets'));
    // Under GitHub Actions, each failure is a workflow annotation.
    expect(red.output.trim().split('\n').at(-1)).toMatch(/^conformance: FAILS — .*checks \d+ passed, 1 failed \(TKT-PAG-002\)/);
    expect(red.output).toMatch(/^::error title=TKT-PAG-002::listTickets: every ticket listed.* \/ \d+ missing from the walk.*waiver entry 1 expired 2026-01-01/m);
  });

  test('a bad waivers file stops the run before any request, naming the entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conformance-waivers-'));
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'waivers:\n  - check: TKT-PAG-999\n    reason: typo\n    issue: https://github.com/example/tickets-api/issues/3\n    expires: 2099-12-31\n');
    const run = await playwright(ONE_FAILING_TEST, { ...FAULT, CONFORMANCE_WAIVERS: path });
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`Configuration error: ${path}: entry 1 (TKT-PAG-999): unknown check id`);
    const json = JSON.parse(readFileSync(join(run.reportDir, 'conformance.json'), 'utf8')) as ConformanceReport;
    expect(json.tests).toEqual({ passed: 0, failed: 0, skipped: 0, waived: 0, unavailable: 0 });
    expect(json.counters.requests).toBe(0);
  });
});
