/**
 * `npm run mock`: the embedded mocks, standalone, for pointing an SDK or curl at them: one per
 * kind of target the APIs address (apis/). Settings come from the environment and .env (defaults
 * in .env.example); each mock's port variable picks its port (MOCK_PORT for Moov's,
 * TEAMWORK_DESK_MOCK_PORT for Teamwork Desk's).
 */
import { APIS, CALIBRATIONS } from '../apis';
import { profilesFrom } from '../lib/calibration/profile';
import { allTargets } from '../apis/lookup';
import { ConfigError, nonNegativeInteger } from '../lib/config/configError';
import { loadEnv } from '../lib/config/loadEnv';
import type { RunningMock } from '../lib/targets';

async function main(): Promise<void> {
  loadEnv();
  // Every profile MOCK_PROFILE names is checked, not only those of the mocks started here.
  profilesFrom(process.env, 'MOCK_PROFILE', CALIBRATIONS);
  const running: RunningMock[] = [];
  const stop = () => void Promise.all(running.map((m) => m.close())).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (const { mock } of allTargets(APIS)) {
    const started = await mock.start(process.env, nonNegativeInteger(process.env, mock.portVariable, 0));
    running.push(started);
    console.log(`${running.length > 1 ? '\n' : ''}${started.describe().join('\n')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
