import fc from 'fast-check';
import { test, type TestInfo } from '@playwright/test';
import { propertySettings, seedFor } from '../../lib/config/properties';
import { valueOf } from '../../lib/config/configError';
import { secrets } from '../../lib/redaction/secrets';
import { grepArgument } from '../../lib/shell';
import { reproductionEnv } from '../../lib/config/reproduction';
import { outcomes } from '../../checks/outcomes';
import { PROPERTY_REPLAY_ATTACHMENT, type PropertyReplay } from '../../checks/attachments';

/** Errors that mean "this run cannot go on here", not "the target is wrong": the test is skipped. */
export class SkipRun extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SkipRun';
  }
}

let propertyDepth = 0;

/** What properties need to know of the running test's target (set by each API's fixture). */
export interface PropertyTarget {
  /** A live target: failures are confirmed by a replay, shrinking has a request budget. */
  live: boolean;
  /** Requests the worker has sent so far (shrinking's budget is counted in them). */
  requests: () => number;
}

let propertyTarget: PropertyTarget = { live: false, requests: () => 0 };
let confirming = false;

export function setPropertyTarget(target: PropertyTarget): void {
  propertyTarget = target;
}

/** True while a live failure's case is replayed to confirm it (writes then come from the plan's reserve). */
export function isConfirming(): boolean {
  return confirming;
}

/**
 * Requests shrinking may spend on a live target after the first failure; past it the smallest
 * counterexample found so far is reported, with a note that shrinking stopped early.
 */
export const LIVE_SHRINK_REQUESTS = 150;

/**
 * Stops the running test as skipped (a rate limit outlasting its retries, a spent write budget):
 * inside a property it throws SkipRun, which checkProperty turns into a skip once fast-check
 * lets go; anywhere else it skips at once.
 */
export function skipRun(reason: string): never {
  if (propertyDepth > 0) throw new SkipRun(reason);
  test.skip(true, reason);
  throw new SkipRun(reason); // test.skip throws; this line satisfies the type checker
}

export interface PropertyOptions {
  /** A label distinguishing several properties in one test (part of the seed). */
  label?: string;
  /** Fraction of CONFORMANCE_RUNS this property runs (expensive ones run fewer). Default 1. */
  scale?: number;
  /** Fewest runs whatever the scale. Default 3. */
  minRuns?: number;
  /** Most runs, whatever CONFORMANCE_RUNS says: what the write plan leaves room for. */
  maxRuns?: number;
  /**
   * The property creates tickets on a live target when it fails (a target accepting what it should
   * refuse): report the first failing case without shrinking, which would create more.
   */
  writesOnFailure?: boolean;
  /** Called before a live failure's case is replayed (e.g. to give a model's write counter its tickets back). */
  beforeReplay?: () => void;
}


/**
 * Runs a fast-check property under the run's seed (derived per test and label, so order does not
 * matter). A failure is rethrown with the seed, the shrunk counterexample, the underlying check
 * failure and the one command that replays it.
 */
export async function checkProperty<T>(testInfo: TestInfo, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, options: PropertyOptions = {}): Promise<void> {
  const { runs, seed: baseSeed } = propertySettings(process.env);
  const label = options.label ?? 'property';
  const title = testInfo.titlePath.slice(1).join(' › ');
  const seed = seedFor(baseSeed, `${title}#${label}`);
  const numRuns = Math.min(options.maxRuns ?? Number.POSITIVE_INFINITY, Math.max(options.minRuns ?? 3, Math.round(runs * (options.scale ?? 1))));
  if (numRuns < 1) test.skip(true, `property "${label}": no case fits the write plan`);
  // The report says how many cases a write-planned property got of those CONFORMANCE_RUNS asks for.
  if (options.maxRuns !== undefined) {
    const requested = Math.max(options.minRuns ?? 3, Math.round(runs * (options.scale ?? 1)));
    testInfo.annotations.push({ type: 'cases', description: `${testInfo.title}: ${numRuns} of ${requested} cases ran${numRuns < requested ? ' (the write plan had room for no more)' : ''}` });
  }
  const replayPath = valueOf(process.env, 'CONFORMANCE_REPLAY_PATH');
  const live = propertyTarget.live;
  // Once the target cannot be judged (SkipRun: unavailable, rate-limited, out of budget) nothing
  // more is sent: every later case passes at once, so fast-check neither runs nor shrinks on
  // weather. On a live target shrinking stops the same way once it has spent its requests.
  let stopped: SkipRun | undefined;
  let firstFailureAt: number | undefined;
  let shrinkStopped = false;
  const guarded = async (value: T): Promise<void> => {
    if (stopped) return;
    if (live && firstFailureAt !== undefined && propertyTarget.requests() - firstFailureAt >= LIVE_SHRINK_REQUESTS) {
      shrinkStopped = true;
      return;
    }
    try {
      await predicate(value);
    } catch (error) {
      if (error instanceof SkipRun) {
        stopped = error;
        return;
      }
      firstFailureAt ??= propertyTarget.requests();
      throw error;
    }
  };
  const mark = outcomes.mark();
  propertyDepth += 1;
  let details: fc.RunDetails<[T]>;
  try {
    details = await fc.check(fc.asyncProperty(arbitrary, guarded), {
      seed,
      numRuns,
      ...(options.writesOnFailure ? { endOnFailure: true } : {}),
      ...(replayPath ? { path: replayPath, endOnFailure: true } : {}),
    });
  } finally {
    propertyDepth -= 1;
  }
  if (stopped && (!details.failed || live)) {
    // A live failure seen before the target went away cannot be confirmed: it is not a verdict.
    if (live) outcomes.unconfirm(mark);
    test.skip(true, stopped.reason);
  }
  if (!details.failed) return;
  const error = details.errorInstance;
  if (error instanceof SkipRun) test.skip(true, error.reason);
  if (shrinkStopped) testInfo.annotations.push({ type: 'cases', description: `${testInfo.title}: shrinking stopped early after ${LIVE_SHRINK_REQUESTS} requests on the live target; the counterexample is the smallest found by then` });
  // On a live target a failure counts only when its case fails again (weather, another client's
  // writes and lag can make evidence that does not repeat).
  const confirmation = live && !replayPath ? await replayCase(details.counterexample, predicate, options) : 'confirmed';
  if (confirmation === 'not reproducible') {
    const taken = outcomes.unconfirm(mark);
    const cause = error instanceof Error ? error.message : String(error);
    testInfo.annotations.push({ type: 'not reproducible', description: `${testInfo.title}: ${taken} finding(s) did not repeat when the failing case was replayed on the live target; not counted as a failure. First seen:\n${secrets.redact(cause)}` });
    return;
  }
  const counterexample = secrets.redact(fc.stringify(details.counterexample));
  // The run's settings go with it (MOCK_FAULTS, the target...): without them the replay would pass.
  const command = `${reproductionEnv(process.env)}CONFORMANCE_SEED=${baseSeed} CONFORMANCE_REPLAY_PATH=${details.counterexamplePath ?? ''} npx playwright test --project=${testInfo.project.name} -g ${grepArgument(testInfo.title)}`;
  const replay: PropertyReplay = { title, label, baseSeed, seed, path: details.counterexamplePath ?? '', counterexample, command };
  await testInfo.attach(PROPERTY_REPLAY_ATTACHMENT, { body: JSON.stringify(replay, null, 2), contentType: 'application/json' });
  const cause = error instanceof Error ? error.message : String(error);
  const message = [
    `Property "${options.label ?? testInfo.title}" failed after ${details.numRuns} run(s), shrunk ${details.numShrinks} time(s)${shrinkStopped ? ' (stopped early: live shrink budget spent)' : ''}${confirmation === 'unconfirmed' ? ' (not replayed: the write plan had no ticket left for it)' : live ? ' (confirmed by a replay)' : ''}.`,
    `  seed ${seed} (CONFORMANCE_SEED=${baseSeed}), path ${details.counterexamplePath ?? ''}`,
    `  counterexample: ${counterexample}`,
    `  replay: ${command}`,
    cause,
  ].join('\n');
  const failure = new Error(message);
  failure.name = error instanceof Error ? error.name : 'PropertyFailure';
  // The message is the story; a stack of fast-check internals would only bury it.
  failure.stack = `${failure.name}: ${message}`;
  throw failure;
}

/**
 * Replays a live failure's case once: 'confirmed' when it fails again, 'not reproducible' when it
 * passes, 'unconfirmed' when the replay could not run (no write budget left, target unavailable):
 * the first failure then stands, said to be unconfirmed.
 */
async function replayCase<T>(counterexample: [T] | null, predicate: (value: T) => Promise<void>, options: PropertyOptions): Promise<'confirmed' | 'not reproducible' | 'unconfirmed'> {
  if (counterexample === null) return 'confirmed';
  options.beforeReplay?.();
  confirming = true;
  propertyDepth += 1;
  try {
    await predicate(counterexample[0]);
    return 'not reproducible';
  } catch (error) {
    return error instanceof SkipRun ? 'unconfirmed' : 'confirmed';
  } finally {
    confirming = false;
    propertyDepth -= 1;
  }
}
