/** One injected fault: the environment that switches it on and the check ids that may catch it. */
export interface FaultCase {
  name: string;
  env: Record<string, string>;
  expect: string[];
  /**
   * Run every test instead of stopping at the first failure: for faults that also trip checks
   * earlier in the run, where the check that guards this very promise must still be seen failing.
   */
  fullRun?: boolean;
  /** Where this case runs, when not in every mode its project runs in. */
  modes?: ReadonlyArray<'mock' | 'live'>;
}

/** One correct reading of the docs where they are silent: the project must pass on it. */
export interface VariantCase {
  name: string;
  env: Record<string, string>;
  /** Where this case runs, when not in every mode its project runs in. */
  modes?: ReadonlyArray<'mock' | 'live'>;
}

export interface SelfTestSuite {
  project: string;
  faults: FaultCase[];
  variants: VariantCase[];
  /**
   * Where the project is self-tested: against the embedded mock (`mock`) and against the mock
   * addressed as a live target (`live`). Both unless the project says otherwise.
   */
  modes?: ReadonlyArray<'mock' | 'live'>;
  /**
   * Live mode runs the variants combined, in these groups of variant case names: a real server
   * makes every silent-point choice at once, and at live mode's scale a run per variant costs
   * minutes. Mock mode still runs each variant alone. Every variant live mode runs is in exactly
   * one group; variants that exclude each other are in different groups.
   */
  liveVariantGroups?: ReadonlyArray<readonly string[]>;
}
