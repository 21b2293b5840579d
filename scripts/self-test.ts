/**
 * The suite's self-test: runs each conformance project against the mock with every fault switched
 * on (it must fail, through a check that names the fault's promise) and with every correct
 * variant (it must pass), plus once clean; in two modes:
 *
 * - mock mode: the target is the embedded mock, as `npx playwright test` runs it by default (no
 *   write budget, no rate cap, no consistency window);
 * - live mode: the same mock, at a large seed, addressed as a live target through MOOV_BASE_URL /
 *   TEAMWORK_DESK_BASE_URL with ALLOW_WRITES=true and every live setting at its default (write
 *   budget, consistency window) except the rate cap.
 *
 * Prints, per mode and in total, `self-test: caught N/N injected faults` and
 * `self-test: passed on M/M correct variants` (the last two lines are the totals).
 *
 *   npm run self-test                        all projects, both modes
 *   npm run self-test -- moov                one project (several may be named)
 *   npm run self-test -- --mode=live moov    one mode (or SELFTEST_MODES=mock,live)
 *   SELFTEST_CASES='~page-' npm run self-test   only the cases whose project name matches
 *   npm run self-test -- --mock-clean-proven    no clean run in mock mode (npm test has just made it)
 *
 * How: one Playwright process per (mode, batch) runs many cases at once, each as a Playwright
 * project of its own (`moov~page-gap`, see lib/config/selftestMatrix.ts) against a mock this
 * script starts for it; the JSON reporter says which case's tests failed and through which checks.
 * A Playwright process per case (about 130 per mode) paid a runner start-up, a test collection and
 * a global setup each time; a case now costs one worker process and its tests. A fault case still
 * stops at its first failure unless it is a fullRun one (specs/support/selftestCase.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { positiveInteger, valueOf } from '../lib/config/configError';
import { loadEnv } from '../lib/config/loadEnv';
import { OUTSIDE_FOCUS, STOPPED_AFTER_FAILURE, type SelfTestMatrix, type SelfTestMatrixCase } from '../lib/config/selftestMatrix';
import { playwright } from '../lib/playwrightRun';
import { moovMockConfigFromEnv } from '../mock/moov/config';
import { startMoovMock } from '../mock/moov/server';
import { cleanMockEnv, moovLiveTargetEnv, teamworkDeskLiveTargetEnv } from '../mock/shared/cleanEnv';
import { teamworkDeskMockConfigFromEnv } from '../mock/teamwork-desk/config';
import { startTeamworkDeskMock } from '../mock/teamwork-desk/server';
import { coveringTests, grepFor, type CoveringTest } from './selftest/coverage';
import { outageCases, runOutage } from './selftest/outages';
import { TARGET_UNAVAILABLE } from '../lib/http/availability';
import { targetOfProject } from '../lib/apis';
import { OUTCOMES_ATTACHMENT, type OutcomesAttachment } from '../checks/attachments';
import { moovSelfTest } from './selftest/moov';
import { sdkSelfTest } from './selftest/sdk';
import { groupedVariants } from './selftest/variantGroups';
import { teamworkDeskSelfTest } from './selftest/teamworkDesk';
import type { SelfTestSuite } from './selftest/types';

const SUITES: SelfTestSuite[] = [moovSelfTest, teamworkDeskSelfTest, sdkSelfTest];
type Mode = 'mock' | 'live';
const MODES: readonly Mode[] = ['mock', 'live'];

/**
 * Live mode's account sizes: large, so a project that walks or fetches a whole account instead of
 * a bounded part of it shows up as slow, timed out or over budget. Raise them to prove more;
 * SELFTEST_LIVE_MOOV_SEED_TICKETS / SELFTEST_LIVE_TEAMWORK_DESK_SEED_TICKETS override them for a run.
 * The Teamwork Desk site is judged in windows (it is past the 200 tickets covered whole), and its
 * last page is partial at every page size the suite uses (2,060 is no multiple of 25, 50 or 100):
 * every fault and variant is proven there, through the window code, so mock mode needs no
 * large-site cases of its own.
 */
const LIVE_MOOV_SEED_TICKETS = 1000; // per account (three accounts)
const LIVE_TEAMWORK_DESK_SEED_TICKETS = 2060;

/**
 * Live mode's client-side rate cap (MOOV_MAX_RPS / TEAMWORK_DESK_MAX_RPS). The default of 5 per
 * second spares a shared service; this target is a mock on loopback in this very process, and at
 * 5 per second the ~120 live cases (a few hundred requests each) would take most of an hour.
 * Everything else stays at its live default.
 */
const LIVE_MAX_RPS = '10000';

/**
 * Live mode's weather (MOCK_WEATHER, mock/shared/weather.ts): every case, clean, fault or variant,
 * meets transient 502/503/504s before and after the server, dropped connections, 429s, stale
 * pages and another client's writes, each case at a seed of its own. Correct variants must still
 * pass with no test left "target unavailable", and every fault must still be caught.
 * SELFTEST_LIVE_WEATHER=none runs live mode calm.
 */
const LIVE_WEATHER = valueOf(process.env, 'SELFTEST_LIVE_WEATHER') ?? 'selftest';

function weatherSeed(name: string): number {
  let hash = 7;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash % 100_000;
}

/**
 * Cases per Playwright process, and Playwright workers per process (each case keeps to one worker,
 * so this many cases run side by side). One process per mode by default: every process costs a
 * start-up, a global setup and a tail where its last case runs alone. Live mode has more workers
 * than cores because its cases also wait (read-after-write polling, Retry-After) without using CPU.
 */
const BATCH_SIZE = positiveInteger(process.env, 'SELFTEST_BATCH_SIZE', 1000);
const WORKERS: Record<Mode, number> = {
  mock: positiveInteger(process.env, 'SELFTEST_WORKERS', 3),
  live: positiveInteger(process.env, 'SELFTEST_WORKERS', 4),
};


const ANSI = /\u001b\[[0-9;]*m/g;

interface Case {
  suite: SelfTestSuite;
  mode: Mode;
  kind: 'clean' | 'fault' | 'variant';
  name: string;
  env: Record<string, string>;
  expect: string[];
  /** A fault that has made its point with its first failure (not a fullRun one). */
  stopAtFirstFailure: boolean;
  /** Its Playwright project in the batch. */
  project: string;
  /** The checks a fault case runs only the tests of (see SelfTestMatrixCase.focus). */
  focus?: string[];
  /** Those tests, by title (see SelfTestMatrixCase.grep). */
  grep?: string;
}

interface CaseResult {
  ran: number;
  passed: number;
  skipped: number;
  failed: Array<{ title: string; message: string }>;
  /** Check ids the failed tests failed through (their outcomes attachment). */
  ids: Set<string>;
  /** Sum of its tests' durations: one worker runs them one after another. */
  ms: number;
  /** Run errors that name no case: the whole batch is in doubt. */
  batchErrors: string[];
  /** Worker processes it took: one, unless a worker crashed (failing tests keep their worker). */
  workers: Set<number>;
  /** Why tests were skipped (other than a fault case stopping at its first failure), and how many. */
  skips: Map<string, number>;
  /** Tests that ended "target unavailable": weather the suite did not ride out. */
  unavailable: number;
}

// ---------------------------------------------------------------- cases and their targets

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.@]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * A fault case runs only the tests covering a check it expects, when some test declares one of
 * them: a fault expected only from checks every response gets (schema, headers) runs every test.
 */
function casesOf(suite: SelfTestSuite, mode: Mode, tests: readonly CoveringTest[], cleanProven: boolean): Case[] {
  const covered = new Set(tests.flatMap((t) => t.covers));
  const names = new Set<string>();
  const make = (kind: Case['kind'], name: string, env: Record<string, string>, expect: string[], stopAtFirstFailure = false): Case => {
    let project = `${suite.project}~${slug(name)}`;
    for (let n = 2; names.has(project); n++) project = `${suite.project}~${slug(name)}-${n}`;
    names.add(project);
    const focus = kind === 'fault' ? expect.filter((id) => covered.has(id)) : [];
    const grep = grepFor(tests, focus);
    return { suite, mode, kind, name, env, expect, stopAtFirstFailure, project, ...(focus.length > 0 ? { focus } : {}), ...(grep !== undefined ? { grep } : {}) };
  };
  const inMode = <T extends { modes?: ReadonlyArray<Mode> }>(c: T): boolean => (c.modes ?? MODES).includes(mode);
  const variants = suite.variants.filter(inMode);
  return [
    ...(cleanProven ? [] : [make('clean', 'clean', {}, [])]),
    ...suite.faults.filter(inMode).map((f) => make('fault', f.name, f.env, f.expect, !f.fullRun)),
    ...groupedVariants(suite, variants).map((v) => make('variant', v.name, v.env, [])),
  ];
}

/** The environment the mocks read their settings from: the defaults, with no fault, variant or limit of the caller's. */
function mockBaseEnv(): NodeJS.ProcessEnv {
  const env = cleanMockEnv();
  loadEnv(env); // the mock's accounts and keys (.env, then .env.example)
  return env;
}

function liveSeeds(): { moov: string; teamworkDesk: string } {
  return {
    moov: valueOf(process.env, 'SELFTEST_LIVE_MOOV_SEED_TICKETS') ?? String(LIVE_MOOV_SEED_TICKETS),
    teamworkDesk: valueOf(process.env, 'SELFTEST_LIVE_TEAMWORK_DESK_SEED_TICKETS') ?? String(LIVE_TEAMWORK_DESK_SEED_TICKETS),
  };
}

/** Starts the case's mock and returns the environment its workers need to reach it. */
async function startTarget(c: Case, base: NodeJS.ProcessEnv): Promise<{ env: Record<string, string>; close(): Promise<void> }> {
  const live = c.mode === 'live';
  const seeds = liveSeeds();
  // Live mode's large seed, unless the case asks for a size of its own (e.g. a site just past a threshold).
  const weather = live && LIVE_WEATHER !== 'none' ? { MOCK_WEATHER: `${LIVE_WEATHER},seed=${weatherSeed(c.project)}` } : {};
  const mockEnv = { ...base, ...(live ? { MOCK_SEED_TICKETS: seeds.moov, TEAMWORK_DESK_MOCK_SEED_TICKETS: seeds.teamworkDesk, ...weather } : {}), ...c.env };
  if (targetOfProject(c.suite.project) === 'teamwork-desk') {
    const config = teamworkDeskMockConfigFromEnv(mockEnv);
    const mock = await startTeamworkDeskMock(config);
    const target: Record<string, string> = live
      ? teamworkDeskLiveTargetEnv(mock.url, config.apiKey, LIVE_MAX_RPS)
      : { TEAMWORK_DESK_BASE_URL: '', TEAMWORK_DESK_MOCK_URL: mock.url };
    return { env: { ...c.env, ...target }, close: () => mock.close() };
  }
  const config = moovMockConfigFromEnv(mockEnv);
  const mock = await startMoovMock(config);
  const target: Record<string, string> = live
    ? moovLiveTargetEnv({ ...config, url: mock.url }, LIVE_MAX_RPS)
    : { MOOV_BASE_URL: '', MOOV_MOCK_URL: mock.url };
  return { env: { ...c.env, ...target }, close: () => mock.close() };
}

// ---------------------------------------------------------------- running a batch

interface JsonError {
  message?: string;
  stack?: string;
  value?: string;
}
interface JsonAnnotation {
  type: string;
  description?: string;
}
interface JsonSuite {
  title: string;
  suites?: JsonSuite[];
  specs?: Array<{
    title: string;
    tests: Array<{
      projectName: string;
      annotations?: JsonAnnotation[];
      results: Array<{ status: string; duration: number; workerIndex: number; errors?: JsonError[]; annotations?: JsonAnnotation[]; attachments?: JsonAttachment[] }>;
    }>;
  }>;
}
interface JsonAttachment {
  name: string;
  /** base64, for attachments made from a body (as the outcomes are). */
  body?: string;
}
interface JsonReport {
  suites?: JsonSuite[];
  errors?: JsonError[];
}

/**
 * The checks a test failed through, as data: the outcomes its fixture attached (the same
 * attachment the conformance reporter reads), never parsed out of the failure's text.
 */
function failedChecks(attachments: readonly JsonAttachment[] = []): string[] {
  const attached = attachments.find((a) => a.name === OUTCOMES_ATTACHMENT && a.body !== undefined);
  if (!attached?.body) return [];
  const outcomes = JSON.parse(Buffer.from(attached.body, 'base64').toString('utf8')) as OutcomesAttachment;
  return outcomes.details.filter((d) => d.outcome === 'fail').map((d) => d.checkId);
}

function errorText(e: JsonError): string {
  return (e.message ?? e.value ?? e.stack ?? '').replace(ANSI, '');
}

function emptyResult(): CaseResult {
  return { ran: 0, passed: 0, skipped: 0, failed: [], ids: new Set(), ms: 0, batchErrors: [], workers: new Set(), skips: new Map(), unavailable: 0 };
}

/** Runs the cases in one Playwright process; each case's outcome, read from the JSON report. */
async function runBatch(cases: Case[], workers: number): Promise<Map<Case, CaseResult>> {
  const base = mockBaseEnv();
  const dir = mkdtempSync(join(tmpdir(), 'conformance-selftest-'));
  const targets: Array<{ close(): Promise<void> }> = [];
  const results = new Map<Case, CaseResult>(cases.map((c) => [c, emptyResult()]));
  try {
    const matrix: SelfTestMatrix = { cases: [] };
    for (const c of cases) {
      const target = await startTarget(c, base);
      targets.push(target);
      matrix.cases.push({ name: c.project, base: c.suite.project as SelfTestMatrixCase['base'], env: target.env, stopAtFirstFailure: c.stopAtFirstFailure, focus: c.focus, grep: c.grep });
    }
    const matrixFile = join(dir, 'matrix.json');
    const jsonFile = join(dir, 'report.json');
    writeFileSync(matrixFile, JSON.stringify(matrix));
    // JSON only: the conformance, JUnit and HTML reports would be thrown away.
    const run = await playwright(['test', ...cases.map((c) => `--project=${c.project}`), '--reporter=json'], {
      CONFORMANCE_SELFTEST_MATRIX: matrixFile,
      PLAYWRIGHT_JSON_OUTPUT_FILE: jsonFile,
      CONFORMANCE_WORKERS: String(workers),
      CONFORMANCE_STRICT: '',
    });
    rmSync(run.reportDir, { recursive: true, force: true });
    rmSync(run.outputDir, { recursive: true, force: true });
    let report: JsonReport;
    try {
      report = JSON.parse(readFileSync(jsonFile, 'utf8')) as JsonReport;
    } catch {
      const why = `the Playwright run wrote no report (exit ${run.code})\n${tail(run.output)}`;
      for (const r of results.values()) r.batchErrors.push(why);
      return results;
    }
    const byProject = new Map(cases.map((c) => [c.project.toLowerCase(), results.get(c)!]));
    const visit = (suite: JsonSuite, path: string[]): void => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests) {
          const result = byProject.get(test.projectName.toLowerCase());
          const last = test.results.at(-1);
          if (!result || !last) continue;
          result.ms += test.results.reduce((sum, r) => sum + r.duration, 0);
          result.workers.add(last.workerIndex);
          if (last.status === 'skipped') {
            result.skipped += 1;
            const reason = [...(test.annotations ?? []), ...(last.annotations ?? [])].find((a) => a.type === 'skip')?.description ?? 'no reason given';
            if (reason !== STOPPED_AFTER_FAILURE && reason !== OUTSIDE_FOCUS) result.skips.set(reason, (result.skips.get(reason) ?? 0) + 1);
            if (reason.startsWith(TARGET_UNAVAILABLE)) result.unavailable += 1;
            continue;
          }
          result.ran += 1;
          if (last.status === 'passed') {
            result.passed += 1;
            continue;
          }
          // failed, timedOut or interrupted
          const message = (last.errors ?? []).map(errorText).join('\n');
          result.failed.push({ title: [...path, spec.title].join(' › '), message: `${last.status}: ${message}` });
          for (const id of failedChecks(last.attachments)) result.ids.add(id);
        }
      }
      for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
    };
    for (const suite of report.suites ?? []) visit(suite, [suite.title]);
    // Errors outside any test (global teardown's per-case checks name their case first).
    for (const error of report.errors ?? []) {
      const text = errorText(error);
      const named = cases.filter((c) => new RegExp(`(^|\\s)${c.project.replace(/[.]/g, '\\.')}: `, 'm').test(text));
      for (const c of named) {
        const result = results.get(c)!;
        result.failed.push({ title: 'run teardown', message: text });
        // Such an error is shown with the case; it proves no check (a check's failure is a test's).
      }
      if (named.length === 0) for (const r of results.values()) r.batchErrors.push(text);
    }
    return results;
  } finally {
    await Promise.all(targets.map((t) => t.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- judging and printing

function tail(output: string, lines = 25): string {
  return output.trim().split('\n').slice(-lines).map((l) => `      ${l}`).join('\n');
}

function failures(result: CaseResult, max = 3): string {
  const shown = result.failed.slice(0, max).map((f) => `    ${f.title}\n${tail(f.message.split('\n').slice(0, 12).join('\n'))}`);
  const more = result.failed.length > max ? [`    ... and ${result.failed.length - max} more failed test(s)`] : [];
  const skips = [...result.skips].map(([reason, n]) => `    ${n} test(s) skipped: ${reason}`);
  return [...shown, ...more, ...skips, ...result.batchErrors.map((e) => `    run error:\n${tail(e)}`)].join('\n');
}

interface Tally {
  caught: number;
  faults: number;
  passedVariants: number;
  variants: number;
  /** Outage cases judged inconclusive, fast, as they must be. */
  inconclusive: number;
  outages: number;
  problems: string[];
}

function judge(c: Case, result: CaseResult, tally: Tally): void {
  const label = `${c.suite.project} (${c.mode} mode)`;
  const seconds = `${(result.ms / 1000).toFixed(1)} s`;
  const counts = `${c.focus ? `focused on ${c.focus.join(', ')}: ` : ''}${result.ran} ran${result.failed.length > 0 ? `, ${result.failed.length} failed` : ''}${result.skipped > 0 ? `, ${result.skipped} skipped` : ''}, ${result.workers.size} worker(s)`;
  const doubtful = result.batchErrors.length > 0;
  if (c.kind === 'fault') {
    tally.faults += 1;
    const hit = c.expect.filter((id) => result.ids.has(id));
    const ok = result.failed.length > 0 && hit.length > 0 && !doubtful;
    if (ok) tally.caught += 1;
    else if (result.failed.length === 0) tally.problems.push(`${label}: fault ${c.name} went unnoticed (expected ${c.expect.join(' or ')}; ${counts})\n${failures(result)}`);
    else tally.problems.push(`${label}: fault ${c.name} failed the run, but not through ${c.expect.join(' or ')} (saw ${[...result.ids].join(', ') || 'no check id'})\n${failures(result)}`);
    console.log(`  fault   ${ok ? 'caught ' : 'MISSED '} ${c.name.padEnd(34)} ${(ok ? hit : [...result.ids]).join(', ').padEnd(28)} ${seconds}, ${counts}`);
    return;
  }
  // A correct target under weather must be judged, not skipped: no test may end "target unavailable".
  const ok = result.failed.length === 0 && result.ran > 0 && result.unavailable === 0 && !doubtful;
  const why = result.ran === 0 ? 'ran no test' : result.failed.length > 0 ? `${result.failed.length} failed: ${[...result.ids].join(', ') || 'no check id'}` : `${result.unavailable} test(s) ended "target unavailable" under weather`;
  if (c.kind === 'clean') {
    if (!ok) tally.problems.push(`${label}: fails on the clean mock (${why})\n${failures(result)}`);
    console.log(`  clean   ${ok ? 'passes ' : 'FAILS  '} ${''.padEnd(34)} ${''.padEnd(28)} ${seconds}, ${counts}`);
    return;
  }
  tally.variants += 1;
  if (ok) tally.passedVariants += 1;
  else tally.problems.push(`${label}: correct variant ${c.name} fails the project (${why})\n${failures(result)}`);
  console.log(`  variant ${ok ? 'passes ' : 'FAILS  '} ${c.name.padEnd(34)} ${''.padEnd(28)} ${seconds}, ${counts}`);
}

/**
 * `--mock-clean-proven`: `npm test` has just run every conformance project against the clean
 * embedded mock (`playwright test`, which stops it on any failure): mock mode's clean cases would
 * repeat that run, so they are left out.
 */
const MOCK_CLEAN_PROVEN = '--mock-clean-proven';

function parseArgs(argv: string[]): { projects: string[]; modes: Mode[]; mockCleanProven: boolean } {
  for (const a of argv) if (a.startsWith('--') && !a.startsWith('--mode=') && a !== MOCK_CLEAN_PROVEN) throw new Error(`self-test: unknown option ${a}; known: --mode=mock|live, ${MOCK_CLEAN_PROVEN}`);
  const modeArgs = argv.filter((a) => a.startsWith('--mode=')).flatMap((a) => a.slice('--mode='.length).split(','));
  const modes = (modeArgs.length > 0 ? modeArgs : (valueOf(process.env, 'SELFTEST_MODES') ?? MODES.join(',')).split(',')).map((m) => m.trim()).filter(Boolean);
  for (const m of modes) if (!(MODES as readonly string[]).includes(m)) throw new Error(`self-test: unknown mode "${m}"; known: ${MODES.join(', ')}`);
  return { projects: argv.filter((a) => !a.startsWith('--')), modes: modes as Mode[], mockCleanProven: argv.includes(MOCK_CLEAN_PROVEN) };
}

async function main(): Promise<void> {
  const { projects, modes, mockCleanProven } = parseArgs(process.argv.slice(2));
  const suites = projects.length > 0 ? SUITES.filter((s) => projects.includes(s.project)) : SUITES;
  if (suites.length === 0) throw new Error(`self-test: no project named ${projects.join(', ')}; known: ${SUITES.map((s) => s.project).join(', ')}`);
  const total: Tally = { caught: 0, faults: 0, passedVariants: 0, variants: 0, inconclusive: 0, outages: 0, problems: [] };
  const summaries: string[] = [];
  const started = Date.now();
  const listDir = mkdtempSync(join(tmpdir(), 'conformance-selftest-list-'));
  const tests = await coveringTests(suites.map((s) => s.project), listDir).finally(() => rmSync(listDir, { recursive: true, force: true }));

  for (const mode of modes) {
    const modeStarted = Date.now();
    const only = valueOf(process.env, 'SELFTEST_CASES');
    const cases = suites
      .filter((s) => (s.modes ?? MODES).includes(mode))
      .flatMap((s) => casesOf(s, mode, tests.get(s.project) ?? [], mode === 'mock' && mockCleanProven))
      .filter((c) => only === undefined || new RegExp(only).test(c.project));
    if (cases.length === 0) continue;
    const seeds = liveSeeds();
    console.log(
      `self-test (${mode} mode): ${cases.length} cases${mode === 'live' ? ` (mock seeded with ${seeds.moov} Moov tickets per account, ${seeds.teamworkDesk} Teamwork Desk tickets)` : ''}, ${WORKERS[mode]} at a time`,
    );
    if (mode === 'mock' && mockCleanProven) console.log(`  clean cases left out (${MOCK_CLEAN_PROVEN}): the playwright test run before this one ran every project against the clean mock`);
    // Cases that run every test first, those that stop at their first failure last: a batch
    // runs its cases in this order, so the short ones fill the gaps at the end.
    const ordered = [...cases].sort((a, b) => Number(a.stopAtFirstFailure) - Number(b.stopAtFirstFailure));
    const results = new Map<Case, CaseResult>();
    // Live mode's outages run beside its batches: they mostly wait (on a timeout, a hang).
    const outages = mode === 'live' ? outageCases(suites.map((s) => s.project)).filter((o) => only === undefined || new RegExp(only).test(`${o.project}~outage`)) : [];
    const outageResults = Promise.all(outages.map(async (o) => ({ o, r: await runOutage(o, mockBaseEnv()) })));
    for (let i = 0; i < ordered.length; i += BATCH_SIZE) {
      for (const [c, r] of await runBatch(ordered.slice(i, i + BATCH_SIZE), WORKERS[mode])) results.set(c, r);
    }
    const tally: Tally = { caught: 0, faults: 0, passedVariants: 0, variants: 0, inconclusive: 0, outages: 0, problems: [] };
    for (const suite of suites) {
      const own = cases.filter((c) => c.suite === suite);
      if (own.length === 0) continue;
      console.log(`${suite.project} (${mode} mode):`);
      for (const c of own) judge(c, results.get(c) ?? emptyResult(), tally);
      for (const { o, r } of (await outageResults).filter(({ o }) => o.project === suite.project)) {
        tally.outages += 1;
        if (r.ok) tally.inconclusive += 1;
        else tally.problems.push(`${suite.project} (live mode): outage "${o.name}" was not judged inconclusive, fast: ${r.problem ?? ''}`);
        console.log(`  outage  ${r.ok ? 'inconcl' : 'WRONG  '} ${o.name.padEnd(34)} ${''.padEnd(28)} ${r.summary}`);
      }
    }
    const seconds = ((Date.now() - modeStarted) / 1000).toFixed(0);
    summaries.push(
      `self-test: ${mode} mode took ${seconds} s`,
      `self-test: caught ${tally.caught}/${tally.faults} injected faults (${mode} mode)`,
      `self-test: passed on ${tally.passedVariants}/${tally.variants} correct variants (${mode} mode${mode === 'live' && LIVE_WEATHER !== 'none' ? `, under MOCK_WEATHER=${LIVE_WEATHER}` : ''})`,
      ...(tally.outages > 0 ? [`self-test: judged ${tally.inconclusive}/${tally.outages} outages inconclusive, fast (${mode} mode)`] : []),
    );
    total.caught += tally.caught;
    total.faults += tally.faults;
    total.passedVariants += tally.passedVariants;
    total.variants += tally.variants;
    total.inconclusive += tally.inconclusive;
    total.outages += tally.outages;
    total.problems.push(...tally.problems);
  }

  for (const line of summaries) console.log(line);
  console.log(`self-test: ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  if (total.outages > 0) console.log(`self-test: judged ${total.inconclusive}/${total.outages} outages inconclusive, fast`);
  console.log(`self-test: caught ${total.caught}/${total.faults} injected faults`);
  console.log(`self-test: passed on ${total.passedVariants}/${total.variants} correct variants`);
  if (total.problems.length > 0) {
    console.error(`\n${total.problems.join('\n\n')}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  // The self-test's own refusals (bad arguments, inconsistent groups) say all there is to say.
  console.error(error instanceof Error && error.message.startsWith('self-test: ') ? error.message : error);
  process.exit(1);
});
