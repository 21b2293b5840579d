import type { TestInfo } from '@playwright/test';

/**
 * The hook a transport calls before each wait and request (Transport.onTimeNeeded): the running
 * test's time limit grows by what that request may take, so the limit follows the requests it
 * plans and the rate cap. A test without a limit (timeout 0, e.g. under --debug) keeps none.
 */
export function extendTimeLimit(testInfo: TestInfo): (ms: number) => void {
  return (ms) => {
    if (testInfo.timeout > 0) testInfo.setTimeout(testInfo.timeout + ms);
  };
}
