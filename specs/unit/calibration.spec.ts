import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { calibrateMoov } from '../../lib/calibration/calibrate';
import { driftBetween } from '../../lib/calibration/drift';
import { parseProfile } from '../../lib/calibration/profile';
import { answersOf, pointsOf, variantsForProfile } from '../../lib/calibration/registry';
import { isAnswered, type CalibratedApi, type Profile } from '../../lib/calibration/types';
import { loadEnv } from '../../lib/config/loadEnv';
import { resolveMoovTarget } from '../../lib/config/moovTarget';
import { moovMockConfigFromEnv } from '../../mock/moov/config';
import { startMoovMock } from '../../mock/moov/server';
import { teamworkDeskMockConfigFromEnv } from '../../mock/teamwork-desk/config';
import { calibrateMock } from './support/calibrateMock';
import { moovSelfTest } from '../../scripts/selftest/moov';
import { teamworkDeskSelfTest } from '../../scripts/selftest/teamworkDesk';
import type { SelfTestSuite } from '../../scripts/selftest/types';
import { groupedVariants } from '../../scripts/selftest/variantGroups';
import { configError } from './support/configError';

loadEnv();
const dir = mkdtempSync(join(tmpdir(), 'calibration-'));

/** No variant, then each of the self-test's live variant groups (the sets a real server can have on together). */
function variantSets(suite: SelfTestSuite, variable: string): string[][] {
  const live = suite.variants.filter((v) => v.modes === undefined || v.modes.includes('live'));
  const sets = groupedVariants(suite, live).map((g) => (g.env[variable] ?? '').split(',').filter(Boolean));
  return [[], ...sets.filter((s) => s.length > 0)];
}

/** Every point's answer, or "undetermined: <reason>". */
const outcome = (profile: Profile) => Object.fromEntries(profile.points.map((p) => [p.id, isAnswered(p) ? p.answer : `undetermined: ${p.undetermined}`]));

const CASES: Array<{ api: CalibratedApi; suite: SelfTestSuite; variable: string }> = [
  { api: 'moov', suite: moovSelfTest, variable: 'MOCK_VARIANTS' },
  { api: 'teamwork-desk', suite: teamworkDeskSelfTest, variable: 'TEAMWORK_DESK_MOCK_VARIANTS' },
];

test.describe('calibration', () => {
  for (const { api, suite, variable } of CASES) {
    for (const variants of variantSets(suite, variable)) {
      test(`${api} mock with ${variants.join(', ') || 'no variant'}: the profile names those variants, and a mock serving it answers alike`, async ({ request }) => {
        const profile = await calibrateMock(request, api, { [variable]: variants.join(',') });
        // The one point a set hides: an empty update refused too leaves status "" unreadable.
        const hidden = variants.includes('empty-update-422') ? ['moov.empty-status-update'] : [];
        expect(profile.points.filter((p) => !isAnswered(p)).map((p) => p.id)).toEqual(hidden);
        expect(profile.points.map((p) => p.id)).toEqual(pointsOf(api).map((p) => p.id));
        expect(variantsForProfile(profile).variants.sort()).toEqual([...variants].sort());

        const file = join(dir, `${api}-${variants.join('+') || 'none'}.json`);
        writeFileSync(file, JSON.stringify(profile));
        const served = await calibrateMock(request, api, { MOCK_PROFILE: file });
        expect(outcome(served)).toEqual(outcome(profile));
        expect(driftBetween({ file, profile }, served)).toEqual([]);
      });
    }
  }

  test('switching one variant is drift at its point, named with the profile\'s date', async ({ request }) => {
    const profile = await calibrateMock(request, 'moov', {});
    const now = await calibrateMock(request, 'moov', { MOCK_VARIANTS: 'unreachable-404' });
    const drift = driftBetween({ file: 'targets/x.moov.profile.json', profile }, now);
    expect(drift.map((d) => d.text)).toEqual([`account outside reach: 403 → 404 since the profile of ${profile.calibratedAt.slice(0, 10)}`]);
    expect(drift[0]?.evidence).toEqual([expect.objectContaining({ method: 'GET', status: 404 })]);
  });

  test('a live target without ALLOW_WRITES is probed with reads only; the write points say why they are undetermined', async ({ request }) => {
    const mock = await startMoovMock(moovMockConfigFromEnv({ ...process.env, MOCK_VARIANTS: '', MOCK_PROFILE: '', MOCK_SEED_TICKETS: '201' }));
    try {
      const live = { ...process.env, MOOV_BASE_URL: mock.url, ALLOW_WRITES: '', MOOV_MAX_RPS: '1000' };
      const profile = await calibrateMoov(request, resolveMoovTarget(live), { label: () => 'unused' });
      const open = profile.points.filter((p) => !isAnswered(p));
      expect(open.map((p) => p.id).sort()).toEqual(pointsOf('moov').filter((p) => p.writes !== undefined).map((p) => p.id).sort());
      for (const p of open) expect(isAnswered(p) ? '' : p.undetermined).toMatch(/^needs writes \(.+\); ALLOW_WRITES is not true/);
      expect(mock.log.all().filter((r) => r.method === 'PATCH' || (r.method === 'POST' && r.path.includes('/tickets')))).toEqual([]);

      // Writes on, but no budget: nothing is created, and the points say the budget is spent.
      const spent = await calibrateMoov(request, resolveMoovTarget({ ...live, ALLOW_WRITES: 'true', MOOV_MAX_WRITES: '0' }), { label: () => 'unused' });
      expect(spent.points.filter((p) => !isAnswered(p)).map((p) => (isAnswered(p) ? '' : p.undetermined))).toContain('MOOV_MAX_WRITES=0 is spent: no ticket left for the write probes');
      expect(mock.log.all().filter((r) => r.method === 'POST' && r.path.includes('/tickets'))).toEqual([]);
    } finally {
      await mock.close();
    }
  });

  test('a bad profile is refused with a message naming the file and the point', () => {
    const good: Profile = { api: 'moov', target: 'mock', calibratedAt: '2026-11-30T00:00:00.000Z', points: [{ id: 'moov.unreachable-account-status', label: 'account outside reach', answer: '404', evidence: [] }] };
    const parse = (doc: unknown) => parseProfile(typeof doc === 'string' ? doc : JSON.stringify(doc), 'p.json');
    expect(answersOf(parse(good))).toEqual(new Map([['moov.unreachable-account-status', '404']]));
    expect(configError(() => parse('{')).message).toMatch(/^p\.json: is not valid JSON/);
    expect(configError(() => parse({ ...good, api: 'zendesk' })).message).toMatch(/^p\.json: is not a calibration profile.*\/api/);
    expect(configError(() => parse({ ...good, points: [{ ...good.points[0], id: 'moov.nope' }] })).message).toContain('point "moov.nope": unknown point id for api moov');
    expect(configError(() => parse({ ...good, api: 'teamwork-desk' })).message).toContain('unknown point id for api teamwork-desk');
    expect(configError(() => parse({ ...good, points: [{ ...good.points[0], answer: '410' }] })).message).toContain('answer "410" is not one of 403, 404');
    expect(configError(() => parse({ ...good, points: [{ id: 'moov.unreachable-account-status', label: 'x', evidence: [] }] })).message).toContain('is not a calibration profile');

    const file = join(dir, 'good.json');
    writeFileSync(file, JSON.stringify(good));
    expect(configError(() => moovMockConfigFromEnv({ ...process.env, MOCK_PROFILE: join(dir, 'missing.json') })).message).toMatch(/^MOCK_PROFILE: .*missing\.json does not exist/);
    expect(configError(() => moovMockConfigFromEnv({ ...process.env, MOCK_PROFILE: file, MOCK_VARIANTS: 'newest-first' })).message).toContain('and MOCK_VARIANTS are both set');
    expect([...moovMockConfigFromEnv({ ...process.env, MOCK_PROFILE: file, MOCK_VARIANTS: '' }).variants]).toEqual(['unreachable-404']);
    // Unstable ties under an order by id: no combination of the mock's variants answers so.
    const unstable = join(dir, 'unstable.json');
    const point = (id: string, answer: string) => ({ id, label: id, answer, evidence: [] });
    writeFileSync(unstable, JSON.stringify({ ...good, api: 'teamwork-desk', points: [point('teamwork-desk.default-order', 'by-id'), point('teamwork-desk.tie-order', 'unstable')] }));
    expect(configError(() => teamworkDeskMockConfigFromEnv({ ...process.env, MOCK_PROFILE: unstable, TEAMWORK_DESK_MOCK_VARIANTS: '' })).message).toContain('the mock cannot serve teamwork-desk.tie-order "unstable"');
  });
});
