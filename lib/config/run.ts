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
