import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { playwright } from '../../lib/playwrightRun';
import type { ApiDescriptor } from '../../apis/descriptor';
import type { ConformanceReport } from '../../reporters/conformance/report';

/**
 * Targets that cannot be judged, run as a user runs the suite (one `playwright test` each, the
 * default console reporter): the verdict must be inconclusive, never a failure, never a pass, and
 * it must come fast. Each project meets a target that refuses connections, one that accepts them
 * and never answers, and one that dies mid-run.
 */
export interface OutageCase {
  project: string;
  name: string;
  /** The longest the whole run may take. */
  withinMs: number;
  /** The most non-empty console lines it may print (undefined: no limit). */
  maxLines?: number;
  /** Starts the target; the settings that address it as a live target. */
  start(base: NodeJS.ProcessEnv): Promise<{ env: Record<string, string>; close(): Promise<void> }>;
}

export interface OutageResult {
  ok: boolean;
  summary: string;
  problem?: string;
  ms: number;
  lines: number;
  verdict: string;
}

function listening(server: Server): Promise<string> {
  return new Promise((resolveUrl) => server.listen(0, '127.0.0.1', () => resolveUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** A port nothing listens on. */
async function refusing(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer();
  const url = await listening(server);
  await new Promise<void>((r) => server.close(() => r()));
  return { url, close: async () => undefined };
}

/** A server that accepts connections and never answers. */
async function silent(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((socket) => sockets.add(socket));
  const url = await listening(server);
  return { url, close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }) };
}

/** Its mock, answering its first `requests` requests and then nothing (MOCK_WEATHER hang-after). */
function diesAfter(api: ApiDescriptor, requests: number, base: NodeJS.ProcessEnv): Promise<{ url: string; close(): Promise<void> }> {
  return api.mock.start({ ...base, MOCK_WEATHER: `hang-after=${requests}` });
}

/** Mid-run hangs cost a request timeout each: a short one keeps the self-test quick (the breaker does not depend on it). */
const MID_RUN_TIMEOUT_MS = 4_000;

/** The outage cases of the APIs whose self-test asks for them (SelfTestSuite.outages). */
export function outageCases(apis: readonly ApiDescriptor[]): OutageCase[] {
  const cases: OutageCase[] = [];
  for (const api of apis) {
    const outages = api.selfTest.outages;
    if (outages === undefined) continue;
    const project = api.name;
    // The mock's own keys and accounts at the outage's URL, as a live target (the rate cap out of the way).
    const as = (target: { url: string; close(): Promise<void> }, base: NodeJS.ProcessEnv, extra: Record<string, string> = {}) => ({ env: { ...api.mock.liveTargetEnv(base, target.url, '10000'), ...extra }, close: () => target.close() });
    cases.push(
      { project, name: 'unreachable (connection refused)', withinMs: 15_000, maxLines: 10, start: async (base) => as(await refusing(), base) },
      { project, name: 'hangs from the start', withinMs: 60_000, maxLines: 10, start: async (base) => as(await silent(), base) },
      {
        project,
        name: 'dies mid-run',
        withinMs: 60_000,
        start: async (base) => as(await diesAfter(api, outages.dieAfterRequests, base), base, { CONFORMANCE_REQUEST_TIMEOUT_MS: String(MID_RUN_TIMEOUT_MS) }),
      },
    );
  }
  return cases;
}

/** Runs one outage case as a user would and judges what they would see. */
export async function runOutage(c: OutageCase, base: NodeJS.ProcessEnv): Promise<OutageResult> {
  const target = await c.start(base);
  const started = Date.now();
  try {
    const run = await playwright(['test', `--project=${c.project}`], { ...target.env, CONFORMANCE_REPORTER: 'list', CONFORMANCE_WORKERS: '2' });
    const ms = Date.now() - started;
    const lines = run.output.split('\n').filter((l) => l.trim() !== '').length;
    let report: ConformanceReport | undefined;
    try {
      report = JSON.parse(readFileSync(join(run.reportDir, 'conformance.json'), 'utf8')) as ConformanceReport;
    } catch {
      report = undefined;
    }
    const problems = [
      run.code === 0 ? 'the run exited 0 (a CI job would pass on a target it could not judge)' : undefined,
      report?.verdict !== 'inconclusive' ? `verdict "${report?.verdict ?? 'no report'}", expected "inconclusive"` : undefined,
      (report?.tests.failed ?? 0) > 0 ? `${report?.tests.failed} test(s) failed: weather became a verdict` : undefined,
      !/INCONCLUSIVE/.test(run.output) ? 'the console does not end with the inconclusive verdict' : undefined,
      ms > c.withinMs ? `took ${(ms / 1000).toFixed(1)} s, more than ${c.withinMs / 1000} s` : undefined,
      c.maxLines !== undefined && lines > c.maxLines ? `printed ${lines} lines, more than ${c.maxLines}` : undefined,
    ].filter((p): p is string => p !== undefined);
    const summary = `${(ms / 1000).toFixed(1)} s, ${lines} console lines, ${report?.tests.unavailable ?? 0} test(s) target unavailable`;
    return { ok: problems.length === 0, summary, ms, lines, verdict: report?.verdict ?? 'no report', ...(problems.length > 0 ? { problem: `${problems.join('; ')}\n${run.output.split('\n').slice(-12).map((l) => `      ${l}`).join('\n')}` } : {}) };
  } finally {
    await target.close();
  }
}
