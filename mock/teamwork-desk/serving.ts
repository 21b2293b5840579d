import type { MockServer } from '../../lib/targets';
import { shellCredentials, tryLine } from '../shared/tryCommand';
import { MOCK_DEFAULTS, teamworkDeskMockConfigFromEnv } from './config';
import { startTeamworkDeskMock } from './server';

/** The Teamwork Desk mock as global setup, the self-test, the bench and `npm run mock` start it (TEAMWORK_DESK_MOCK_* settings). */
export const teamworkDeskMockServer: MockServer = {
  size: { variable: 'TEAMWORK_DESK_MOCK_SEED_TICKETS', default: MOCK_DEFAULTS.seedTickets },
  cleanSettings: ['TEAMWORK_DESK_MOCK_FAULTS', 'TEAMWORK_DESK_MOCK_VARIANTS', 'TEAMWORK_DESK_MOCK_RATE_LIMIT'],
  portVariable: 'TEAMWORK_DESK_MOCK_PORT',
  liveTargetEnv: (env, url, maxRps) => teamworkDeskLiveTargetEnv(url, teamworkDeskMockConfigFromEnv(env).apiKey, maxRps),
  start: async (env, port) => {
    const config = teamworkDeskMockConfigFromEnv(env);
    const mock = await startTeamworkDeskMock(config, port);
    return {
      url: mock.url,
      log: mock.log,
      close: () => mock.close(),
      authorization: `Bearer ${config.apiKey}`,
      asLiveTarget: (maxRps) => teamworkDeskLiveTargetEnv(mock.url, config.apiKey, maxRps),
      describe: () => [
        `Teamwork Desk ticket-list mock listening on ${mock.url}`,
        ...(config.faults.size > 0 ? [`  faults on: ${[...config.faults].join(', ')}`] : []),
        ...(config.variants.size > 0 ? [`  variants on: ${[...config.variants].join(', ')}`] : []),
        tryLine(`curl -sS -H ${shellCredentials(env, ['TEAMWORK_DESK_API_KEY'], '', 'Authorization: Bearer ')}`, `${mock.url}/desk/api/v2/tickets.json?pageSize=2`),
      ],
    };
  },
};

/**
 * The settings that address a Teamwork Desk mock with this key at `url` as a live target, the
 * rate cap given (undefined: the live default for its host), everything else at its default.
 */
function teamworkDeskLiveTargetEnv(url: string, apiKey: string, maxRps?: string): Record<string, string> {
  // ALLOW_WRITES as a live run sets it: the only requests it lets through are undocumented methods a correct site refuses.
  return { TEAMWORK_DESK_BASE_URL: url, TEAMWORK_DESK_ALLOWED_HOSTS: '', TEAMWORK_DESK_API_KEY: apiKey, ALLOW_WRITES: 'true', ...(maxRps === undefined ? {} : { TEAMWORK_DESK_MAX_RPS: maxRps }) };
}
