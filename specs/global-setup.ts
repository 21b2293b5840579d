import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import type { FullConfig } from '@playwright/test';
import { ConfigError, valueOf } from '../lib/config/configError';
import { loadEnv } from '../lib/config/loadEnv';
import { TARGET_UNAVAILABLE } from '../lib/http/availability';
import { preflight, type PreflightRequest } from '../lib/http/preflight';
import { concreteSeed, propertySettings } from '../lib/config/properties';
import { runId as runIdOf, runStateDir } from '../lib/config/run';
import { selectedProjects } from '../lib/config/selectedProjects';
import { APIS, CALIBRATIONS, registry } from '../apis';
import { targetsOf as targetsOfApis, type ServedTarget } from '../apis/lookup';
import type { RunningMock } from '../lib/targets';
import { caseEnvironment, selfTestMatrix } from '../lib/config/selftestMatrix';
import { loadWaivers } from '../checks/waivers/load';
import { baselineFileFromEnv } from '../lib/config/baselineFile';
import { profilesFrom } from '../lib/calibration/profile';

/** How long the preflight waits for a live target's first answer (less when the request timeout is shorter). */
const PREFLIGHT_TIMEOUT_MS = 10_000;

/**
 * Runs once before any test: settles the run's id, start time and seed, starts the embedded mocks
 * of the APIs a run tests (apis/) when their base URLs are unset, and checks every setting (the waivers file
 * the baseline report and calibration profiles among them) so a wrong one
 * stops the run before any request. Returns the teardown.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  loadEnv();
  // Empty counts as unset (a blank line in .env, a parent process clearing them).
  const runId = valueOf(process.env, 'CONFORMANCE_RUN_ID') ?? `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  process.env.CONFORMANCE_RUN_ID = runId;
  if (!/^\d+$/.test(valueOf(process.env, 'CONFORMANCE_RUN_STARTED') ?? '')) process.env.CONFORMANCE_RUN_STARTED = String(Date.now());
  const seed = concreteSeed(process.env);
  if (seed !== undefined) process.env.CONFORMANCE_SEED = seed;

  // Only what the run tests is checked, started and preflighted: a teamwork-desk run needs no Moov settings.
  const targets = targetsOf(selectedProjects(process.argv, config.projects.map((p) => p.name)));
  const matrix = selfTestMatrix(process.env);
  const mocks = new Map<string, RunningMock>();
  const closeMocks = () => Promise.all([...mocks.values()].map((m) => m.close()));
  try {
    propertySettings(process.env);
    // The waivers file (every entry names a registered check, a reason, an issue link and a date)
    // and the baseline report are checked before the mocks start or any request is sent.
    loadWaivers(process.env, (id) => registry.get(id));
    baselineFileFromEnv(process.env);
    // Profiles a drift check compares with (CONFORMANCE_PROFILE) and the embedded mocks answer as (MOCK_PROFILE).
    profilesFrom(process.env, 'CONFORMANCE_PROFILE', CALIBRATIONS);
    profilesFrom(process.env, 'MOCK_PROFILE', CALIBRATIONS);
    const preflights: PreflightRequest[] = [];
    // Every target's settings are checked before anything stops: one message names every problem.
    const problems: ConfigError[] = [];
    for (const { target, mock: server } of targets) {
      await (async () => {
        if (valueOf(process.env, target.baseUrlVariable) === undefined) {
          const mock = await server.start(process.env);
          mocks.set(target.name, mock);
          process.env[target.mockUrlVariable] = mock.url;
        }
        const resolved = target.resolve(process.env);
        if (resolved.kind === 'live') preflights.push({ api: target.name, variable: target.baseUrlVariable, ...resolved.health, timeoutMs: Math.min(PREFLIGHT_TIMEOUT_MS, resolved.requestTimeoutMs) });
      })().catch((error: unknown) => {
        if (!(error instanceof ConfigError)) throw error;
        problems.push(error);
      });
    }
    if (problems.length > 0) throw oneLine(`Configuration error: ${problems.map((p) => p.message).join('\nConfiguration error: ')}`);
    // A dead target stops the run here, in seconds, with one line: not every test on its own timeout.
    // (The self-test's cases each have a target of their own, judged by their own breakers.)
    const verdicts = matrix.length > 0 ? [] : await Promise.all(preflights.map((p) => preflight(p)));
    const dead = verdicts.filter((v): v is string => v !== undefined);
    if (dead.length > 0) throw oneLine(`${TARGET_UNAVAILABLE}: ${dead.join(`; ${TARGET_UNAVAILABLE}: `)}`);
  } catch (error) {
    await closeMocks();
    if (error instanceof ConfigError) throw oneLine(`Configuration error: ${error.message}`);
    throw error;
  }
  return async () => {
    try {
      await finishRun(process.env, targets);
      // A self-test matrix run holds one run per case (its own run id and target): each is
      // finished too, and a failure names its case so the self-test can tell whose it is.
      const failures: string[] = [];
      for (const c of selfTestMatrix(process.env)) {
        await finishRun({ ...process.env, ...caseEnvironment(c, process.env) }, targetsOf([c.name])).catch((error: unknown) => failures.push(`${c.name}: ${error instanceof Error ? error.message : String(error)}`));
      }
      if (failures.length > 0) throw new Error(failures.join('\n'));
    } finally {
      const benchLog = valueOf(process.env, 'CONFORMANCE_BENCH_LOG');
      if (benchLog) writeFileSync(benchLog, JSON.stringify(Object.fromEntries([...mocks].map(([name, mock]) => [name, mock.log.all()]))));
      await closeMocks();
    }
  };
}

/** The kinds of target the projects' tests address (each once: moov and sdk both address a Moov target). */
function targetsOf(projects: readonly string[]): ServedTarget[] {
  return targetsOfApis(APIS, projects);
}

/** Ends a run at each kind of target it addressed (a live run's tickets closed, run-wide checks such as request ids). */
async function finishRun(env: NodeJS.ProcessEnv, targets: readonly ServedTarget[]): Promise<void> {
  const id = runIdOf(env);
  try {
    for (const { target } of targets) await target.finish?.(env, id, (line) => console.log(line));
  } finally {
    // What the run's workers shared (breakers, request ids) is no longer needed.
    rmSync(runStateDir(id), { recursive: true, force: true });
  }
}

/** An error Playwright prints as its message alone: a stack would only bury the one line that matters. */
function oneLine(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

