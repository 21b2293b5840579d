import type { TestInfo } from '@playwright/test';
import { outcomes } from '../../checks/outcomes';
import type { AnyCheck } from '../../checks/check';

export const OUTCOMES_ATTACHMENT = 'conformance-outcomes';

/** Per-test counters a report adds up (requests made, 429s met, tickets created and closed). */
export type RunCounters = Record<string, number>;

/** Drains what the test's checks recorded into one attachment the conformance reporter reads. */
export async function attachOutcomes(testInfo: TestInfo, counters: RunCounters): Promise<void> {
  const drained = outcomes.drain();
  await testInfo.attach(OUTCOMES_ATTACHMENT, {
    body: JSON.stringify({ ...drained, counters }),
    contentType: 'application/json',
  });
}

/** Annotations naming the checks a test covers, so a skipped test shows them as skipped. */
export function covers(...checks: Array<AnyCheck | undefined>): { annotation: Array<{ type: string; description: string }> } {
  return { annotation: checks.filter((c): c is AnyCheck => c !== undefined).map((c) => ({ type: 'covers', description: c.id })) };
}
