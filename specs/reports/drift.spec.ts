import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { playwright, type NestedRun } from '../../lib/playwrightRun';

import { calibrateMock } from '../unit/support/calibrateMock';
import type { ConformanceReport } from '../../reporters/conformance/report';

/** Only the moov project's drift check: a profile of the plain mock, run against the mock with 404s outside reach. */
const DRIFT_TEST = ['test', '--project=moov', '-g', 'silent points as its profile says'];

const read = (run: NestedRun) => ({
  json: JSON.parse(readFileSync(join(run.reportDir, 'conformance.json'), 'utf8')) as ConformanceReport,
  md: readFileSync(join(run.reportDir, 'conformance.md'), 'utf8'),
  html: readFileSync(join(run.reportDir, 'conformance.html'), 'utf8'),
  junit: readFileSync(join(run.reportDir, 'junit.xml'), 'utf8'),
});

test('a switched silent-point answer is a drift finding in every report: advisory, and failing the run under CONFORMANCE_STRICT', async ({ request }) => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(join(tmpdir(), 'conformance-drift-'));
  const profile = await calibrateMock(request, 'moov', { MOCK_SEED_TICKETS: '' });
  const file = join(dir, 'mock.moov.profile.json');
  writeFileSync(file, JSON.stringify(profile));
  const text = `account outside reach: 403 → 404 since the profile of ${profile.calibratedAt.slice(0, 10)}`;

  const advisory = await playwright(DRIFT_TEST, { CONFORMANCE_PROFILE: file, MOCK_VARIANTS: 'unreachable-404' });
  expect(advisory.code, advisory.output.slice(-3000)).toBe(0);
  const a = read(advisory);
  expect(a.json.drift?.map((d) => [d.project, d.strict, d.findings.map((f) => f.text)])).toEqual([['moov', false, [text]]]);
  expect(a.md).toContain('## Drift from the calibrated profile');
  expect(a.md).toContain(`- ⚠️ ${text} — GET /accounts/`);
  expect(a.md).toContain('1 change, advisory');
  expect(a.html).toContain('<section id="drift">');
  expect(a.html).toContain(text);
  expect(a.junit).toContain(`<property name="drift" value="${text}">`);
  expect(advisory.output).toContain(`conformance: drift (advisory): ${text}`);

  const strict = await playwright(DRIFT_TEST, { CONFORMANCE_PROFILE: file, MOCK_VARIANTS: 'unreachable-404', CONFORMANCE_STRICT: 'true' });
  expect(strict.code, strict.output.slice(-3000)).toBe(1);
  const s = read(strict);
  expect(s.json.verdict).toBe('fails');
  expect(s.json.drift?.[0]?.strict).toBe(true);
  expect(s.md).toContain('failing the run** (CONFORMANCE_STRICT=true)');
  expect(s.junit).toContain(`<property name="drift" value="${text}">`);
  expect(s.junit).toContain('[drift] 1 silent point(s) answer otherwise than');

  // The same profile against the mock it describes: no drift.
  const same = read(await playwright(DRIFT_TEST, { CONFORMANCE_PROFILE: file }));
  expect(same.json.drift?.map((d) => d.findings.length)).toEqual([0]);
  expect(same.md).toContain('no drift');
});

test('a CONFORMANCE_PROFILE that is missing or malformed stops the run before any request', async () => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'conformance-drift-'));
  const missing = await playwright(DRIFT_TEST, { CONFORMANCE_PROFILE: join(dir, 'nope.json') });
  expect(missing.code).not.toBe(0);
  expect(missing.output).toMatch(/Configuration error: CONFORMANCE_PROFILE: .*nope\.json does not exist/);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ api: 'moov', target: 'mock', calibratedAt: '2026-11-30T00:00:00Z', points: [{ id: 'moov.unreachable-account-status', label: 'x', answer: '410', evidence: [] }] }));
  const malformed = await playwright(DRIFT_TEST, { CONFORMANCE_PROFILE: bad });
  expect(malformed.code).not.toBe(0);
  expect(malformed.output).toContain('point "moov.unreachable-account-status": answer "410" is not one of 403, 404');
});
