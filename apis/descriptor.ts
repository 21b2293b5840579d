import type { AnyCheck } from '../checks/check';
import type { Calibration } from '../lib/calibration/calibration';
import type { ApiIdentity } from '../lib/apis';
import type { Env } from '../lib/config/configError';
import type { MockServer, TargetKind } from '../lib/targets';
import type { WriteNeed } from '../lib/writePlan';
import type { SelfTestSuite } from './selfTestCases';

/** A Playwright project that runs an API's specs (playwright.config.ts adds them as they are). */
export interface ProjectSpec {
  name: string;
  testDir: string;
  /** Options its fixtures read (e.g. the Moov API version a `moov@<version>` project asks for). */
  use?: Record<string, unknown>;
}

/** A benchmark mode (scripts/bench.ts): the embedded mock; it addressed as a live target; that behind weather; targets that cannot be judged. */
export type BenchMode = 'mock' | 'live' | 'weather' | 'outage';

export const BENCH_MODES: readonly BenchMode[] = ['mock', 'live', 'weather', 'outage'];

/** A figure the bench row of one mode (any mode where unset) and size must stay within. */
export interface BenchTarget {
  mode?: BenchMode;
  size: string;
  maxRequests?: number;
  maxSeconds?: number;
}

/** What `npm run bench` measures of an API's project by default, and the figures it must meet (README). */
export interface BenchPlan {
  /** Sizes of the mock's data (its size variable; `default`: its own seed), chosen otherwise with --sizes or --<name>-sizes. */
  sizes: readonly string[];
  /** The project costs the same at any size: its sizes are always these. */
  sizeless?: boolean;
  /** The modes it is measured in (all unless given). */
  modes?: readonly BenchMode[];
  /** What a size counts, after the number in the table ("per account"). */
  sizeUnit?: string;
  targets: readonly BenchTarget[];
}

/**
 * Everything the shared parts of the suite need of one API, in one place: who it is (name,
 * titles, contract), the kind of target its tests address (settings, health request, cleanup)
 * and the mock that stands in for it, its checks, its Playwright projects, its write needs, its
 * calibration, its self-test cases and its benchmark plan. Registered in one list (apis/index.ts); config, global setup, the reports, the catalogue,
 * the self-test, the bench and `npm run mock` iterate over the list and name no API of their own.
 */
export interface ApiDescriptor<Name extends string = string> extends ApiIdentity {
  name: Name;
  /** The kind of server its tests address; two APIs may share one (the SDK is judged against a Moov target). */
  target: TargetKind;
  /** The embedded mock of that kind of server. */
  mock: MockServer;
  /** Its checks (ids unique across every API: the registry refuses a repeat). */
  checks: readonly AnyCheck[];
  /** The ids of those every response gets, whichever test sent it (schema, headers): no fault case is focused on them. */
  responseCheckIds: readonly string[];
  /** Its Playwright projects for this environment: its name always, versions where the API has them. */
  projects(env: Env): ProjectSpec[];
  /**
   * What its tests that write need of their target's write budget (tickets; live targets cap them),
   * in priority order, by the key a test asks for its share with. The APIs that address one kind
   * of target share its budget (apis/lookup.ts writeNeedsOf). None: its tests do not write.
   */
  writeNeeds?: () => ReadonlyMap<string, WriteNeed>;
  /** Its silent points and their probe, where it has any (`npm run calibrate`, MOCK_PROFILE, CONFORMANCE_PROFILE). */
  calibration?: Calibration;
  /** Its injected faults and correct variants, and how the self-test runs them. */
  selfTest: SelfTestSuite;
  /**
   * The mock size live-mode self-tests seed it with (tickets; per account where the API has
   * accounts): large enough that a project walking a whole account shows up.
   */
  largeSeed: number;
  bench: BenchPlan;
}

/** Keeps a descriptor's literal name in its type. */
export function describeApi<const Name extends string>(api: ApiDescriptor<Name>): ApiDescriptor<Name> {
  return api;
}
