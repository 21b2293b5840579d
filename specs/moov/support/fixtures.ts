import { test as base } from '../../support/selftestCase';
import { outcomes } from '../../../checks/outcomes';
import { loadEnv } from '../../../lib/config/loadEnv';
import { resolveMoovTarget } from '../../../lib/moov/settings';
import { propertySettings } from '../../../lib/config/properties';
import { availabilityCounters } from '../../../lib/http/availability';
import { attachOutcomes } from '../../support/outcomes';
import { extendTimeLimit } from '../../support/timeLimit';
import { setPropertyTarget } from '../../support/property';
import { MoovApi } from './api';
import { MoovWorker } from './worker';

export interface MoovOptions {
  /** X-Moov-Version for this project (set per project by MOOV_API_VERSIONS); overrides MOOV_API_VERSION. */
  moovApiVersion: string | undefined;
}

/**
 * Fixtures of the `moov` project: `moov` is the checked API for the running test, backed by a
 * per-worker transport, token cache and write ledger.
 */
export const test = base.extend<{ moov: MoovApi }, MoovOptions & { moovWorker: MoovWorker }>({
  moovApiVersion: [undefined, { option: true, scope: 'worker' }],
  moovWorker: [
    async ({ playwright, moovApiVersion }, use, workerInfo) => {
      loadEnv();
      const target = resolveMoovTarget(process.env);
      if (moovApiVersion !== undefined) target.apiVersion = moovApiVersion;
      const http = await playwright.request.newContext();
      const worker = new MoovWorker(http, target, process.env, workerInfo.workerIndex);
      await use(worker);
      worker.flushRequestIds(workerInfo.workerIndex);
      await http.dispose();
    },
    { scope: 'worker' },
  ],
  moov: async ({ moovWorker }, use, testInfo) => {
    outcomes.drain(); // nothing from an earlier test leaks into this one
    const before = moovWorker.client.stats;
    // The test's time limit follows its requests: each one it sends extends it by what that
    // request may take (rate-cap spacing, Retry-After, the request timeout). A hung request fails
    // on its own timeout, naming itself; a large or rate-capped target never times a test out.
    moovWorker.client.onTimeNeeded = extendTimeLimit(testInfo);
    setPropertyTarget({ live: moovWorker.target.kind === 'live', requests: () => moovWorker.client.stats.requests });
    await use(new MoovApi(moovWorker, testInfo));
    moovWorker.client.onTimeNeeded = () => undefined;
    const after = moovWorker.client.stats;
    const target = moovWorker.target;
    await attachOutcomes(
      testInfo,
      { ...availabilityCounters(before, after), created: after.created - before.created, closed: after.closed - before.closed },
      {
        api: 'moov',
        target: target.baseURL,
        targetKind: target.kind,
        version: target.apiVersion ?? 'each operation at its documented version (v2024.01.00 list/get, v2026.01.00 create, v2026.04.00 update)',
        seed: propertySettings(process.env).seed,
        runId: moovWorker.runId,
      },
    );
  },
});

export { expect } from '@playwright/test';
