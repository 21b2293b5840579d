import type { APIRequestContext } from '@playwright/test';
import { api } from '../../../apis';
import type { CalibratedApi, Profile } from '../../../lib/calibration/types';

/** Starts the api's mock with `env`, calibrates it, stops it. Moov accounts get 201 tickets, so a cap at 200 shows. */
export async function calibrateMock(http: APIRequestContext, name: CalibratedApi, env: Record<string, string | undefined>): Promise<Profile> {
  const { calibration, target } = api(name);
  if (!calibration) throw new Error(`${name} has no calibration`);
  const mock = await startMock(name, env);
  try {
    return await calibration.probe(http, { ...mockEnv(env), [target.baseUrlVariable]: '', [target.mockUrlVariable]: mock.url }, { label: 'calibration-test' });
  } finally {
    await mock.close();
  }
}

/** `env` over the defaults every calibration test starts from: no variant, no profile, 201 Moov tickets an account. */
export function mockEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return { ...process.env, MOCK_VARIANTS: '', TEAMWORK_DESK_MOCK_VARIANTS: '', MOCK_PROFILE: '', MOCK_SEED_TICKETS: '201', ...env };
}

/** A mock of `name` started with `env` over those defaults. */
export async function startMock(name: CalibratedApi, env: Record<string, string | undefined>): Promise<{ url: string; close(): Promise<void> }> {
  return api(name).mock.start(mockEnv(env));
}
