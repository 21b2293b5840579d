import { shellQuote } from '../shell';
import { documentedSettings, targetPrefixes } from './documented';
import { valueOf, type Env } from './configError';

/**
 * Settings that shape what a run meets and hold no secret: a printed reproduction carries the ones
 * the run had, so it fails the same way (a replay without MOCK_FAULTS "passes"). Keys and tokens
 * are never among them: reproductions refer to them as shell variables. Read off the settings
 * .env.example documents (every setting a user sets is there), by name, so every kind of
 * target's own are included: where it is and what it may do, then the run's, then its mock's.
 */
const TARGET = /^(?:\w+_BASE_URL|\w+_ALLOWED_HOSTS|ALLOW_WRITES|\w+_MAX_WRITES|\w+_API_VERSION)$/;
const RUN = /^CONFORMANCE_(?:STRICT|RUNS)$/;
/** The embedded mocks' settings (Moov's unprefixed, every other mock's under its target's prefix). */
const MOCK = /^(?:\w+_)?MOCK_(?:FAULTS|VARIANTS|WEATHER|SEED_TICKETS|RATE_LIMIT|PROFILE)$/;

/** `NAME=value ` for each shaping setting `env` has (`which`: the target's, the mocks', or all). */
export function reproductionEnv(env: Env, which: 'all' | 'mock' = 'all'): string {
  const shaping = which === 'mock' ? [RUN, MOCK] : [TARGET, RUN, MOCK];
  const names = shaping.flatMap((pattern) => documentedSettings().filter((name) => pattern.test(name)));
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
  // Each kind of target documents <PREFIX>_BASE_URL; global setup puts its mock at <PREFIX>_MOCK_URL,
  // and `npm run mock` takes its port from <PREFIX>_MOCK_PORT (Moov's, the first, from MOCK_PORT).
  const prefix = targetPrefixes().find((p) => at(`${p}MOCK_URL`) === origin && valueOf(env, `${p}BASE_URL`) === undefined);
  const variable = prefix === undefined ? undefined : documentedSettings().includes(`${prefix}MOCK_PORT`) ? `${prefix}MOCK_PORT` : 'MOCK_PORT';
  return variable === undefined ? undefined : `${reproductionEnv(env, 'mock')}${variable}=${port} npm run mock &`;
}
