import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { moovChecks as C } from '../../checks/moov';
import { outcomes } from '../../checks/outcomes';
import { verify } from '../../checks/verify';
import { checkProperty, LIVE_SHRINK_REQUESTS, setPropertyTarget } from '../support/property';

/** A model step that disagrees when `wrong`: a failing check, as a property on a live target records it. */
function judge(wrong: boolean): void {
  verify(C.modelAgreement, { step: 'get ticket', expected: 'status new', received: wrong ? 'status closed' : undefined }, { operation: 'getTicket', status: 200 });
}

async function failure(promise: Promise<unknown>): Promise<Error | undefined> {
  return promise.then(() => undefined, (e: unknown) => e as Error);
}

test.describe('properties on a live target: confirmed before they are reported, shrunk within a budget', () => {
  test.afterEach(() => {
    setPropertyTarget({ live: false, requests: () => 0 });
    outcomes.drain();
  });

  test('a failure that does not repeat when its case is replayed is reported as not reproducible, never as a failure', async ({}, testInfo) => {
    outcomes.drain();
    setPropertyTarget({ live: true, requests: () => 0 });
    let calls = 0;
    // Wrong once (weather, another client's write), right ever after.
    await checkProperty(testInfo, fc.nat(100), async () => judge(++calls === 1), { label: 'flaky' });
    const note = testInfo.annotations.find((a) => a.type === 'not reproducible');
    expect(note?.description).toMatch(/did not repeat when the failing case was replayed/);
    expect(note?.description).toContain('[TKT-MDL-001]');
    const cell = outcomes.drain().cells.find((c) => c.checkId === 'TKT-MDL-001');
    expect(cell).toMatchObject({ failed: 0, unconfirmed: 1 });
  });

  test('a failure that repeats is confirmed and reported with its shrunk counterexample', async ({}, testInfo) => {
    setPropertyTarget({ live: true, requests: () => 0 });
    const error = await failure(checkProperty(testInfo, fc.nat(1000), async (n) => judge(n >= 10), { label: 'steady' }));
    expect(error?.message).toMatch(/\(confirmed by a replay\)/);
    expect(error?.message).toContain('counterexample: [10]');
    expect(outcomes.drain().cells.find((c) => c.checkId === 'TKT-MDL-001')?.failed).toBeGreaterThan(0);
  });

  test('against the mock a failure counts at once (no replay, full shrinking)', async ({}, testInfo) => {
    let calls = 0;
    const error = await failure(checkProperty(testInfo, fc.nat(100), async () => judge(++calls === 1), { label: 'mock' }));
    expect(error?.message).toContain('[TKT-MDL-001]');
    expect(error?.message).not.toContain('confirmed by a replay');
  });

  test('shrinking on a live target stops once it has spent its requests, and says so', async ({}, testInfo) => {
    let requests = 0;
    setPropertyTarget({ live: true, requests: () => requests });
    let calls = 0;
    const error = await failure(
      checkProperty(testInfo, fc.integer({ min: 0, max: 1_000_000 }), async (n) => {
        calls += 1;
        requests += 50; // each case costs 50 requests
        judge(n >= 10);
      }, { label: 'costly', minRuns: 100 }),
    );
    expect(error?.message).toMatch(/stopped early: live shrink budget spent/);
    expect(testInfo.annotations.some((a) => a.type === 'cases' && a.description?.includes(`after ${LIVE_SHRINK_REQUESTS} requests`))).toBe(true);
    // The first failure, the shrink steps the budget paid for, and the replay: nothing more was sent.
    const firstFailure = calls - LIVE_SHRINK_REQUESTS / 50 - 1;
    expect(firstFailure).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(100 + LIVE_SHRINK_REQUESTS / 50 + 1);
  });
});
