import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AnyCheck } from '../check';
import { ConfigError, valueOf, type Env } from '../../lib/config/configError';
import { PROJECT_ROOT } from '../../lib/config/run';
import { parseWaivers } from './parse';
import type { WaiverSet } from './waiver';

/** The committed waivers file, at the project root. */
export const DEFAULT_WAIVERS_FILE = 'conformance.waivers.yaml';

/**
 * The run's waivers: CONFORMANCE_WAIVERS=<path> (which must exist), else conformance.waivers.yaml
 * when present, else none. Validated against the checks `check` finds by id (the registry); throws a ConfigError naming the
 * entry, so global setup stops the run before any request.
 */
export function loadWaivers(env: Env, check: (id: string) => AnyCheck | undefined, root = PROJECT_ROOT): WaiverSet {
  const named = valueOf(env, 'CONFORMANCE_WAIVERS');
  const file = named ?? DEFAULT_WAIVERS_FILE;
  const path = resolve(root, file);
  if (!existsSync(path)) {
    if (named) throw new ConfigError('CONFORMANCE_WAIVERS', `names "${named}", but there is no such file`);
    return { file, waivers: [] };
  }
  return { file, waivers: parseWaivers(readFileSync(path, 'utf8'), file, check) };
}
