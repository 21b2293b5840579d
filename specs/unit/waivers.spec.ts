import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { registry } from '../../apis';
import { loadWaivers } from '../../checks/waivers/load';
import { matchWaiver, type FailureFacts } from '../../checks/waivers/match';
import { parseWaivers } from '../../checks/waivers/parse';
import type { Waiver } from '../../checks/waivers/waiver';
import type { CollectedTest } from '../../reporters/conformance/collected';
import { buildReport } from '../../reporters/conformance/model';
import { configError } from './support/configError';
import { collectedMoovTest } from './support/collectedTest';

const lookup = (id: string) => registry.get(id);
const FILE = 'conformance.waivers.yaml';

const entry = (fields: Record<string, string>) =>
  `waivers:\n  - check: TKT-PAG-002\n    reason: known\n    issue: https://example.com/issues/1\n    expires: 2026-12-31\n${Object.entries(fields).map(([k, v]) => `    ${k}: ${v}`).join('\n')}\n`;

const waiver = (fields: Partial<Waiver> = {}): Waiver => ({ entry: 1, check: 'TKT-PAG-002', reason: 'known', issue: 'https://example.com/issues/1', expires: '2026-12-31', ...fields });

const facts = (fields: Partial<FailureFacts> = {}): FailureFacts => ({
  checkId: 'TKT-PAG-002',
  operation: 'listTickets',
  message: '[TKT-PAG-002] ticket missing from a cursor walk — listTickets\n  expected: every ticket\n  received: 5 missing from the walk at count 4',
  target: 'https://api.staging.example.com',
  targetKind: 'live',
  envName: 'staging',
  ...fields,
});

test.describe('waivers file', () => {
  test('a valid file parses; an empty or commented file means no waivers', () => {
    const parsed = parseWaivers(entry({ operation: 'listTickets', target: 'api.staging.example.com', env: 'staging', message: "'missing from the walk'" }), FILE, lookup);
    expect(parsed).toEqual([{ entry: 1, check: 'TKT-PAG-002', reason: 'known', issue: 'https://example.com/issues/1', expires: '2026-12-31', operation: 'listTickets', target: 'api.staging.example.com', env: 'staging', message: 'missing from the walk' }]);
    expect(parseWaivers('# nothing yet\n', FILE, lookup)).toEqual([]);
    expect(parseWaivers('waivers: []\n', FILE, lookup)).toEqual([]);
  });

  test('an unknown check id, a bad date, a missing reason or link is an error naming the entry', () => {
    const second = `waivers:\n  - check: TKT-PAG-002\n    reason: a\n    issue: https://example.com/1\n    expires: 2026-12-31\n  - check: TKT-PAG-009\n    reason: b\n    issue: https://example.com/2\n    expires: 2026-12-31\n`;
    expect(configError(() => parseWaivers(second, FILE, lookup)).message).toBe('conformance.waivers.yaml: entry 2 (TKT-PAG-009): unknown check id (see docs/checks.md)');
    expect(configError(() => parseWaivers(entry({}).replace('2026-12-31', '2026-02-30'), FILE, lookup)).message).toContain('entry 1 (TKT-PAG-002): expires must be a date written YYYY-MM-DD, got "2026-02-30"');
    expect(configError(() => parseWaivers(entry({}).replace('2026-12-31', '31/12/2026'), FILE, lookup)).message).toContain('expires must be a date');
    expect(configError(() => parseWaivers(entry({}).replace('    reason: known\n', ''), FILE, lookup)).message).toContain('entry 1 (TKT-PAG-002): missing reason');
    expect(configError(() => parseWaivers(entry({}).replace('https://example.com/issues/1', 'soon'), FILE, lookup)).message).toContain('issue must be a link');
    expect(configError(() => parseWaivers(entry({ operation: 'getTicket' }), FILE, lookup)).message).toContain('operation "getTicket" is not one the check judges (listTickets)');
    expect(configError(() => parseWaivers(entry({ message: "'(unclosed'" }), FILE, lookup)).message).toContain('message is not a valid regular expression');
    expect(configError(() => parseWaivers(entry({ expiry: '2026-12-31' }), FILE, lookup)).message).toContain('unknown key(s) "expiry"');
    expect(configError(() => parseWaivers('- check: TKT-PAG-002\n', FILE, lookup)).message).toContain('one key, "waivers"');
    expect(configError(() => parseWaivers('waivers: [\n', FILE, lookup)).message).toContain('not valid YAML');
  });

  test('the default file may be absent; a file CONFORMANCE_WAIVERS names must exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waivers-'));
    expect(loadWaivers({}, lookup, dir)).toEqual({ file: FILE, waivers: [] });
    expect(configError(() => loadWaivers({ CONFORMANCE_WAIVERS: 'missing.yaml' }, lookup, dir)).variable).toBe('CONFORMANCE_WAIVERS');
    writeFileSync(join(dir, 'w.yaml'), entry({}));
    expect(loadWaivers({ CONFORMANCE_WAIVERS: 'w.yaml' }, lookup, dir).waivers).toHaveLength(1);
    // The committed default ships with no entries, so a default run is unchanged.
    expect(loadWaivers({}, lookup).waivers).toEqual([]);
  });
});

test.describe('waiver matching', () => {
  test('check, operation, target (host, URL, mock/live), env and message must all match', () => {
    const today = '2026-12-01';
    expect(matchWaiver(facts(), [waiver()], today)?.state).toBe('live');
    expect(matchWaiver(facts(), [waiver({ check: 'TKT-PAG-001' })], today)).toBeUndefined();
    expect(matchWaiver(facts(), [waiver({ operation: 'getTicket' })], today)).toBeUndefined();
    expect(matchWaiver(facts(), [waiver({ target: 'api.staging.example.com' })], today)).toBeDefined();
    expect(matchWaiver(facts(), [waiver({ target: 'https://api.staging.example.com/' })], today)).toBeDefined();
    expect(matchWaiver(facts(), [waiver({ target: 'live' })], today)).toBeDefined();
    expect(matchWaiver(facts(), [waiver({ target: 'mock' })], today)).toBeUndefined();
    expect(matchWaiver(facts(), [waiver({ target: 'api.moov.io' })], today)).toBeUndefined();
    expect(matchWaiver(facts(), [waiver({ env: 'sandbox' })], today)).toBeUndefined();
    expect(matchWaiver(facts(), [waiver({ message: 'missing from the walk' })], today)).toBeDefined();
    expect(matchWaiver(facts(), [waiver({ message: 'duplicated' })], today)).toBeUndefined();
  });

  test('a waiver applies through its expiry day and is expired the day after', () => {
    expect(matchWaiver(facts(), [waiver()], '2026-12-31')).toMatchObject({ state: 'live', daysLeft: 0 });
    expect(matchWaiver(facts(), [waiver()], '2026-12-01')).toMatchObject({ state: 'live', daysLeft: 30 });
    expect(matchWaiver(facts(), [waiver()], '2027-01-01')).toMatchObject({ state: 'expired', daysLeft: -1 });
    // A live waiver wins over an expired one describing the same failure.
    expect(matchWaiver(facts(), [waiver({ entry: 1, expires: '2026-01-01' }), waiver({ entry: 2 })], '2026-12-01')?.waiver.entry).toBe(2);
  });
});

/** A failed test of the moov project as the reporter collects it. */
function failedTest(title: string, checkId: string, operation: string, message: string, extra: Partial<CollectedTest> = {}): CollectedTest {
  return collectedMoovTest({ title, checkId, operation, message, failing: true }, extra);
}

const PAG = '[TKT-PAG-002] ticket missing from a cursor walk — listTickets\n  expected: every ticket\n  received: 5 missing from the walk';
const DUP = '[TKT-PAG-001] ticket listed twice in a cursor walk — listTickets\n  expected: each ticket once\n  received: #4 twice';
const set = (...waivers: Waiver[]) => ({ file: FILE, waivers });

test.describe('waivers in the report', () => {
  test('a failure a live waiver covers is waived: the run passes with waivers and the cell says waived', () => {
    const report = buildReport([failedTest('walks', 'TKT-PAG-002', 'listTickets', PAG)], 100, { waivers: set(waiver({ target: 'mock' })), today: '2026-12-01' });
    const moov = report.apis[0]!;
    expect(report.verdict).toBe('passes with waivers');
    expect(report.tests).toMatchObject({ failed: 0, waived: 1 });
    expect(moov.failures).toEqual([]);
    expect(moov.waived[0]?.waiver).toMatchObject({ entry: 1, state: 'live', daysLeft: 30, reason: 'known', issue: 'https://example.com/issues/1' });
    expect(moov.matrix.find((r) => r.checkId === 'TKT-PAG-002')?.cells.listTickets?.state).toBe('waived');
    expect(report.waivers?.entries[0]).toMatchObject({ status: 'applied', matched: 1 });
  });

  test('an expired waiver no longer applies: the failure fails the run and says the waiver expired', () => {
    const report = buildReport([failedTest('walks', 'TKT-PAG-002', 'listTickets', PAG)], 100, { waivers: set(waiver()), today: '2027-01-05' });
    expect(report.verdict).toBe('fails');
    expect(report.apis[0]!.failures[0]?.waiver).toMatchObject({ state: 'expired', daysLeft: -5 });
    expect(report.apis[0]!.matrix.find((r) => r.checkId === 'TKT-PAG-002')?.cells.listTickets?.state).toBe('fail');
    expect(report.waivers?.entries[0]).toMatchObject({ status: 'expired', matched: 1 });
  });

  test('a waiver never hides a different failure', () => {
    const today = '2026-12-01';
    // Another check in the same test.
    const two = failedTest('walks', 'TKT-PAG-002', 'listTickets', PAG, {
      errors: [`ConformanceFailure: ${DUP}`],
      details: [{ checkId: 'TKT-PAG-002', operation: 'listTickets', outcome: 'fail', message: PAG }, { checkId: 'TKT-PAG-001', operation: 'listTickets', outcome: 'fail', message: DUP }],
    });
    let report = buildReport([two], 1, { waivers: set(waiver()), today });
    expect(report.verdict).toBe('fails');
    expect(report.apis[0]!.failures.map((f) => f.checkId)).toEqual(['TKT-PAG-001']);
    // The same check with another message than the waiver's pattern.
    report = buildReport([failedTest('walks', 'TKT-PAG-002', 'listTickets', PAG)], 1, { waivers: set(waiver({ message: 'duplicated' })), today });
    expect(report.verdict).toBe('fails');
    expect(report.waivers?.entries[0]?.status).toBe('stale');
    // A test that ended on an error no waived failure explains (the waived one was caught on the way).
    report = buildReport([failedTest('walks', 'TKT-PAG-002', 'listTickets', PAG, { errors: ['TypeError: x is undefined'] })], 1, { waivers: set(waiver()), today });
    expect(report.verdict).toBe('fails');
    expect(report.apis[0]!.failures.map((f) => f.checkId)).toEqual(['ERROR']);
    // A timeout is never waived.
    report = buildReport([failedTest('walks', 'TKT-PAG-002', 'listTickets', PAG, { status: 'timedOut' })], 1, { waivers: set(waiver()), today });
    expect(report.verdict).toBe('fails');
  });

  test('a waiver that matched nothing is stale when its check ran, not exercised when it did not', () => {
    const passed = failedTest('walks', 'TKT-PAG-002', 'listTickets', PAG, { status: 'passed', errors: [], details: [], cells: [{ checkId: 'TKT-PAG-002', operation: 'listTickets', passed: 3, failed: 0, advisory: 0 }] });
    const report = buildReport([passed], 1, { waivers: set(waiver({ entry: 1 }), waiver({ entry: 2, check: 'TKT-LST-003', operation: undefined }), waiver({ entry: 3, target: 'api.moov.io' })), today: '2026-12-01' });
    expect(report.verdict).toBe('conforms');
    expect(report.waivers?.entries.map((w) => w.status)).toEqual(['stale', 'not exercised', 'not exercised']);
  });
});
