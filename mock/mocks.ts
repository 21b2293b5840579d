import type { Env } from '../lib/config/configError';
import type { TargetName } from '../lib/targets';
import { moovMockConfigFromEnv } from './moov/config';
import { startMoovMock } from './moov/server';
import type { RequestLog } from './shared/requestLog';
import { teamworkDeskMockConfigFromEnv } from './teamwork-desk/config';
import { startTeamworkDeskMock } from './teamwork-desk/server';

/** An embedded mock, running. */
export interface RunningMock {
  url: string;
  log: RequestLog;
  close(): Promise<void>;
}

/**
 * The embedded mock that stands in for each kind of target when its base URL is unset, started
 * from the environment's MOCK_* settings (a bad one is a ConfigError naming it).
 */
export const MOCKS: Record<TargetName, { start(env: Env, port?: number): Promise<RunningMock> }> = {
  moov: { start: (env, port) => startMoovMock(moovMockConfigFromEnv(env), port) },
  'teamwork-desk': { start: (env, port) => startTeamworkDeskMock(teamworkDeskMockConfigFromEnv(env), port) },
};
