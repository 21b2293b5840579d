import type { TestInfo } from '@playwright/test';
import { outcomes } from '../../checks/outcomes';
import type { AnyCheck } from '../../checks/check';
import { valueOf } from '../../lib/config/configError';
import { OUTCOMES_ATTACHMENT, type OutcomesAttachment, type RunCounters, type RunInfo } from '../../checks/attachments';

/** Drains what the test's checks recorded into one attachment the conformance reporter reads. */
export async function attachOutcomes(testInfo: TestInfo, counters: RunCounters, run: RunInfo): Promise<void> {
  const envName = valueOf(process.env, 'CONFORMANCE_ENV');
  const body: OutcomesAttachment = { ...outcomes.drain(), counters, run: envName && !run.envName ? { ...run, envName } : run };
  await testInfo.attach(OUTCOMES_ATTACHMENT, { body: JSON.stringify(body), contentType: 'application/json' });
}

/**
 * Annotations naming the checks a test covers, so a skipped test shows them as skipped, and tags
 * naming them and the operations they judge, so `--grep TKT-PAG-002` or `--grep listTickets`
 * selects the tests of a check or an operation (Playwright matches grep against tags too).
 */
export function covers(...checks: Array<AnyCheck | undefined>): { annotation: Array<{ type: string; description: string }>; tag: string[] } {
  const known = checks.filter((c): c is AnyCheck => c !== undefined);
  const operations = [...new Set(known.flatMap((c) => [...c.operations]))];
  return { annotation: known.map((c) => ({ type: 'covers', description: c.id })), tag: [...known.map((c) => `@${c.id}`), ...operations.map((op) => `@${op}`)] };
}
