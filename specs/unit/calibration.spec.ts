import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { api as apiNamed, CALIBRATIONS } from '../../apis';
import { driftBetween } from '../../lib/calibration/drift';
import { parseProfile } from '../../lib/calibration/profile';
import { moovCalibration } from '../../lib/calibration/moov';
import { contractSilences } from '../../lib/calibration/silentPoints';
import { answersOf, isAnswered, type CalibratedApi, type Profile } from '../../lib/calibration/types';
import { loadEnv } from '../../lib/config/loadEnv';
import { moovMockConfigFromEnv } from '../../mock/moov/config';
import { startMoovMock } from '../../mock/moov/server';
import { teamworkDeskMockConfigFromEnv } from '../../mock/teamwork-desk/config';
import { calibrateMock, startMock } from './support/calibrateMock';
import { plainProbes } from './support/sideBySide';
import { moovSelfTest } from '../../apis/moov/selfTest';
import { teamworkDeskSelfTest } from '../../apis/teamwork-desk/selfTest';
import type { SelfTestSuite } from '../../apis/selfTestCases';
import { groupedVariants } from '../../scripts/selftest/variantGroups';
import { configError } from './support/configError';

loadEnv();
const dir = mkdtempSync(join(tmpdir(), 'calibration-'));

const calibrationOf = (api: CalibratedApi) => CALIBRATIONS.find((c) => c.api === api)!;
const pointsOf = (api: CalibratedApi) => calibrationOf(api).points;

/** No variant, then each of the self-test's live variant groups (the sets a real server can have on together). */
function variantSets(name: string, suite: SelfTestSuite, variable: string): string[][] {
  const live = suite.variants.filter((v) => v.modes === undefined || v.modes.includes('live'));
  const sets = groupedVariants({ name, selfTest: suite }, live).map((g) => (g.env[variable] ?? '').split(',').filter(Boolean));
  return [[], ...sets.filter((s) => s.length > 0)];
}

/** Every point's answer, or "undetermined: <reason>". */
const outcome = (profile: Profile) => Object.fromEntries(profile.points.map((p) => [p.id, isAnswered(p) ? p.answer : `undetermined: ${p.undetermined}`]));

/** A target mock (`targetEnv`) and a mock serving `profileFile`, sent the same plain requests side by side, answer alike. */
async function expectAlike(api: CalibratedApi, targetEnv: Record<string, string>, profileFile: string): Promise<void> {
  const target = await startMock(api, targetEnv);
  const served = await startMock(api, { MOCK_PROFILE: profileFile });
  try {
    const [seenAtTarget, seenAtServed] = await Promise.all([plainProbes(api, target.url), plainProbes(api, served.url)]);
    expect(seenAtServed).toEqual(seenAtTarget);
  } finally {
    await Promise.all([target.close(), served.close()]);
  }
}

const CASES: Array<{ api: CalibratedApi; suite: SelfTestSuite; variable: string }> = [
  { api: 'moov', suite: moovSelfTest, variable: 'MOCK_VARIANTS' },
  { api: 'teamwork-desk', suite: teamworkDeskSelfTest, variable: 'TEAMWORK_DESK_MOCK_VARIANTS' },
];

test.describe('calibration', () => {
  // The points come from the docs' silences, not from the mocks' variants.
  for (const api of ['moov', 'teamwork-desk'] as const) {
    test(`${api}: every silent point of the catalogue is calibrated or says why no client sees it, and every point answers one`, () => {
      const entries = calibrationOf(api).silences;
      const known = new Set(pointsOf(api).map((p) => p.id));
      const named = new Set<string>();
      for (const entry of entries) {
        if ('notClientVisible' in entry.calibration) {
          expect(entry.calibration.notClientVisible, `${entry.what}: the reason no client sees it`).toMatch(/\w{3,}.*\w{3,}/);
          continue;
        }
        expect(entry.calibration.length, `${entry.what}: its calibration points`).toBeGreaterThan(0);
        for (const id of entry.calibration) {
          expect(known.has(id), `${entry.what}: calibration point ${id} exists`).toBe(true);
          named.add(id);
        }
      }
      expect([...known].filter((id) => !named.has(id)), 'calibration points no silent point of the catalogue asks for').toEqual([]);
      const covered = new Set(entries.flatMap((e) => e.facets ?? []));
      expect(contractSilences(api, apiNamed(api).contract()).filter((f) => !covered.has(f)), 'silences of the contract no catalogue entry covers').toEqual([]);
    });
  }

  for (const { api, suite, variable } of CASES) {
    for (const variants of variantSets(api, suite, variable)) {
      test(`${api} mock with ${variants.join(', ') || 'no variant'}: the profile names those variants, and a mock serving it answers alike`, async ({ request }) => {
        const profile = await calibrateMock(request, api, { [variable]: variants.join(',') });
        // The one point a set hides: an empty update refused too leaves status "" unreadable.
        const hidden = variants.includes('empty-update-422') ? ['moov.empty-status-update'] : [];
        expect(profile.points.filter((p) => !isAnswered(p)).map((p) => p.id)).toEqual(hidden);
        expect(profile.points.map((p) => p.id)).toEqual(pointsOf(api).map((p) => p.id));
        expect(calibrationOf(api).variantsFor(answersOf(profile)).variants.sort()).toEqual([...variants].sort());

        const file = join(dir, `${api}-${variants.join('+') || 'none'}.json`);
        writeFileSync(file, JSON.stringify(profile));
        const served = await calibrateMock(request, api, { MOCK_PROFILE: file });
        expect(outcome(served)).toEqual(outcome(profile));
        expect(driftBetween({ file, profile }, served)).toEqual([]);
        await expectAlike(api, { [variable]: variants.join(',') }, file);
      });
    }
  }

  // Each new point's other choices, from a target that makes them: as a variant, or (readings no
  // variant gives: another refusal status, another media type, another cap) a profile the target
  // mock serves. The calibrated profile records the choice, and a mock serving it answers alike.
  const point = (id: string, answer: string) => ({ id, label: id, answer, evidence: [] });
  const OTHER_CHOICES: Array<{ api: CalibratedApi; point: string; answer: string; target: Record<string, string> | Array<ReturnType<typeof point>> }> = [
    { api: 'moov', point: 'moov.count-over-200', answer: '422', target: { MOCK_VARIANTS: 'count-over-200-422' } },
    { api: 'moov', point: 'moov.count-over-200', answer: '400', target: { MOCK_VARIANTS: 'count-over-200-refused,invalid-query-422' } },
    { api: 'moov', point: 'moov.duplicate-foreign-id', answer: '409', target: { MOCK_VARIANTS: 'duplicate-foreignID-409' } },
    { api: 'moov', point: 'moov.duplicate-foreign-id', answer: '422', target: [point('moov.duplicate-foreign-id', '422')] },
    { api: 'moov', point: 'moov.duplicate-foreign-id', answer: '400', target: [point('moov.duplicate-foreign-id', '400')] },
    { api: 'moov', point: 'moov.latest-message-on', answer: 'absent', target: { MOCK_VARIANTS: 'latestMessageOn-absent' } },
    { api: 'moov', point: 'moov.number-scope', answer: 'global', target: { MOCK_VARIANTS: 'global-ticket-numbers' } },
    { api: 'moov', point: 'moov.number-scope', answer: 'global', target: { MOCK_VARIANTS: 'global-ticket-numbers,newest-first' } },
    { api: 'moov', point: 'moov.content-type', answer: 'application/json', target: { MOCK_VARIANTS: 'content-type-without-charset' } },
    { api: 'moov', point: 'moov.content-type', answer: 'application/json;charset=UTF-8', target: [point('moov.content-type', 'application/json;charset=UTF-8')] },
    { api: 'moov', point: 'moov.malformed-basic-status', answer: '400', target: [point('moov.malformed-basic-status', '400')] },
    { api: 'moov', point: 'moov.unknown-scheme-status', answer: '400', target: [point('moov.unknown-scheme-status', '400')] },
    { api: 'teamwork-desk', point: 'teamwork-desk.page-size-over-cap', answer: 'capped-100', target: [point('teamwork-desk.page-size-over-cap', 'capped-100')] },
    { api: 'teamwork-desk', point: 'teamwork-desk.page-size-over-cap', answer: 'refused-above-120', target: [point('teamwork-desk.page-size-over-cap', 'refused-above-120')] },
    { api: 'teamwork-desk', point: 'teamwork-desk.default-page-size', answer: '20', target: [point('teamwork-desk.default-page-size', '20'), point('teamwork-desk.page-size-over-cap', 'capped-100')] },
    { api: 'teamwork-desk', point: 'teamwork-desk.content-type', answer: 'application/json', target: { TEAMWORK_DESK_MOCK_VARIANTS: 'content-type-without-charset' } },
    { api: 'teamwork-desk', point: 'teamwork-desk.content-type', answer: 'application/vnd.api+json', target: [point('teamwork-desk.content-type', 'application/vnd.api+json')] },
  ];
  for (const { api, point: id, answer, target } of OTHER_CHOICES) {
    const how = Array.isArray(target) ? `a profile of ${target.map((p) => `${p.id} ${p.answer}`).join(', ')}` : Object.values(target).join(',');
    test(`${id} "${answer}" (target: ${how}): recorded, served, and seen alike by plain requests`, async ({ request }) => {
      let env: Record<string, string> = Array.isArray(target) ? {} : target;
      if (Array.isArray(target)) {
        const file = join(dir, `target-${id}-${answer.replace(/[^\w.-]+/g, '_')}.json`);
        writeFileSync(file, JSON.stringify({ api, target: 'hand-written', calibratedAt: '2026-11-30T00:00:00.000Z', points: target }));
        env = { MOCK_PROFILE: file };
      }
      const profile = await calibrateMock(request, api, env);
      expect(outcome(profile)[id]).toBe(answer);
      const file = join(dir, `calibrated-${id}-${answer.replace(/[^\w.-]+/g, '_')}.json`);
      writeFileSync(file, JSON.stringify(profile));
      expect(outcome(await calibrateMock(request, api, { MOCK_PROFILE: file }))).toEqual(outcome(profile));
      await expectAlike(api, env, file);
    });
  }

  test('switching one variant is drift at its point, named with the profile\'s date', async ({ request }) => {
    const profile = await calibrateMock(request, 'moov', {});
    const now = await calibrateMock(request, 'moov', { MOCK_VARIANTS: 'unreachable-404' });
    const drift = driftBetween({ file: 'targets/x.moov.profile.json', profile }, now);
    expect(drift.map((d) => d.text)).toEqual([`account outside reach: 403 → 404 since the profile of ${profile.calibratedAt.slice(0, 10)}`]);
    expect(drift[0]?.evidence).toEqual([expect.objectContaining({ method: 'GET', status: 404 })]);
  });

  test('the new points drift too: a target that switches to issue 22\'s five choices is five findings', async ({ request }) => {
    const profile = await calibrateMock(request, 'moov', {});
    const now = await calibrateMock(request, 'moov', { MOCK_VARIANTS: 'count-over-200-422,duplicate-foreignID-409,latestMessageOn-absent,global-ticket-numbers,content-type-without-charset' });
    const since = profile.calibratedAt.slice(0, 10);
    expect(driftBetween({ file: 'targets/x.moov.profile.json', profile }, now).map((d) => d.text).sort()).toEqual(
      [
        `count above 200: served → 422 since the profile of ${since}`,
        `create with a foreignID already used: accepted → 409 since the profile of ${since}`,
        `latestMessageOn on a created ticket: created-on → absent since the profile of ${since}`,
        `ticket numbering: per-account → global since the profile of ${since}`,
        `Content-Type of JSON answers: application/json; charset=utf-8 → application/json since the profile of ${since}`,
      ].sort(),
    );
  });

  test('a live target without ALLOW_WRITES is probed with reads only; the write points say why they are undetermined', async ({ request }) => {
    const mock = await startMoovMock(moovMockConfigFromEnv({ ...process.env, MOCK_VARIANTS: '', MOCK_PROFILE: '', MOCK_SEED_TICKETS: '201' }));
    try {
      const live = { ...process.env, MOOV_BASE_URL: mock.url, ALLOW_WRITES: '', MOOV_MAX_RPS: '1000' };
      const profile = await moovCalibration.probe(request, live, { label: 'unused' });
      const open = profile.points.filter((p) => !isAnswered(p));
      expect(open.map((p) => p.id).sort()).toEqual(pointsOf('moov').filter((p) => p.writes !== undefined).map((p) => p.id).sort());
      for (const p of open) expect(isAnswered(p) ? '' : p.undetermined).toMatch(/^needs writes \(.+\); ALLOW_WRITES is not true/);
      expect(mock.log.all().filter((r) => r.method === 'PATCH' || (r.method === 'POST' && r.path.includes('/tickets')))).toEqual([]);

      // Writes on, but no budget: nothing is created, and the points say the budget is spent.
      const spent = await moovCalibration.probe(request, { ...live, ALLOW_WRITES: 'true', MOOV_MAX_WRITES: '0' }, { label: 'unused' });
      expect(spent.points.filter((p) => !isAnswered(p)).map((p) => (isAnswered(p) ? '' : p.undetermined))).toContain('MOOV_MAX_WRITES=0 is spent: no ticket left for the write probes');
      expect(mock.log.all().filter((r) => r.method === 'POST' && r.path.includes('/tickets'))).toEqual([]);
    } finally {
      await mock.close();
    }
  });

  test('a bad profile is refused with a message naming the file and the point', () => {
    const good: Profile = { api: 'moov', target: 'mock', calibratedAt: '2026-11-30T00:00:00.000Z', points: [{ id: 'moov.unreachable-account-status', label: 'account outside reach', answer: '404', evidence: [] }] };
    const parse = (doc: unknown) => parseProfile(typeof doc === 'string' ? doc : JSON.stringify(doc), 'p.json', CALIBRATIONS);
    expect(answersOf(parse(good))).toEqual(new Map([['moov.unreachable-account-status', '404']]));
    expect(configError(() => parse('{')).message).toMatch(/^p\.json: is not valid JSON/);
    expect(configError(() => parse({ ...good, api: 'zendesk' })).message).toMatch(/^p\.json: \/api "zendesk" is not an API the suite calibrates \(moov, teamwork-desk\)/);
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
    // A default page larger than the cap: no page the mock can serve.
    const large = join(dir, 'large-default.json');
    writeFileSync(large, JSON.stringify({ ...good, api: 'teamwork-desk', points: [point('teamwork-desk.default-page-size', '100'), point('teamwork-desk.page-size-over-cap', 'capped-50')] }));
    expect(configError(() => teamworkDeskMockConfigFromEnv({ ...process.env, MOCK_PROFILE: large, TEAMWORK_DESK_MOCK_VARIANTS: '' })).message).toContain('the mock cannot serve teamwork-desk.default-page-size "100" above teamwork-desk.page-size-over-cap "capped-50"');
    // Recorded values are checked against the form the point takes: a media type that is not JSON, a refusal status no reading names.
    expect(configError(() => parse({ ...good, points: [point('moov.content-type', 'text/html')] })).message).toContain('answer "text/html" is not one of application/json; charset=utf-8, application/json, or the JSON media type');
    expect(configError(() => parse({ ...good, points: [point('moov.content-type', 'application/json\r\nx-injected: 1')] })).message).toContain('is not one of');
    expect(configError(() => parse({ ...good, points: [point('moov.count-over-200', '404')] })).message).toContain('answer "404" is not one of 400, 422, served, capped');
  });
});
