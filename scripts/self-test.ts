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
import type { SelfTestMatrix } from '../lib/config/selftestMatrix';
import { playwright } from '../lib/playwrightRun';
import { cleanMockEnv } from '../mock/shared/cleanEnv';
import { APIS } from '../apis';
import type { ApiDescriptor } from '../apis/descriptor';
import { allTargets } from '../apis/lookup';
import { casesOf, MODES, type Case, type Mode } from './selftest/cases';
import { coveringTests } from './selftest/coverage';
import { outageCases, runOutage } from './selftest/outages';
import { emptyResult, readResults, type CaseResult, type JsonReport } from './selftest/results';
import { judge, tail, type Tally } from './selftest/verdict';

/**
 * Live mode's account sizes: each API's `largeSeed` (apis/<api>/index.ts), so a project that walks
 * or fetches a whole account instead of a bounded part of it shows up as slow, timed out or over
 * budget. SELFTEST_LIVE_<API>_SEED_TICKETS (SELFTEST_LIVE_MOOV_SEED_TICKETS,
 * SELFTEST_LIVE_TEAMWORK_DESK_SEED_TICKETS) overrides one for a run.
 */
function liveSeed(api: ApiDescriptor): string {
  return valueOf(process.env, `SELFTEST_LIVE_${api.name.toUpperCase().replace(/-/g, '_')}_SEED_TICKETS`) ?? String(api.largeSeed);
}

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


// ---------------------------------------------------------------- cases and their targets

/** The environment the mocks read their settings from: the defaults, with no fault, variant or limit of the caller's. */
function mockBaseEnv(): NodeJS.ProcessEnv {
  const env = cleanMockEnv(allTargets(APIS).map(({ target, mock }) => ({ baseUrlVariable: target.baseUrlVariable, cleanSettings: mock.cleanSettings })));
  loadEnv(env); // the mock's accounts and keys (.env, then .env.example)
  return env;
}

/** Starts the case's mock and returns the environment its workers need to reach it. */
async function startTarget(c: Case, base: NodeJS.ProcessEnv): Promise<{ env: Record<string, string>; close(): Promise<void> }> {
  const live = c.mode === 'live';
  const { target, mock: server } = c.api;
  // Live mode's large seed, unless the case asks for a size of its own (e.g. a site just past a threshold).
  const weather = live && LIVE_WEATHER !== 'none' ? { MOCK_WEATHER: `${LIVE_WEATHER},seed=${weatherSeed(c.project)}` } : {};
  const mock = await server.start({ ...base, ...(live ? { [server.size.variable]: liveSeed(c.api), ...weather } : {}), ...c.env });
  const reach = live ? mock.asLiveTarget(LIVE_MAX_RPS) : { [target.baseUrlVariable]: '', [target.mockUrlVariable]: mock.url };
  return { env: { ...c.env, ...reach }, close: () => mock.close() };
}

// ---------------------------------------------------------------- running a batch

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
      matrix.cases.push({ name: c.project, base: c.api.name, env: target.env, stopAtFirstFailure: c.stopAtFirstFailure, focus: c.focus, grep: c.grep });
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
    readResults(report, cases, results);
    return results;
  } finally {
    await Promise.all(targets.map((t) => t.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- judging and printing

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
  const apis = projects.length > 0 ? APIS.filter((a) => projects.includes(a.name)) : [...APIS];
  if (apis.length === 0) throw new Error(`self-test: no project named ${projects.join(', ')}; known: ${APIS.map((a) => a.name).join(', ')}`);
  const total: Tally = { caught: 0, faults: 0, passedVariants: 0, variants: 0, inconclusive: 0, outages: 0, problems: [] };
  const summaries: string[] = [];
  const started = Date.now();
  const listDir = mkdtempSync(join(tmpdir(), 'conformance-selftest-list-'));
  const tests = await coveringTests(apis.map((a) => a.name), listDir).finally(() => rmSync(listDir, { recursive: true, force: true }));

  for (const mode of modes) {
    const modeStarted = Date.now();
    const only = valueOf(process.env, 'SELFTEST_CASES');
    const cases = apis
      .filter((a) => (a.selfTest.modes ?? MODES).includes(mode))
      .flatMap((a) => casesOf(a, mode, tests.get(a.name) ?? [], mode === 'mock' && mockCleanProven))
      .filter((c) => only === undefined || new RegExp(only).test(c.project));
    if (cases.length === 0) continue;
    const seeded = [...new Set(cases.map((c) => c.api))].map((a) => `${a.title} ${liveSeed(a)}`).join(', ');
    console.log(`self-test (${mode} mode): ${cases.length} cases${mode === 'live' ? ` (mocks seeded with tickets: ${seeded})` : ''}, ${WORKERS[mode]} at a time`);
    if (mode === 'mock' && mockCleanProven) console.log(`  clean cases left out (${MOCK_CLEAN_PROVEN}): the playwright test run before this one ran every project against the clean mock`);
    // Cases that run every test first, those that stop at their first failure last: a batch
    // runs its cases in this order, so the short ones fill the gaps at the end.
    const ordered = [...cases].sort((a, b) => Number(a.stopAtFirstFailure) - Number(b.stopAtFirstFailure));
    const results = new Map<Case, CaseResult>();
    // Live mode's outages run beside its batches: they mostly wait (on a timeout, a hang).
    const outages = mode === 'live' ? outageCases(apis).filter((o) => only === undefined || new RegExp(only).test(`${o.project}~outage`)) : [];
    const outageResults = Promise.all(outages.map(async (o) => ({ o, r: await runOutage(o, mockBaseEnv()) })));
    for (let i = 0; i < ordered.length; i += BATCH_SIZE) {
      for (const [c, r] of await runBatch(ordered.slice(i, i + BATCH_SIZE), WORKERS[mode])) results.set(c, r);
    }
    const tally: Tally = { caught: 0, faults: 0, passedVariants: 0, variants: 0, inconclusive: 0, outages: 0, problems: [] };
    for (const api of apis) {
      const own = cases.filter((c) => c.api === api);
      if (own.length === 0) continue;
      console.log(`${api.name} (${mode} mode):`);
      for (const c of own) judge(c, results.get(c) ?? emptyResult(), tally);
      for (const { o, r } of (await outageResults).filter(({ o }) => o.project === api.name)) {
        tally.outages += 1;
        if (r.ok) tally.inconclusive += 1;
        else tally.problems.push(`${api.name} (live mode): outage "${o.name}" was not judged inconclusive, fast: ${r.problem ?? ''}`);
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
