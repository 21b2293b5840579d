import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { moovResponseChecks } from '../../checks/moov/response';
import { teamworkDeskResponseChecks } from '../../checks/teamwork-desk/response';
import { playwright } from '../../lib/playwrightRun';

/**
 * Checks every response gets, whichever test sent the request: a test that names one in its
 * `covers` is not the only test that can fail through it, so a fault case is never focused on one.
 */
export const RESPONSE_CHECK_IDS: ReadonlySet<string> = new Set(
  [moovResponseChecks, teamworkDeskResponseChecks].flatMap((checks) => Object.values(checks).flatMap((c) => (c === undefined ? [] : [c.id]))),
);

interface ListedSuite {
  suites?: ListedSuite[];
  specs?: Array<{ tests: Array<{ projectName: string; annotations?: Array<{ type: string; description?: string }> }> }>;
}

/**
 * The check ids each project's tests declare they cover (their `covers` annotations), read from a
 * `playwright test --list` of those projects, less the response checks: what a fault case can be
 * focused on.
 */
export async function coveredChecks(projects: string[], dir: string): Promise<Map<string, Set<string>>> {
  const file = join(dir, 'list.json');
  const run = await playwright(['test', '--list', '--reporter=json', ...projects.map((p) => `--project=${p}`)], { PLAYWRIGHT_JSON_OUTPUT_FILE: file });
  rmSync(run.reportDir, { recursive: true, force: true });
  rmSync(run.outputDir, { recursive: true, force: true });
  let listed: { suites?: ListedSuite[] };
  try {
    listed = JSON.parse(readFileSync(file, 'utf8')) as { suites?: ListedSuite[] };
  } catch {
    throw new Error(`self-test: could not list the tests of ${projects.join(', ')} (exit ${run.code})\n${run.output.slice(-2000)}`);
  }
  const covered = new Map<string, Set<string>>(projects.map((p) => [p, new Set<string>()]));
  const visit = (suite: ListedSuite): void => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const ids = covered.get(test.projectName);
        for (const a of test.annotations ?? []) if (a.type === 'covers' && a.description && !RESPONSE_CHECK_IDS.has(a.description)) ids?.add(a.description);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of listed.suites ?? []) visit(suite);
  return covered;
}
