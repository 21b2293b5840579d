/**
 * `npm run bench [project ...]`: each conformance project (default: moov, teamwork-desk, sdk)
 * against the embedded mocks with default settings, timed, next to its floor: the very same
 * requests (taken from the mocks' request logs) sent by a plain loop with no checks, no
 * Playwright, no fixtures. Writes reports/bench.json and prints a Markdown table.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEnv } from '../lib/config/loadEnv';
import { REPORTS_DIR } from '../lib/config/run';
import { playwright } from '../lib/playwrightRun';
import { moovMockConfigFromEnv } from '../mock/moov/config';
import { startMoovMock } from '../mock/moov/server';
import type { LoggedRequest } from '../mock/shared/requestLog';
import { teamworkDeskMockConfigFromEnv } from '../mock/teamwork-desk/config';
import { startTeamworkDeskMock } from '../mock/teamwork-desk/server';

type MockLogs = Record<'moov' | 'teamwork-desk', LoggedRequest[]>;

const PROJECTS = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['moov', 'teamwork-desk', 'sdk'];
const WORKERS = Number(process.env.CONFORMANCE_WORKERS ?? 2);

/** A fresh mock of the API, and the Authorization header a replayed request carries. */
async function mockFor(api: keyof MockLogs): Promise<{ url: string; authorization: string; close(): Promise<void> }> {
  const env = { ...process.env, MOOV_BASE_URL: '', TEAMWORK_DESK_BASE_URL: '', MOCK_FAULTS: '', MOCK_VARIANTS: '', TEAMWORK_DESK_MOCK_FAULTS: '', TEAMWORK_DESK_MOCK_VARIANTS: '' };
  if (api === 'moov') {
    const config = moovMockConfigFromEnv(env);
    const mock = await startMoovMock({ ...config, requestLogSize: 1 });
    return { ...mock, authorization: `Basic ${Buffer.from(`${config.publicKey}:${config.secretKey}`).toString('base64')}` };
  }
  const config = teamworkDeskMockConfigFromEnv(env);
  const mock = await startTeamworkDeskMock({ ...config, requestLogSize: 1 });
  return { ...mock, authorization: `Bearer ${config.apiKey}` };
}

/** Replays logged requests with `WORKERS` plain loops against fresh mocks; returns the wall time. */
async function floor(logs: MockLogs): Promise<number> {
  const started = Date.now();
  for (const api of ['moov', 'teamwork-desk'] as const) {
    const requests = logs[api];
    if (requests.length === 0) continue;
    const mock = await mockFor(api);
    let next = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < requests.length) {
          const r = requests[next++]!;
          // Minted tokens and bad credentials are not in the log; the key costs the server the same round trip.
          const headers: Record<string, string> = { ...r.headers, ...(r.headers.authorization ? { authorization: mock.authorization } : {}) };
          const response = await fetch(`${mock.url}${r.path}${r.query ? `?${r.query}` : ''}`, { method: r.method, headers, body: r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body });
          await response.arrayBuffer();
        }
      }),
    );
    await mock.close();
  }
  return Date.now() - started;
}

async function main(): Promise<void> {
  loadEnv();
  mkdirSync(REPORTS_DIR, { recursive: true });
  const rows = [];
  for (const project of PROJECTS) {
    const logFile = resolve(REPORTS_DIR, `.bench-${project}.json`);
    const started = Date.now();
    const run = await playwright(['test', `--project=${project}`], { CONFORMANCE_BENCH_LOG: logFile, MOCK_REQUEST_LOG_SIZE: '1000000', CONFORMANCE_REPORTER: 'dot', CONFORMANCE_WORKERS: String(WORKERS) });
    const wallMs = Date.now() - started;
    rmSync(run.reportDir, { recursive: true, force: true });
    rmSync(run.outputDir, { recursive: true, force: true });
    if (run.code !== 0) throw new Error(`the ${project} project failed; the benchmark needs a green run\n${run.output.slice(-3000)}`);
    const logs = JSON.parse(readFileSync(logFile, 'utf8')) as MockLogs;
    rmSync(logFile, { force: true });
    const requests = logs.moov.length + logs['teamwork-desk'].length;
    const floorMs = await floor(logs);
    rows.push({
      project,
      wallSeconds: +(wallMs / 1000).toFixed(1),
      requests,
      requestsPerSecond: Math.round(requests / (wallMs / 1000)),
      floorSeconds: +(floorMs / 1000).toFixed(2),
      floorRequestsPerSecond: Math.round(requests / (floorMs / 1000)),
    });
  }
  writeFileSync(resolve(REPORTS_DIR, 'bench.json'), `${JSON.stringify({ date: new Date().toISOString(), workers: WORKERS, rows }, null, 2)}\n`);
  console.log('| project | wall (s) | requests | req/s | plain-loop floor (s) | floor req/s |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.project} | ${r.wallSeconds} | ${r.requests} | ${r.requestsPerSecond} | ${r.floorSeconds} | ${r.floorRequestsPerSecond} |`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
