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
  faults: FaultCase[];
  variants: VariantCase[];
  /**
   * Where the project is self-tested: against the embedded mock (`mock`) and against the mock
   * addressed as a live target (`live`). Both unless the project says otherwise.
   */
  modes?: ReadonlyArray<'mock' | 'live'>;
  /**
   * The variants run combined, in these groups of variant case names (a group's members must run
   * in the same modes): a real server makes every silent-point choice at once, and a whole
   * project run per variant cost minutes of the self-test (over a hundred runs across both modes).
   * Every variant is in exactly one group; variants that exclude or mask each other (a count above
   * 200 capped or refused; an empty update refused, and `status: ""` read as an empty update) are
   * in different groups. Without groups, each variant runs alone.
   */
  variantGroups?: ReadonlyArray<readonly string[]>;
  /**
   * Live mode also runs the project against targets that cannot be judged (refusing, silent, one
   * that dies after this many requests, mid-run): each must end inconclusive, fast.
   */
  outages?: { dieAfterRequests: number };
}
