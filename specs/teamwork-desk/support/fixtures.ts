import { test as base } from '../../support/selftestCase';
import { outcomes } from '../../../checks/outcomes';
import { loadEnv } from '../../../lib/config/loadEnv';
import { propertySettings } from '../../../lib/config/properties';
import { resolveTeamworkDeskTarget } from '../../../lib/teamworkDesk/settings';
import { availabilityCounters } from '../../../lib/http/availability';
import { attachOutcomes } from '../../support/outcomes';
import { extendTimeLimit } from '../../support/timeLimit';
import { setPropertyTarget } from '../../support/property';
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
    setPropertyTarget({ live: teamworkDeskWorker.target.kind === 'live', requests: () => teamworkDeskWorker.client.stats.requests });
    await use(new TeamworkDeskApi(teamworkDeskWorker, testInfo));
    teamworkDeskWorker.client.onTimeNeeded = () => undefined;
    const after = teamworkDeskWorker.client.stats;
    const target = teamworkDeskWorker.target;
    await attachOutcomes(
      testInfo,
      availabilityCounters(before, after),
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
