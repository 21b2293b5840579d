import { shellQuote } from '../shell';
import { valueOf, type Env } from './configError';

/**
 * Settings that shape what a run meets and hold no secret: a printed reproduction carries the ones
 * the run had, so it fails the same way (a replay without MOCK_FAULTS "passes"). Keys and tokens
 * are never among them: reproductions refer to them as shell variables.
 */
const TARGET = ['MOOV_BASE_URL', 'MOOV_ALLOWED_HOSTS', 'TEAMWORK_DESK_BASE_URL', 'TEAMWORK_DESK_ALLOWED_HOSTS', 'ALLOW_WRITES', 'MOOV_MAX_WRITES', 'MOOV_API_VERSION'] as const;
const RUN = ['CONFORMANCE_STRICT', 'CONFORMANCE_RUNS'] as const;
/** The embedded mocks' settings. */
export const MOCK_SETTINGS = [
  'MOCK_FAULTS',
  'MOCK_VARIANTS',
  'MOCK_WEATHER',
  'MOCK_SEED_TICKETS',
  'MOCK_RATE_LIMIT',
  'MOCK_PROFILE',
  'TEAMWORK_DESK_MOCK_FAULTS',
  'TEAMWORK_DESK_MOCK_VARIANTS',
  'TEAMWORK_DESK_MOCK_SEED_TICKETS',
  'TEAMWORK_DESK_MOCK_RATE_LIMIT',
] as const;

/** `NAME=value ` for each shaping setting `env` has (`which`: the target's, the mocks', or all). */
export function reproductionEnv(env: Env, which: 'all' | 'mock' = 'all'): string {
  const names = which === 'mock' ? [...RUN, ...MOCK_SETTINGS] : [...TARGET, ...RUN, ...MOCK_SETTINGS];
  return names.flatMap((name) => {
    const value = valueOf(env, name);
    return value === undefined ? [] : [`${name}=${/^[\w.,:/@%+=-]+$/.test(value) ? value : shellQuote(value)} `];
  }).join('');
}

/**
 * For a request to an embedded mock (gone once its run ends): the command that brings it back on
 * the same port with the same settings, to run before the request's curl. Undefined otherwise.
 */
export function embeddedMockRestart(url: string, env: Env): string | undefined {
  const origin = new URL(url).origin;
  const port = new URL(url).port;
  const at = (name: string) => {
    const value = valueOf(env, name);
    return value === undefined ? undefined : new URL(value).origin;
  };
  const variable = at('MOOV_MOCK_URL') === origin && valueOf(env, 'MOOV_BASE_URL') === undefined ? 'MOCK_PORT' : at('TEAMWORK_DESK_MOCK_URL') === origin && valueOf(env, 'TEAMWORK_DESK_BASE_URL') === undefined ? 'TEAMWORK_DESK_MOCK_PORT' : undefined;
  return variable === undefined ? undefined : `${reproductionEnv(env, 'mock')}${variable}=${port} npm run mock &`;
}
