import type { APIRequestContext } from '@playwright/test';
import { calibrateMoov, calibrateTeamworkDesk } from '../../../lib/calibration/calibrate';
import type { CalibratedApi, Profile } from '../../../lib/calibration/types';
import { resolveMoovTarget } from '../../../lib/config/moovTarget';
import { resolveTeamworkDeskTarget } from '../../../lib/config/teamworkDeskTarget';
import { moovMockConfigFromEnv } from '../../../mock/moov/config';
import { startMoovMock } from '../../../mock/moov/server';
import { teamworkDeskMockConfigFromEnv } from '../../../mock/teamwork-desk/config';
import { startTeamworkDeskMock } from '../../../mock/teamwork-desk/server';

/** Starts the api's mock with `env`, calibrates it, stops it. Moov accounts get 201 tickets, so a cap at 200 shows. */
export async function calibrateMock(http: APIRequestContext, api: CalibratedApi, env: Record<string, string | undefined>): Promise<Profile> {
  const full = { ...process.env, MOCK_VARIANTS: '', TEAMWORK_DESK_MOCK_VARIANTS: '', MOCK_PROFILE: '', MOCK_SEED_TICKETS: '201', ...env };
  if (api === 'moov') {
    const mock = await startMoovMock(moovMockConfigFromEnv(full));
    let n = 0;
    try {
      return await calibrateMoov(http, resolveMoovTarget({ ...full, MOOV_BASE_URL: '', MOOV_MOCK_URL: mock.url }), { label: () => `calibration-test:${++n}` });
    } finally {
      await mock.close();
    }
  }
  const mock = await startTeamworkDeskMock(teamworkDeskMockConfigFromEnv(full));
  try {
    return await calibrateTeamworkDesk(http, resolveTeamworkDeskTarget({ ...full, TEAMWORK_DESK_BASE_URL: '', TEAMWORK_DESK_MOCK_URL: mock.url }));
  } finally {
    await mock.close();
  }
}

