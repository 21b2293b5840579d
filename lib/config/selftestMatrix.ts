import { readFileSync } from 'node:fs';
import { ConfigError, valueOf, type Env } from './configError';
import { runId } from './run';

/**
 * The self-test's case matrix. When CONFORMANCE_SELFTEST_MATRIX names a JSON file of this shape,
 * playwright.config.ts adds one Playwright project per case (`moov~page-gap`, running the specs of
 * its `base` project) and each of that project's workers applies the case's environment before
 * anything resolves a target. One Playwright process then runs many fault and variant
 * configurations, instead of one process each. Without the variable nothing changes.
 */
export interface SelfTestMatrix {
  cases: SelfTestMatrixCase[];
}

export interface SelfTestMatrixCase {
  /** The Playwright project name: `<base>~<case>`, letters, digits, `.`, `_`, `-`, `~` and `@` only. */
  name: string;
  /** The conformance project whose specs it runs. */
  base: string;
  /** Environment overrides for the case's workers (target URLs, CONFORMANCE_STRICT, MOOV_SDK_MODULE...). */
  env: Record<string, string>;
  /**
   * Skip the case's remaining tests once one has failed (what `--max-failures=1` does for a
   * whole run): a fault case has made its point with its first failure.
   */
  stopAtFirstFailure?: boolean;
  /**
   * Check ids: only the tests that cover one of them (their `covers` annotations) run. A fault
   * case names the checks that must catch it; the tests that cover none of them cannot be the
   * evidence the self-test looks for, and every test is independent of the others, so the run
   * this case stands for (all of them) would fail through the same test.
   */
  focus?: string[];
  /**
   * A RegExp source its project takes as `grep`: the focused tests by title, so its worker loads
   * and dispatches only those (the focus skip above stays the authority).
   */
  grep?: string;
}

/** The skip reason of the tests a stopAtFirstFailure case no longer runs. */
export const STOPPED_AFTER_FAILURE = 'self-test: this fault case has already failed';

/** The skip reason of the tests a focused case does not need. */
export const OUTSIDE_FOCUS = 'self-test: this test covers none of the checks this fault case expects';

export const MATRIX_VARIABLE = 'CONFORMANCE_SELFTEST_MATRIX';
const NAME = /^[\w.@~-]+$/;

/**
 * The matrix CONFORMANCE_SELFTEST_MATRIX names, or none; a malformed one, or a case whose base is
 * none of `bases` (the conformance projects, when the caller knows them), stops the run.
 */
export function selfTestMatrix(env: Env, bases?: readonly string[]): SelfTestMatrixCase[] {
  const file = valueOf(env, MATRIX_VARIABLE);
  if (file === undefined) return [];
  let matrix: SelfTestMatrix;
  try {
    matrix = JSON.parse(readFileSync(file, 'utf8')) as SelfTestMatrix;
  } catch (error) {
    throw new ConfigError(MATRIX_VARIABLE, `cannot read the self-test matrix ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const seen = new Set<string>();
  for (const c of matrix.cases ?? []) {
    const badFocus = c.focus !== undefined && (!Array.isArray(c.focus) || c.focus.some((id) => typeof id !== 'string'));
    if (typeof c.name !== 'string' || !NAME.test(c.name) || seen.has(c.name) || typeof c.base !== 'string' || (bases !== undefined && !bases.includes(c.base)) || typeof c.env !== 'object' || c.env === null || badFocus || !isRegExpSource(c.grep)) {
      throw new ConfigError(MATRIX_VARIABLE, `malformed or repeated case ${JSON.stringify(c.name)} in ${file}`);
    }
    seen.add(c.name);
  }
  return matrix.cases ?? [];
}

function isRegExpSource(source: unknown): boolean {
  if (source === undefined) return true;
  if (typeof source !== 'string') return false;
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/**
 * The environment a case's workers run with, on top of the run's. Each case is a run of its own
 * against a target of its own: its own run id, hence its own write budget, ledger and ticket
 * label (a shared id would make every case of a batch draw from one MOOV_MAX_WRITES budget).
 */
export function caseEnvironment(c: SelfTestMatrixCase, env: Env): Record<string, string> {
  return { CONFORMANCE_RUN_ID: `${runId(env)}~${c.name}`, ...c.env };
}
