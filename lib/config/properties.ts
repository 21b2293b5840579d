import { createHash } from 'node:crypto';
import { ConfigError, positiveInteger, valueOf, type Env } from './configError';

export const DEFAULT_SEED = 20_261_122;
export const DEFAULT_RUNS = 20;

/** CONFORMANCE_RUNS and CONFORMANCE_SEED: how many cases each property tries, and from which seed. */
export interface PropertySettings {
  runs: number;
  seed: number;
}

/** Resolves CONFORMANCE_SEED=random to a concrete seed (global setup does it once per run). */
export function concreteSeed(env: Env): string | undefined {
  return valueOf(env, 'CONFORMANCE_SEED') === 'random' ? String(Math.floor(Math.random() * 2 ** 31)) : undefined;
}

export function propertySettings(env: Env): PropertySettings {
  const raw = valueOf(env, 'CONFORMANCE_SEED');
  let seed = DEFAULT_SEED;
  if (raw !== undefined) {
    if (!/^-?\d{1,10}$/.test(raw)) throw new ConfigError('CONFORMANCE_SEED', `must be an integer (or "random"), got "${raw}"`);
    seed = Number(raw) | 0;
  }
  return { runs: positiveInteger(env, 'CONFORMANCE_RUNS', DEFAULT_RUNS), seed };
}

/**
 * Each property's own seed, derived from the run's seed and the test's title: properties do not
 * depend on which others ran before them, so `-g '<title>'` replays exactly one.
 */
export function seedFor(baseSeed: number, title: string): number {
  return createHash('sha256').update(`${baseSeed}:${title}`).digest().readInt32BE(0);
}

/** How many cases a property runs at `scale` (see PropertyOptions). */
export function propertyRuns(scale = 1, minRuns = 3, env: Env = process.env): number {
  return Math.max(minRuns, Math.round(propertySettings(env).runs * scale));
}
