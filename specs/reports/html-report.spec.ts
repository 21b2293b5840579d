import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';

import { playwright } from '../../lib/playwrightRun';
import { valueOf } from '../../lib/config/configError';
import type { ConformanceReport } from '../../reporters/conformance/report';

/** Debian's Chromium: Playwright's own browser download does not work where this suite runs. */
const CHROMIUM = valueOf(process.env, 'CHROMIUM_PATH') ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

test('a failing run against a faulty mock yields a report that shows what broke and how to reproduce it', async ({}, testInfo) => {
  test.setTimeout(120_000);
  // Earlier nightly headlines (CONFORMANCE_HISTORY): the report charts them with this run's.
  const history = join(mkdtempSync(join(tmpdir(), 'conformance-history-')), 'history.jsonl');
  const earlier = [96.2, 97.5, 100].map((conformance, i) => JSON.stringify({ date: `2026-11-2${i}T03:17:00.000Z`, verdict: 'fails', durationMs: 9000, requests: 540, failures: i, waived: 1, apis: [{ api: 'moov', target: 'http://127.0.0.1:1', version: 'v2024.01.00', coverage: 60 + i, conformance, failures: i, waived: 1 }] }));
  writeFileSync(history, `${earlier.join('\n')}\n`);
  const run = await playwright(['test', '--project=moov'], { MOCK_FAULTS: 'page-gap', CONFORMANCE_HISTORY: history });
  expect(run.code, run.output).not.toBe(0);

  const json = JSON.parse(readFileSync(join(run.reportDir, 'conformance.json'), 'utf8')) as ConformanceReport;
  const moov = json.apis.find((a) => a.api === 'moov')!;
  expect(json.verdict).toBe('fails');
  // The embedded mock is gone once the run ends: the reproduction brings it back as it was, then curls.
  expect(moov.failures.some((f) => f.checkId === 'TKT-PAG-002' && /^MOCK_FAULTS=page-gap MOCK_PORT=\d+ npm run mock & .*\ncurl /.test(f.reproduce ?? ''))).toBe(true);
  expect(moov.coverage.of).toBeGreaterThan(0);
  expect(readFileSync(join(run.reportDir, 'conformance.md'), 'utf8')).toContain('TKT-PAG-002');
  expect(existsSync(join(run.reportDir, 'junit.xml'))).toBe(true);
  expect(existsSync(join(run.reportDir, 'playwright-html', 'index.html'))).toBe(true);
  const bundles = readdirSync(join(run.reportDir, 'replay'));
  expect(bundles.length).toBeGreaterThan(0);
  const bundle = JSON.parse(readFileSync(join(run.reportDir, 'replay', bundles[0]!), 'utf8')) as { againstMock: string; steps: string[] };
  expect(bundle.againstMock).toContain('MOCK_FAULTS=page-gap');
  expect(bundle.steps[0]).toContain('curl');

  // The replay command the console prints reproduces the failure when pasted into a fresh shell.
  const replay = /replay: (.*npx playwright test .*)$/m.exec(run.output)?.[1];
  expect(replay, run.output.slice(-2000)).toContain('MOCK_FAULTS=page-gap ');
  const again = spawnSync('sh', ['-c', replay!], { cwd: join(__dirname, '../..'), env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CONFORMANCE_REPORT_DIR: mkdtempSync(join(tmpdir(), 'replay-')), CONFORMANCE_OUTPUT_DIR: mkdtempSync(join(tmpdir(), 'replay-')) }, encoding: 'utf8' });
  expect(again.status, again.stdout.slice(-2000)).not.toBe(0);
  expect(again.stdout).toContain('[TKT-PAG-002]');
  expect(again.stdout).toMatch(/1 failed/);

  const html = readFileSync(join(run.reportDir, 'conformance.html'), 'utf8');
  expect(html).not.toMatch(/<script|<link|https?:\/\/fonts|@import/); // one self-contained file
  expect(readFileSync(history, 'utf8').trim().split('\n')).toHaveLength(4); // this run's headline appended

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1800 } });
    await page.goto(`file://${join(run.reportDir, 'conformance.html')}`);
    await expect(page.locator('table.matrix')).toBeVisible();
    await expect(page.locator('table.matrix td.fail').first()).toBeVisible();
    // A FAIL cell links to its evidence; the legend says what each cell means.
    const href = await page.locator('table.matrix td.fail a').first().getAttribute('href');
    expect(href).toMatch(/^#moov-TKT-/);
    await expect(page.locator(`details[id="${href!.slice(1)}"]`)).toHaveCount(1);
    await expect(page.locator('p.legend').first()).toContainText('a documented promise broke');
    // The trend: an inline SVG of the last runs (three earlier ones and this one).
    const chart = page.locator('svg.trend').first();
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toBeVisible();
    await expect(chart.locator('circle')).toHaveCount(8);
    expect((await chart.boundingBox())?.width).toBeGreaterThan(300);
    await expect(chart.locator('polyline.conformance')).toHaveAttribute('points', /^(\S+,\S+ ){3}\S+,\S+$/);
    const curl = page.locator('pre.curl').first();
    await curl.scrollIntoViewIfNeeded();
    await expect(curl).toBeVisible();
    await expect(curl).toContainText('curl -sS');
    await expect(curl).toContainText('$MOOV_SECRET_KEY');
    const shot = await page.screenshot({ fullPage: true });
    await testInfo.attach('conformance.html', { body: shot, contentType: 'image/png' });
  } finally {
    await browser.close();
  }
});
