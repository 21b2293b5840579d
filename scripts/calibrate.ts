/**
 * `npm run calibrate [-- --api=moov|teamwork-desk|all] [--out=<file>]`: probes a target at every
 * point where the docs are silent and writes its answers as a profile (default
 * targets/<name>.<api>.profile.json), for `MOCK_PROFILE` (a mock that answers alike) and
 * `CONFORMANCE_PROFILE` (drift findings). Against a live target it uses the suite's transport and
 * safety rules: host allow-list, rate cap, ALLOW_WRITES, MOOV_MAX_WRITES, a ledger of created tickets
 * closed at the end. With no MOOV_BASE_URL / TEAMWORK_DESK_BASE_URL it calibrates the embedded mock.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { request } from '@playwright/test';
import { calibrateMoov, calibrateTeamworkDesk } from '../lib/calibration/calibrate';
import { isAnswered, type CalibratedApi, type PointResult, type Profile } from '../lib/calibration/types';
import { TargetUnavailableError } from '../lib/http/availability';
import { ConfigError, valueOf } from '../lib/config/configError';
import { loadEnv } from '../lib/config/loadEnv';
import { resolveMoovTarget } from '../lib/config/moovTarget';
import { PROJECT_ROOT } from '../lib/config/run';
import { resolveTeamworkDeskTarget } from '../lib/config/teamworkDeskTarget';
import { secrets } from '../lib/redaction/secrets';
import { closeLedgerTickets } from '../lib/moov/cleanup';
import { ledgerPath, WriteLedger } from '../lib/moov/ledger';
import { TicketWrites } from '../lib/moov/ticketWrites';
import { moovMockConfigFromEnv } from '../mock/moov/config';
import { startMoovMock } from '../mock/moov/server';
import { teamworkDeskMockConfigFromEnv } from '../mock/teamwork-desk/config';
import { startTeamworkDeskMock } from '../mock/teamwork-desk/server';

const APIS: readonly CalibratedApi[] = ['moov', 'teamwork-desk'];

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  const index = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(prefix));
  if (index < 0) return undefined;
  const arg = process.argv[index]!;
  return arg.startsWith(prefix) ? arg.slice(prefix.length) : process.argv[index + 1];
}

/** --api, or the live target(s) configured, or both embedded mocks. */
function apisToCalibrate(): CalibratedApi[] {
  const asked = option('api');
  if (asked === 'all') return [...APIS];
  if (asked !== undefined) {
    if (!(APIS as readonly string[]).includes(asked)) throw new ConfigError('--api', `must be moov, teamwork-desk or all, got "${asked}"`);
    return [asked as CalibratedApi];
  }
  const live = APIS.filter((api) => valueOf(process.env, api === 'moov' ? 'MOOV_BASE_URL' : 'TEAMWORK_DESK_BASE_URL') !== undefined);
  return live.length > 0 ? live : [...APIS];
}

function describe(point: PointResult): string {
  const shown = point.evidence.map((e) => `${e.method} ${e.path.length > 90 ? `${e.path.slice(0, 90)}…` : e.path} → ${e.status}`).join('; ');
  return `  ${point.label.padEnd(40)} ${isAnswered(point) ? point.answer : `undetermined: ${point.undetermined}`}${shown ? `\n  ${' '.repeat(40)} (${shown})` : ''}`;
}

async function calibrate(api: CalibratedApi): Promise<Profile> {
  const http = await request.newContext();
  const onPoint = (p: PointResult) => console.log(secrets.redact(describe(p)));
  try {
    if (api === 'teamwork-desk') {
      const live = valueOf(process.env, 'TEAMWORK_DESK_BASE_URL') !== undefined;
      const mock = live ? undefined : await startTeamworkDeskMock(teamworkDeskMockConfigFromEnv(process.env));
      try {
        const target = resolveTeamworkDeskTarget(mock ? { ...process.env, TEAMWORK_DESK_MOCK_URL: mock.url } : process.env);
        console.log(`calibrating teamwork-desk at ${target.baseURL} (reads only)`);
        return await calibrateTeamworkDesk(http, target, { onPoint });
      } finally {
        await mock?.close();
      }
    }
    const live = valueOf(process.env, 'MOOV_BASE_URL') !== undefined;
    const mock = live ? undefined : await startMoovMock(moovMockConfigFromEnv(process.env));
    try {
      const target = resolveMoovTarget(mock ? { ...process.env, MOOV_MOCK_URL: mock.url } : process.env);
      const file = ledgerPath(valueOf(process.env, 'CONFORMANCE_RUN_ID') ?? 'calibrate');
      const writes = target.allowWrites ? `writes on, at most ${target.maxWrites} ticket(s), ledger ${file.replace(`${PROJECT_ROOT}/`, '')}` : 'writes off (ALLOW_WRITES)';
      console.log(`calibrating moov at ${target.baseURL} (${target.kind === 'mock' ? 'embedded mock' : writes})`);
      let n = 0;
      const ledger = target.kind === 'live' ? new WriteLedger(file, target.baseURL) : undefined;
      try {
        return await calibrateMoov(http, target, { onPoint, ledger, label: () => TicketWrites.foreignID(process.env, `calibrate-${++n}`) });
      } finally {
        // Whatever the probes left open (an interrupted probe, a lenient target's ticket) is closed now.
        if (ledger) await closeLedgerTickets(file, target, (line) => console.log(line));
      }
    } finally {
      await mock?.close();
    }
  } finally {
    await http.dispose();
  }
}

async function main(): Promise<void> {
  loadEnv();
  process.env.CONFORMANCE_RUN_ID ??= `calibrate-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const apis = apisToCalibrate();
  const out = option('out');
  if (out !== undefined && apis.length > 1) throw new ConfigError('--out', 'names one file, and both APIs are to be calibrated: add --api=moov or --api=teamwork-desk');
  for (const api of apis) {
    const profile = await calibrate(api);
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
