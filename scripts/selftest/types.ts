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
}

/** One correct reading of the docs where they are silent: the project must pass on it. */
export interface VariantCase {
  name: string;
  env: Record<string, string>;
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
}
