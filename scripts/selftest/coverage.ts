import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { APIS } from '../../apis';
import { playwright } from '../../lib/playwrightRun';

/**
 * Checks every response gets, whichever test sent the request: a test that names one in its
 * `covers` is not the only test that can fail through it, so a fault case is never focused on one.
 */
export const RESPONSE_CHECK_IDS: ReadonlySet<string> = new Set(APIS.flatMap((api) => api.responseCheckIds));

interface ListedSuite {
  suites?: ListedSuite[];
  specs?: Array<{ title: string; tests: Array<{ projectName: string; annotations?: Array<{ type: string; description?: string }> }> }>;
}

/** A test of a project, by title, with the check ids it declares it covers (response checks left out). */
export interface CoveringTest {
  title: string;
  covers: string[];
}

/**
 * Each project's tests and the check ids they declare they cover (their `covers` annotations),
 * read from a `playwright test --list` of those projects, less the response checks: what a fault
 * case can be focused on, and which tests it then runs.
 */
export async function coveringTests(projects: string[], dir: string): Promise<Map<string, CoveringTest[]>> {
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
  const covered = new Map<string, CoveringTest[]>(projects.map((p) => [p, []]));
  const visit = (suite: ListedSuite): void => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const covers = (test.annotations ?? []).flatMap((a) => (a.type === 'covers' && a.description && !RESPONSE_CHECK_IDS.has(a.description) ? [a.description] : []));
        covered.get(test.projectName)?.push({ title: spec.title, covers });
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of listed.suites ?? []) visit(suite);
  return covered;
}

/**
 * A project-level `grep` (a RegExp source) selecting the tests that cover one of `checks`, by
 * title: Playwright then neither loads other spec files into the case's worker nor dispatches
 * their tests only to skip them. It may select more (a title repeated elsewhere); the focus skip
 * in specs/support/selftestCase.ts stays the authority.
 */
export function grepFor(tests: readonly CoveringTest[], checks: readonly string[]): string | undefined {
  const titles = [...new Set(tests.filter((t) => t.covers.some((id) => checks.includes(id))).map((t) => t.title))];
  if (titles.length === 0) return undefined;
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return ` (?:${titles.map(escape).join('|')})(?: @\\S+)*$`;
}
