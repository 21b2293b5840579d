import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { ConfigError, valueOf } from '../lib/config/configError';
import { loadEnv } from '../lib/config/loadEnv';
import { resolveMoovTarget } from '../lib/config/moovTarget';
import { resolveTeamworkDeskTarget } from '../lib/config/teamworkDeskTarget';
import { concreteSeed, propertySettings } from '../lib/config/properties';
import { moovMockConfigFromEnv } from '../mock/moov/config';
import { startMoovMock, type RunningMoovMock } from '../mock/moov/server';
import { teamworkDeskMockConfigFromEnv } from '../mock/teamwork-desk/config';
import { startTeamworkDeskMock, type RunningTeamworkDeskMock } from '../mock/teamwork-desk/server';
import { closeLedgerTickets } from '../lib/moov/cleanup';
import { ledgerPath } from '../lib/moov/ledger';
import { runId as runIdOf } from '../lib/config/run';
import { caseEnvironment, selfTestMatrix } from '../lib/config/selftestMatrix';
import { requestIdDir } from './moov/support/worker';
import { loadWaivers } from '../lib/waivers/load';
import { baselineFromEnv } from '../reporters/conformance/baseline';
import { profilesFrom } from '../lib/calibration/profile';

/**
 * Runs once before any test: settles the run's id, start time and seed, starts the embedded mocks
 * when MOOV_BASE_URL / TEAMWORK_DESK_BASE_URL are unset, and checks every setting (the waivers file
 * the baseline report and calibration profiles among them) so a wrong one
 * stops the run before any request. Returns the teardown.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  loadEnv();
  // Empty counts as unset (a blank line in .env, a parent process clearing them).
  const runId = valueOf(process.env, 'CONFORMANCE_RUN_ID') ?? `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  process.env.CONFORMANCE_RUN_ID = runId;
  if (!/^\d+$/.test(valueOf(process.env, 'CONFORMANCE_RUN_STARTED') ?? '')) process.env.CONFORMANCE_RUN_STARTED = String(Date.now());
  const seed = concreteSeed(process.env);
  if (seed !== undefined) process.env.CONFORMANCE_SEED = seed;

  let mock: RunningMoovMock | undefined;
  let teamworkDeskMock: RunningTeamworkDeskMock | undefined;
  try {
    propertySettings(process.env);
    // The waivers file (every entry names a registered check, a reason, an issue link and a date)
    // and the baseline report are checked before the mocks start or any request is sent.
    loadWaivers(process.env);
    baselineFromEnv(process.env);
    // Profiles a drift check compares with (CONFORMANCE_PROFILE) and the embedded mocks answer as (MOCK_PROFILE).
    profilesFrom(process.env, 'CONFORMANCE_PROFILE');
    profilesFrom(process.env, 'MOCK_PROFILE');
    if (valueOf(process.env, 'MOOV_BASE_URL') === undefined) {
      mock = await startMoovMock(moovMockConfigFromEnv(process.env));
      process.env.MOOV_MOCK_URL = mock.url;
    }
    resolveMoovTarget(process.env);
    if (valueOf(process.env, 'TEAMWORK_DESK_BASE_URL') === undefined) {
      teamworkDeskMock = await startTeamworkDeskMock(teamworkDeskMockConfigFromEnv(process.env));
      process.env.TEAMWORK_DESK_MOCK_URL = teamworkDeskMock.url;
    }
    resolveTeamworkDeskTarget(process.env);
  } catch (error) {
    await mock?.close();
    await teamworkDeskMock?.close();
    if (error instanceof ConfigError) throw new Error(`Configuration error: ${error.message}`);
    throw error;
  }
  return async () => {
    try {
      await finishRun(process.env);
      // A self-test matrix run holds one run per case (its own run id and target): each is
      // finished too, and a failure names its case so the self-test can tell whose it is.
      const failures: string[] = [];
      for (const c of selfTestMatrix(process.env)) {
        await finishRun({ ...process.env, ...caseEnvironment(c, process.env) }).catch((error: unknown) => failures.push(`${c.name}: ${error instanceof Error ? error.message : String(error)}`));
      }
      if (failures.length > 0) throw new Error(failures.join('\n'));
    } finally {
      const benchLog = valueOf(process.env, 'CONFORMANCE_BENCH_LOG');
      if (benchLog) writeFileSync(benchLog, JSON.stringify({ moov: mock?.log.all() ?? [], 'teamwork-desk': teamworkDeskMock?.log.all() ?? [] }));
      await mock?.close();
      await teamworkDeskMock?.close();
    }
  };
}

/** Closes the tickets a live run created (per its ledger) and checks its request ids. */
async function finishRun(env: NodeJS.ProcessEnv): Promise<void> {
  const target = resolveMoovTarget(env);
  const id = runIdOf(env);
  if (target.kind === 'live') await closeLedgerTickets(ledgerPath(id), target, (line) => console.log(line));
  assertRequestIdsUnique(id);
}

/** TKT-HDR-002 across workers: each worker wrote the x-request-ids it saw; none may repeat. */
function assertRequestIdsUnique(runId: string): void {
  const dir = requestIdDir(runId);
  if (!existsSync(dir)) return;
  const seen = new Map<string, string>();
  const repeats: string[] = [];
  for (const file of readdirSync(dir)) {
    for (const line of readFileSync(resolve(dir, file), 'utf8').split('\n')) {
      const [id, request] = line.split('\t');
      if (!id || !request) continue;
      const first = seen.get(id);
      if (first !== undefined) repeats.push(`${id}: ${first} and ${request}`);
      else seen.set(id, request);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  if (repeats.length > 0) {
    throw new Error(`[TKT-HDR-002] x-request-id repeats within a run (across workers): ${repeats.slice(0, 5).join('; ')}`);
  }
}
