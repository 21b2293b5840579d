/**
 * `npm run bench`: the `moov` project against the embedded mock with default settings, timed,
 * next to its floor: the very same requests (taken from the mock's request log) sent by a plain
 * loop with no checks, no Playwright, no fixtures. Writes reports/bench.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEnv } from '../lib/config/loadEnv';
import { REPORTS_DIR } from '../lib/config/run';
import { moovMockConfigFromEnv } from '../mock/moov/config';
import { startMoovMock } from '../mock/moov/server';
import type { LoggedRequest } from '../mock/shared/requestLog';

const PROJECT = process.argv[2] ?? 'moov';

function runProject(logFile: string): Promise<number> {
  const started = Date.now();
  return new Promise((resolveRun, reject) => {
    const env = { ...process.env, MOOV_BASE_URL: '', CONFORMANCE_BENCH_LOG: logFile, MOCK_REQUEST_LOG_SIZE: '1000000' };
    const child = spawn('npx', ['playwright', 'test', `--project=${PROJECT}`, '--reporter=dot'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('close', (code) => (code === 0 ? resolveRun(Date.now() - started) : reject(new Error(`the ${PROJECT} project failed (exit ${code}); the benchmark needs a green run`))));
  });
}

/** Replays the logged requests against a fresh mock with `width` plain loops; returns the wall time. */
async function floor(requests: LoggedRequest[], width: number): Promise<number> {
  loadEnv();
  const config = moovMockConfigFromEnv({ ...process.env, MOOV_BASE_URL: '' });
  const mock = await startMoovMock({ ...config, requestLogSize: 1 });
  const basic = `Basic ${Buffer.from(`${config.publicKey}:${config.secretKey}`).toString('base64')}`;
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < requests.length) {
        const r = requests[next++]!;
        const headers: Record<string, string> = { ...r.headers };
        // Minted tokens are not in the log; the key pair costs the server the same round trip.
        if (headers.authorization) headers.authorization = basic;
        const response = await fetch(`${mock.url}${r.path}${r.query ? `?${r.query}` : ''}`, { method: r.method, headers, body: r.method === 'GET' ? undefined : r.body });
        await response.arrayBuffer();
      }
    }),
  );
  const ms = Date.now() - started;
  await mock.close();
  return ms;
}

async function main(): Promise<void> {
  mkdirSync(REPORTS_DIR, { recursive: true });
  const logFile = resolve(REPORTS_DIR, '.bench-requests.json');
  const suiteMs = await runProject(logFile);
  const requests = JSON.parse(readFileSync(logFile, 'utf8')) as LoggedRequest[];
  rmSync(logFile, { force: true });
  const workers = Number(process.env.CONFORMANCE_WORKERS ?? 2);
  const floorMs = await floor(requests, workers);
  const result = {
    project: PROJECT,
    date: new Date().toISOString(),
    workers,
    wallSeconds: +(suiteMs / 1000).toFixed(2),
    requests: requests.length,
    requestsPerSecond: Math.round(requests.length / (suiteMs / 1000)),
    floorSeconds: +(floorMs / 1000).toFixed(2),
    floorRequestsPerSecond: Math.round(requests.length / (floorMs / 1000)),
  };
  writeFileSync(resolve(REPORTS_DIR, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n| project | wall (s) | requests | req/s | plain-loop floor (s) | floor req/s |`);
  console.log(`|---|---|---|---|---|---|`);
  console.log(`| ${PROJECT} | ${result.wallSeconds} | ${result.requests} | ${result.requestsPerSecond} | ${result.floorSeconds} | ${result.floorRequestsPerSecond} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
