import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, valueOf, type Env } from './configError';
import { PROJECT_ROOT } from './run';

/** An earlier run's conformance.json, as far as a setting can vouch for it: APIs with failures. */
export interface BaselineFile {
  file: string;
  generatedAt: string;
  apis: Array<{ failures: unknown[] }>;
}

/**
 * Reads CONFORMANCE_BASELINE when set; a missing, unreadable or foreign file is a ConfigError.
 * Global setup calls it before any request, the reporter when it compares.
 */
export function baselineFileFromEnv(env: Env, root = PROJECT_ROOT): BaselineFile | undefined {
  const file = valueOf(env, 'CONFORMANCE_BASELINE');
  if (file === undefined) return undefined;
  const path = resolve(root, file);
  if (!existsSync(path)) throw new ConfigError('CONFORMANCE_BASELINE', `names "${file}", but there is no such file (an earlier run's reports/conformance.json)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError('CONFORMANCE_BASELINE', `"${file}" is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const report = parsed as { generatedAt?: unknown; apis?: unknown } | null;
  if (!report || typeof report !== 'object' || !Array.isArray(report.apis) || !report.apis.every((a: { failures?: unknown } | null) => Array.isArray(a?.failures))) {
    throw new ConfigError('CONFORMANCE_BASELINE', `"${file}" is not a conformance.json (no apis with failures)`);
  }
  return { file, generatedAt: String(report.generatedAt ?? ''), apis: report.apis as BaselineFile['apis'] };
}
