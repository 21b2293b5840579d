import { test as base } from '../../support/selftestCase';
import { outcomes } from '../../../checks/outcomes';
import { loadEnv } from '../../../lib/config/loadEnv';
import { propertySettings } from '../../../lib/config/properties';
import { resolveTeamworkDeskTarget } from '../../../lib/config/teamworkDeskTarget';
import { attachOutcomes } from '../../support/outcomes';
import { extendTimeLimit } from '../../support/timeLimit';
import { TeamworkDeskApi } from './api';
import { TeamworkDeskWorker } from './worker';

/**
 * Fixtures of the `teamwork-desk` project: `teamworkDesk` is the checked API for the running
 * test, backed by a per-worker client (and the worker's cached unfiltered walk). Read-only.
 */
export const test = base.extend<{ teamworkDesk: TeamworkDeskApi }, { teamworkDeskWorker: TeamworkDeskWorker }>({
  teamworkDeskWorker: [
    async ({ playwright }, use) => {
      loadEnv();
      const target = resolveTeamworkDeskTarget(process.env);
      const http = await playwright.request.newContext();
      await use(new TeamworkDeskWorker(http, target, process.env));
      await http.dispose();
    },
    { scope: 'worker' },
  ],
  teamworkDesk: async ({ teamworkDeskWorker }, use, testInfo) => {
    outcomes.drain(); // nothing from an earlier test leaks into this one
    const before = teamworkDeskWorker.client.stats;
    // The time limit follows the requests the test sends (see specs/support/timeLimit.ts).
    teamworkDeskWorker.client.onTimeNeeded = extendTimeLimit(testInfo);
    await use(new TeamworkDeskApi(teamworkDeskWorker, testInfo));
    teamworkDeskWorker.client.onTimeNeeded = () => undefined;
    const after = teamworkDeskWorker.client.stats;
    const target = teamworkDeskWorker.target;
    await attachOutcomes(
      testInfo,
      { requests: after.requests - before.requests, rateLimited: after.rateLimited - before.rateLimited },
      {
        api: 'teamwork-desk',
        target: target.baseURL,
        targetKind: target.kind,
        version: 'v2 (GET /desk/api/v2/tickets.json)',
        seed: propertySettings(process.env).seed,
        runId: teamworkDeskWorker.runId,
      },
    );
  },
});

export { expect } from '@playwright/test';
