/**
 * `npm run bench [project ...] [--sizes=...] [--modes=...]`: what each conformance project costs
 * (requests and wall time of the whole `npx playwright test --project=<p>` command) on accounts of
 * several sizes, in both modes:
 *
 * - mock: the embedded mock, as `npx playwright test` runs it by default (no rate cap), next to
 *   the floor: the very same requests (from the mock's request log) sent by plain loops with no
 *   checks, no Playwright, no fixtures;
 * - live: the same mock started here and addressed as a live target (MOOV_BASE_URL /
 *   TEAMWORK_DESK_BASE_URL, ALLOW_WRITES=true), every live setting at its default, including the
 *   rate caps of 5 requests a second (set explicitly: Teamwork Desk sets no cap on loopback hosts
 *   unless told to, and a benchmark of a live run must pay what a live run pays).
 *
 * Sizes: the size of each API's mock (its size variable: Moov tickets per account, Teamwork Desk
 * tickets); `default` is the mock's default seed. Each API's descriptor (apis/<api>/index.ts,
 * `bench`) gives its default sizes, modes and targets (moov default,0,1000,10000; teamwork-desk
 * default,0,1000,20000; sdk default, mock mode only). Choose with --sizes=0,1000 (every project),
 * BENCH_SIZES, or --<project>-sizes / BENCH_<PROJECT>_SIZES (BENCH_MOOV_SIZES,
 * BENCH_TEAMWORK_DESK_SIZES); modes with --modes=mock or BENCH_MODES. Each run is stopped after BENCH_TIMEOUT_MINUTES (default 10) and reported as such.
 *
 * Writes reports/bench.json and prints a Markdown table with the targets.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { positiveInteger, positiveNumber, valueOf } from '../lib/config/configError';
import { loadEnv } from '../lib/config/loadEnv';
import { REPORTS_DIR } from '../lib/config/run';
import { playwright } from '../lib/playwrightRun';
import { cleanMockEnv } from '../mock/shared/cleanEnv';
import type { LoggedRequest } from '../lib/http/loggedRequest';
import { APIS, api as apiNamed } from '../apis';
import { BENCH_MODES, type BenchMode } from '../apis/descriptor';
import { allTargets } from '../apis/lookup';

import { availabilityLine } from '../reporters/conformance/summaryText';
import { outageCases, runOutage } from './selftest/outages';
import type { ConformanceReport } from '../reporters/conformance/report';

/** weather: live mode behind MOCK_WEATHER=gateway,busy; outage: live targets that cannot be judged. */
type Mode = BenchMode;
const MODES = BENCH_MODES;
/** The request logs of a mock-mode run, by target kind (global setup writes them: CONFORMANCE_BENCH_LOG). */
type MockLogs = Record<string, LoggedRequest[]>;

/** A project is benched as its API's (the descriptors' bench plans, apis/<api>/index.ts). */
type Project = string;
const PROJECTS: readonly string[] = APIS.map((a) => a.name);
/** Its plan's modes; by default every mode, outages only where its self-test stages them. */
const modesOf = (project: Project): readonly Mode[] => {
  const api = apiNamed(project);
  return api.bench.modes ?? MODES.filter((m) => m !== 'outage' || api.selfTest.outages !== undefined);
};

/**
 * The weather of the weather rows: the issue's gateway (0.5% 504 before the server, 0.5% after
 * it, 1% 429, 2-40 ms of jitter) and another client writing beside the run (before a quarter of
 * the requests: about 2.5 tickets a second at the live rate caps).
 */
const BENCH_WEATHER = 'gateway,busy';
/** Sizes of the weather rows unless chosen (each costs a live run at 5 requests a second per worker). */
const WEATHER_SIZES = ['default'];

/** The live defaults the benchmark pays (lib/moov/settings.ts, lib/teamworkDesk/settings.ts). */
const LIVE_MAX_RPS = '5';

interface Target {
  maxRequests?: number;
  maxSeconds?: number;
  /** The most console lines (outage rows). */
  maxLines?: number;
  /** Must pass with no test left "target unavailable" (weather rows). */
  passes?: boolean;
  /** Must end inconclusive (outage rows). */
  inconclusive?: boolean;
}

/** The figures the projects must stay within (their plans' targets); rows without one are for information. */
function targetFor(project: Project, mode: Mode, size: string): Target | undefined {
  const found = apiNamed(project).bench.targets.find((t) => (t.mode === undefined || t.mode === mode) && t.size === size);
  return found && { maxRequests: found.maxRequests, maxSeconds: found.maxSeconds };
}

/** Weather rows must pass, skip nothing for weather, and cost at most 1.5 times the quiet live run's requests. */
function weatherTarget(quiet: Row | undefined): Target {
  return { passes: true, ...(quiet ? { maxRequests: Math.floor(quiet.requests * 1.5) } : {}) };
}

const WORKERS = positiveInteger(process.env, 'CONFORMANCE_WORKERS', 2);
const TIMEOUT_MINUTES = positiveNumber(process.env, 'BENCH_TIMEOUT_MINUTES', 10);

function listArg(argv: string[], flag: string, envName: string): string[] | undefined {
  const given = argv.filter((a) => a.startsWith(`--${flag}=`)).flatMap((a) => a.slice(flag.length + 3).split(','));
  const raw = given.length > 0 ? given : valueOf(process.env, envName)?.split(',');
  return raw?.map((s) => s.trim()).filter(Boolean);
}

function parseArgs(argv: string[]): { projects: Project[]; modes: Mode[]; sizes: (project: Project) => readonly string[] } {
  const named = argv.filter((a) => !a.startsWith('--'));
  for (const p of named) if (!PROJECTS.includes(p)) throw new Error(`bench: unknown project "${p}"; known: ${PROJECTS.join(', ')}`);
  const modes = (listArg(argv, 'modes', 'BENCH_MODES') ?? [...MODES]) as Mode[];
  for (const m of modes) if (!MODES.includes(m)) throw new Error(`bench: unknown mode "${m}"; known: ${MODES.join(', ')}`);
  const all = listArg(argv, 'sizes', 'BENCH_SIZES');
  const sizes = (project: Project): readonly string[] => {
    const { bench } = apiNamed(project);
    const own = listArg(argv, `${project}-sizes`, `BENCH_${project.toUpperCase().replace(/-/g, '_')}_SIZES`);
    const chosen = bench.sizeless ? bench.sizes : (own ?? all ?? bench.sizes);
    for (const s of chosen) if (s !== 'default' && !/^\d+$/.test(s)) throw new Error(`bench: size "${s}" is neither "default" nor a whole number`);
    return chosen;
  };
  return { projects: named.length > 0 ? named : [...PROJECTS], modes, sizes };
}

/** The mock settings: the defaults (no fault, variant or limit of the caller's), at `size`. */
function mockEnv(size: string, weather = ''): NodeJS.ProcessEnv {
  const targets = allTargets(APIS);
  const env: NodeJS.ProcessEnv = {
    ...cleanMockEnv(targets.map(({ target, mock }) => ({ baseUrlVariable: target.baseUrlVariable, cleanSettings: mock.cleanSettings }))),
    MOCK_WEATHER: weather,
    ...Object.fromEntries(targets.map(({ mock }) => [mock.size.variable, size === 'default' ? '' : size])),
    // Every request is counted, however many there are.
    MOCK_REQUEST_LOG_SIZE: '10000000',
  };
  loadEnv(env);
  return env;
}

/** A fresh mock of the API at `size`, and the Authorization header a replayed request carries. */
async function mockFor(project: Project, size: string, weather = ''): Promise<{ url: string; authorization: string; log: { all(): LoggedRequest[] }; targetEnv: Record<string, string>; close(): Promise<void> }> {
  const mock = await apiNamed(project).mock.start(mockEnv(size, weather));
  return { url: mock.url, authorization: mock.authorization, log: mock.log, targetEnv: mock.asLiveTarget(LIVE_MAX_RPS), close: () => mock.close() };
}

/** Replays logged requests with `WORKERS` plain loops against a fresh mock of the same size; returns the wall time. */
async function floor(project: Project, size: string, requests: LoggedRequest[]): Promise<number> {
  const mock = await mockFor(project, size);
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (next < requests.length) {
        const r = requests[next++]!;
        // Minted tokens and bad credentials are not in the log; the key costs the server the same round trip.
        const headers: Record<string, string> = { ...r.headers, ...(r.headers.authorization ? { authorization: mock.authorization } : {}) };
        const response = await fetch(`${mock.url}${r.path}${r.query ? `?${r.query}` : ''}`, { method: r.method, headers, body: r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body });
        await response.arrayBuffer();
      }
    }),
  );
  const ms = Date.now() - started;
  await mock.close();
  return ms;
}

interface Row {
  project: Project;
  mode: Mode;
  /** Moov: tickets per account; Teamwork Desk: tickets; `default`: the mock's default seed. */
  size: string;
  tickets: number;
  wallSeconds: number;
  requests: number;
  requestsPerSecond: number;
  floorSeconds?: number;
  /** passed, failed (some test failed), inconclusive (a target that could not be judged), or timed out (stopped after BENCH_TIMEOUT_MINUTES). */
  outcome: 'passed' | 'failed' | 'inconclusive' | 'timed out';
  tests: { passed: number; failed: number; skipped: number; unavailable: number };
  /** Non-empty console lines (outage rows). */
  lines?: number;
  /** What the weather cost (weather rows), from the run's report. */
  availability?: string;
  target?: Target;
  meetsTarget?: boolean;
}

function ticketsAt(project: Project, size: string): number {
  if (size !== 'default') return Number(size);
  return apiNamed(project).mock.size.default;
}

function testCounts(output: string, report: ConformanceReport | undefined): Row['tests'] {
  const count = (word: string): number => Number(new RegExp(`(\\d+) ${word}`).exec(output)?.[1] ?? 0);
  return { passed: count('passed'), failed: count('failed') + count('interrupted'), skipped: count('skipped') + count('did not run'), unavailable: report?.tests.unavailable ?? 0 };
}

function readReport(dir: string): ConformanceReport | undefined {
  try {
    return JSON.parse(readFileSync(resolve(dir, 'conformance.json'), 'utf8')) as ConformanceReport;
  } catch {
    return undefined;
  }
}

/** An outage row: the suite against a target that refuses connections, or one that never answers. */
async function measureOutage(project: Project, size: string): Promise<Row> {
  const c = outageCases([apiNamed(project)]).find((o) => o.name.startsWith(size))!;
  const result = await runOutage(c, mockEnv('default'));
  return {
    project,
    mode: 'outage',
    size,
    tickets: 0,
    wallSeconds: +(result.ms / 1000).toFixed(1),
    requests: 0,
    requestsPerSecond: 0,
    outcome: result.verdict === 'inconclusive' ? 'inconclusive' : result.verdict === 'fails' ? 'failed' : 'passed',
    tests: { passed: 0, failed: 0, skipped: 0, unavailable: 0 },
    lines: result.lines,
    target: { maxSeconds: c.withinMs / 1000, maxLines: c.maxLines, inconclusive: true },
    meetsTarget: result.ok,
  };
}

async function measure(project: Project, mode: Mode, size: string, quiet?: Row): Promise<Row> {
  if (mode === 'outage') return measureOutage(project, size);
  const kind = apiNamed(project).target.name;
  const logFile = resolve(REPORTS_DIR, `.bench-${project}-${mode}-${size}.json`);
  const live = mode === 'mock' ? undefined : await mockFor(project, size, mode === 'weather' ? BENCH_WEATHER : '');
  const env: Record<string, string> = {
    CONFORMANCE_REPORTER: 'dot',
    CONFORMANCE_WORKERS: String(WORKERS),
    ...(live ? live.targetEnv : { CONFORMANCE_BENCH_LOG: logFile, ...pick(mockEnv(size), [apiNamed(project).mock.size.variable, 'MOCK_REQUEST_LOG_SIZE']) }),
  };
  const started = Date.now();
  const run = await playwright(['test', `--project=${project}`, `--global-timeout=${Math.round(TIMEOUT_MINUTES * 60_000)}`], env);
  const wallMs = Date.now() - started;
  const report = readReport(run.reportDir);
  rmSync(run.reportDir, { recursive: true, force: true });
  rmSync(run.outputDir, { recursive: true, force: true });
  let requests: LoggedRequest[];
  if (live) {
    requests = live.log.all();
    await live.close();
  } else {
    try {
      requests = (JSON.parse(readFileSync(logFile, 'utf8')) as MockLogs)[kind] ?? missingLog(project, size);
    } catch {
      throw new Error(`bench: the ${project} run (mock mode, size ${size}) left no request log\n${run.output.slice(-3000)}`);
    }
    rmSync(logFile, { force: true });
  }
  const timedOut = /Timed out waiting [\d.]+s for the .* to run/.test(run.output);
  const tests = testCounts(run.output, report);
  const target = mode === 'weather' ? weatherTarget(quiet) : targetFor(project, mode, size);
  const row: Row = {
    project,
    mode,
    size,
    tickets: ticketsAt(project, size),
    wallSeconds: +(wallMs / 1000).toFixed(1),
    requests: requests.length,
    requestsPerSecond: Math.round(requests.length / (wallMs / 1000)),
    floorSeconds: live ? undefined : +((await floor(project, size, requests)) / 1000).toFixed(2),
    outcome: timedOut ? 'timed out' : report?.verdict === 'inconclusive' ? 'inconclusive' : run.code === 0 ? 'passed' : 'failed',
    tests,
    target,
    ...(mode === 'weather' && report ? { availability: availabilityLine(report.availability) } : {}),
  };
  if (target) {
    row.meetsTarget =
      (target.maxRequests === undefined || row.requests <= target.maxRequests) &&
      (target.maxSeconds === undefined || row.wallSeconds <= target.maxSeconds) &&
      (!target.passes || (row.outcome === 'passed' && tests.unavailable === 0)) &&
      row.outcome !== 'timed out';
  }
  if (row.outcome === 'failed') console.error(`bench: ${project} (${mode} mode, size ${size}) had failing tests:\n${run.output.split('\n').filter((l) => /^\s+\d+\) |\[\w+-[A-Z]+-\d{3}\]/.test(l)).slice(0, 10).join('\n')}`);
  return row;
}

/** A mock-mode run whose global setup logged nothing for its target: no figure to give. */
function missingLog(project: Project, size: string): never {
  throw new Error(`bench: the ${project} run (mock mode, size ${size}) logged no requests of its target's mock`);
}

function pick(env: NodeJS.ProcessEnv, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, env[k] ?? '']));
}

function targetText(t: Target | undefined): string {
  if (!t) return '';
  return [
    t.passes ? 'passes, none unavailable' : '',
    t.inconclusive ? 'inconclusive' : '',
    t.maxRequests !== undefined ? `≤ ${t.maxRequests} requests` : '',
    t.maxSeconds !== undefined ? `≤ ${t.maxSeconds >= 60 ? `${t.maxSeconds / 60} min` : `${t.maxSeconds} s`}` : '',
    t.maxLines !== undefined ? `≤ ${t.maxLines} lines` : '',
  ].filter(Boolean).join(', ');
}

async function main(): Promise<void> {
  loadEnv();
  const { projects, modes, sizes } = parseArgs(process.argv.slice(2));
  mkdirSync(REPORTS_DIR, { recursive: true });
  const rows: Row[] = [];
  for (const project of projects) {
    for (const mode of modes.filter((m) => modesOf(project).includes(m))) {
      const chosen = mode === 'outage' ? ['unreachable', 'hangs'] : mode === 'weather' ? (listArg(process.argv.slice(2), 'weather-sizes', 'BENCH_WEATHER_SIZES') ?? WEATHER_SIZES) : sizes(project);
      for (const size of chosen) {
        const quiet = rows.find((r) => r.project === project && r.mode === 'live' && r.size === size);
        const row = await measure(project, mode, size, quiet);
        rows.push(row);
        console.log(`bench: ${project} ${mode} mode, ${size}${mode === 'outage' ? '' : ' tickets'}: ${row.wallSeconds} s, ${row.requests} requests, ${row.outcome}${row.availability ? ` (${row.availability})` : ''}`);
      }
    }
  }
  writeFileSync(resolve(REPORTS_DIR, 'bench.json'), `${JSON.stringify({ date: new Date().toISOString(), workers: WORKERS, liveMaxRps: Number(LIVE_MAX_RPS), timeoutMinutes: TIMEOUT_MINUTES, rows }, null, 2)}\n`);
  console.log('');
  console.log('| project | mode | tickets | wall (s) | requests | req/s | plain-loop floor (s) | tests | target | meets |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const tickets = r.mode === 'outage' ? `${r.size === 'unreachable' ? 'refuses connections' : 'never answers'}` : `${r.tickets.toLocaleString('en-US')}${apiNamed(r.project).bench.sizeUnit ? ` ${apiNamed(r.project).bench.sizeUnit}` : ''}${r.size === 'default' ? ' (default)' : ''}`;
    const counted = `${r.tests.passed} passed${r.tests.failed ? `, ${r.tests.failed} failed` : ''}${r.tests.skipped ? `, ${r.tests.skipped} skipped` : ''}${r.tests.unavailable ? ` (${r.tests.unavailable} target unavailable)` : ''}`;
    const tests = r.outcome === 'timed out' ? `timed out after ${TIMEOUT_MINUTES} min` : r.mode === 'outage' ? `${r.outcome}, ${r.lines ?? 0} console lines` : counted;
    const meets = r.meetsTarget === undefined ? '' : r.meetsTarget ? 'yes' : '**no**';
    console.log(`| ${r.project} | ${r.mode} | ${tickets} | ${r.wallSeconds} | ${r.requests} | ${r.requestsPerSecond} | ${r.floorSeconds ?? '—'} | ${tests} | ${targetText(r.target)} | ${meets} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
