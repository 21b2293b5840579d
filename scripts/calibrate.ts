/**
 * `npm run calibrate [-- --api=<api>|all] [--out=<file>]`: probes a target at every
 * point where the docs are silent and writes its answers as a profile (default
 * targets/<name>.<api>.profile.json), for `MOCK_PROFILE` (a mock that answers alike) and
 * `CONFORMANCE_PROFILE` (drift findings). Against a live target it uses the suite's transport and
 * safety rules: host allow-list, rate cap, ALLOW_WRITES, the write budget, a ledger of created tickets
 * closed at the end. With an API's base URL unset it calibrates that API's embedded mock. The APIs
 * are the descriptors (apis/) that have a calibration.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { request } from '@playwright/test';
import { APIS, CALIBRATIONS } from '../apis';
import { profilesFrom } from '../lib/calibration/profile';
import type { ApiDescriptor } from '../apis/descriptor';
import type { Calibration } from '../lib/calibration/calibration';
import { isAnswered, type PointResult, type Profile } from '../lib/calibration/types';
import { TargetUnavailableError } from '../lib/http/availability';
import { ConfigError, valueOf } from '../lib/config/configError';
import { loadEnv } from '../lib/config/loadEnv';
import { PROJECT_ROOT } from '../lib/config/run';
import { secrets } from '../lib/redaction/secrets';

/** An API with silent points to calibrate, and its calibration. */
type Calibrated = ApiDescriptor & { calibration: Calibration };

const CALIBRATED: readonly Calibrated[] = (APIS as readonly ApiDescriptor[]).filter((a): a is Calibrated => a.calibration !== undefined);

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  const index = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(prefix));
  if (index < 0) return undefined;
  const arg = process.argv[index]!;
  return arg.startsWith(prefix) ? arg.slice(prefix.length) : process.argv[index + 1];
}

/** --api, or the live target(s) configured, or every embedded mock. */
function apisToCalibrate(): Calibrated[] {
  const asked = option('api');
  if (asked === 'all') return [...CALIBRATED];
  if (asked !== undefined) {
    const found = CALIBRATED.find((a) => a.name === asked);
    if (!found) throw new ConfigError('--api', `must be ${[...CALIBRATED.map((a) => a.name), 'all'].join(', ')}, got "${asked}"`);
    return [found];
  }
  const live = CALIBRATED.filter((a) => valueOf(process.env, a.target.baseUrlVariable) !== undefined);
  return live.length > 0 ? live : [...CALIBRATED];
}

function describe(point: PointResult): string {
  const shown = point.evidence.map((e) => `${e.method} ${e.path.length > 90 ? `${e.path.slice(0, 90)}…` : e.path} → ${e.status}`).join('; ');
  return `  ${point.label.padEnd(40)} ${isAnswered(point) ? point.answer : `undetermined: ${point.undetermined}`}${shown ? `\n  ${' '.repeat(40)} (${shown})` : ''}`;
}

async function calibrate(api: Calibrated): Promise<Profile> {
  const http = await request.newContext();
  const say = (line: string) => console.log(secrets.redact(line));
  // No base URL: the API's embedded mock, started from the environment's mock settings.
  const mock = valueOf(process.env, api.target.baseUrlVariable) === undefined ? await api.mock.start(process.env) : undefined;
  try {
    const env = mock ? { ...process.env, [api.target.mockUrlVariable]: mock.url } : process.env;
    return await api.calibration.probe(http, env, { label: 'calibrate', say, onPoint: (p) => say(describe(p)) });
  } finally {
    await mock?.close();
    await http.dispose();
  }
}

async function main(): Promise<void> {
  loadEnv();
  // Every profile MOCK_PROFILE names is checked, not only those of the mocks started here.
  profilesFrom(process.env, 'MOCK_PROFILE', CALIBRATIONS);
  process.env.CONFORMANCE_RUN_ID ??= `calibrate-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const apis = apisToCalibrate();
  const out = option('out');
  if (out !== undefined && apis.length > 1) throw new ConfigError('--out', `names one file, and ${apis.length} APIs are to be calibrated: add ${apis.map((a) => `--api=${a.name}`).join(' or ')}`);
  for (const descriptor of apis) {
    const api = descriptor.name;
    const profile = await calibrate(descriptor);
    const name = valueOf(process.env, 'CONFORMANCE_TARGET_NAME') ?? valueOf(process.env, 'CONFORMANCE_ENV') ?? profile.target.replace(/[^A-Za-z0-9.-]+/g, '_');
    const file = resolve(PROJECT_ROOT, out ?? `targets/${name}.${api}.profile.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, secrets.redact(`${JSON.stringify(profile, null, 2)}\n`));
    const open = profile.points.filter((p) => !isAnswered(p));
    console.log(`${api}: ${profile.points.length - open.length} of ${profile.points.length} points calibrated → ${file.replace(`${PROJECT_ROOT}/`, '')}`);
    if (open.length > 0) console.log(`${api}: could not determine ${open.map((p) => p.label).join(', ')} (the mock keeps its default reading there)`);
  }
}

main().catch((error: unknown) => {
  // A dead target ends calibration with one line, as it ends a run: nothing was learnt.
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error instanceof TargetUnavailableError ? `calibration stopped, ${error.message}` : error);
  process.exit(1);
});
