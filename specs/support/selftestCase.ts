import { test as base, type TestInfo, type WorkerInfo } from '@playwright/test';
import { loadEnv } from '../../lib/config/loadEnv';
import { caseEnvironment, OUTSIDE_FOCUS, STOPPED_AFTER_FAILURE, type SelfTestMatrixCase } from '../../lib/config/selftestMatrix';

function selfTestCaseOf(info: TestInfo | WorkerInfo): SelfTestMatrixCase | undefined {
  return info.project.metadata?.selfTestCase as SelfTestMatrixCase | undefined;
}

/**
 * The `test` the conformance projects' fixtures extend. Outside the self-test no project carries
 * a case and both fixtures do nothing. In a self-test matrix run (lib/config/selftestMatrix.ts)
 * every fault or variant case is a Playwright project of its own:
 *
 * - `selfTestCase` (worker, auto, so set up before any other worker fixture): a worker only ever
 *   runs tests of one project, so the whole worker takes its case's environment (target,
 *   strictness, SDK build...) before anything resolves a target;
 * - `selfTestVerdict` (test, auto, so torn down last): a failing test is the evidence the
 *   self-test reads (from the JSON report: status, errors and their check ids, all unchanged),
 *   not a broken worker. Playwright replaces a worker after every unexpected failure, which for
 *   a fault failing most tests of its case meant a process start per test; recording the
 *   failure as this test's expected outcome keeps the case in one worker. A fault case that
 *   asks to stop at its first failure skips its remaining tests from then on (as
 *   `--max-failures=1` would): they would only cost time. A focused case skips every test that
 *   covers none of its checks.
 */
/** Whether a test of this worker's case has failed (a worker runs one case, and a case keeps to one worker). */
let caseFailed = false;

export const test = base.extend<{ selfTestVerdict: void }, { selfTestCase: void }>({
  selfTestCase: [
    async ({}, use, workerInfo) => {
      const c = selfTestCaseOf(workerInfo);
      if (c !== undefined) {
        loadEnv(); // first, so .env cannot fill in what the case deliberately left empty
        Object.assign(process.env, caseEnvironment(c, process.env));
      }
      await use();
    },
    { scope: 'worker', auto: true },
  ],
  selfTestVerdict: [
    async ({}, use, testInfo) => {
      const c = selfTestCaseOf(testInfo);
      if (c?.stopAtFirstFailure && caseFailed) testInfo.skip(true, STOPPED_AFTER_FAILURE);
      const focus = c?.focus;
      if (focus !== undefined && !testInfo.annotations.some((a) => a.type === 'covers' && focus.includes(a.description ?? ''))) testInfo.skip(true, OUTSIDE_FOCUS);
      await use();
      if (c === undefined || testInfo.status === 'skipped' || testInfo.status === testInfo.expectedStatus) return;
      caseFailed = true;
      testInfo.expectedStatus = testInfo.status ?? 'failed';
    },
    { auto: true },
  ],
});
