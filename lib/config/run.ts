import { resolve } from 'node:path';
import { valueOf, type Env } from './configError';

export const PROJECT_ROOT = resolve(__dirname, '../..');
/** Where reports, ledgers and run scratch files go (CONFORMANCE_REPORT_DIR, default reports/). */
export const REPORTS_DIR = resolve(PROJECT_ROOT, process.env.CONFORMANCE_REPORT_DIR?.trim() || 'reports');
/** Playwright's own output (test-results/ unless CONFORMANCE_OUTPUT_DIR says otherwise). */
export const OUTPUT_DIR = resolve(PROJECT_ROOT, process.env.CONFORMANCE_OUTPUT_DIR?.trim() || 'test-results');

/** This run's id (global setup sets CONFORMANCE_RUN_ID once; every worker shares it). */
export function runId(env: Env): string {
  return valueOf(env, 'CONFORMANCE_RUN_ID') ?? `adhoc-${process.pid}`;
}

/** The label every ticket this suite creates carries in its foreignID, so it can be found and closed. */
export const TICKET_LABEL_PREFIX = 'conformance-suite';

export function ticketLabel(env: Env): string {
  return `${TICKET_LABEL_PREFIX}:${runId(env)}`;
}

/** Scratch files one run's workers share (request ids, the breaker); removed when the run ends. */
export function runStateDir(run: string): string {
  return resolve(REPORTS_DIR, '.run', run);
}

/** Where a run's breaker for one API's target is shared between its workers (lib/http/breaker.ts). */
export function breakerFile(run: string, api: string): string {
  return resolve(runStateDir(run), `breaker-${api}`);
}
