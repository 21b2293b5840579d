import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, valueOf, type Env } from '../config/configError';
import { PROJECT_ROOT } from '../config/run';

/** The SDK's surface as the pinned version types it; other versions are loaded into the same shape. */
export type MoovSdkModule = typeof import('@moovio/sdk');
export type MoovSdkErrors = typeof import('@moovio/sdk/models/errors/index.js');
export type MoovSdkHttp = typeof import('@moovio/sdk/lib/http.js');
export type MoovSdkConfig = typeof import('@moovio/sdk/lib/config.js');

export interface LoadedSdk {
  /** What MOOV_SDK_MODULE named (a package name, an npm alias or a path). */
  spec: string;
  version: string;
  /** The X-Moov-Version this SDK build sends. */
  versionHeader: string;
  sdk: MoovSdkModule;
  errors: MoovSdkErrors;
  http: MoovSdkHttp;
}

function packageRoot(entry: string): string {
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * The SDK under test: MOOV_SDK_MODULE (an npm alias such as `moov-sdk-next`, installed with
 * `npm i -D moov-sdk-next@npm:@moovio/sdk@<version>`, or a path to a local build); the pinned
 * @moovio/sdk by default.
 */
export function loadMoovSdk(env: Env): LoadedSdk {
  const spec = valueOf(env, 'MOOV_SDK_MODULE') ?? '@moovio/sdk';
  let entry: string;
  try {
    entry = require.resolve(spec.startsWith('.') || spec.startsWith('/') ? resolve(PROJECT_ROOT, spec) : spec, { paths: [PROJECT_ROOT] });
  } catch {
    throw new ConfigError('MOOV_SDK_MODULE', `cannot load "${spec}": install it (npm i -D <alias>@npm:@moovio/sdk@<version>) or give the path to a built SDK`);
  }
  const root = packageRoot(entry);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
  const load = <T>(file: string): T => require(join(root, file)) as T;
  const config = load<MoovSdkConfig>('lib/config.js');
  return {
    spec,
    version: pkg.version ?? config.SDK_METADATA.sdkVersion,
    versionHeader: config.SDK_METADATA.openapiDocVersion,
    sdk: load<MoovSdkModule>('index.js'),
    errors: load<MoovSdkErrors>('models/errors/index.js'),
    http: load<MoovSdkHttp>('lib/http.js'),
  };
}
