import type { APIRequestContext } from '@playwright/test';
import type { Env } from '../config/configError';
import type { PointInfo, ServedProfile } from './points';
import type { SilentPoint } from './silentPoints';
import type { CalibratedApi, PointResult, Profile } from './types';

/**
 * An API's silent points and how its mock serves their answers: enough to validate a profile
 * (lib/calibration/profile.ts) and for the mock to answer as one says (mockProfile.ts). The mock
 * takes this part alone; probing a target is the Calibration's.
 */
export interface SilentPointSet {
  api: CalibratedApi;
  /** Where the docs leave a choice: the readings accepted, and the points that record a target's. */
  silences: readonly SilentPoint[];
  /** In the order calibration probes them. */
  points: readonly PointInfo[];
  /** The mock variants and settings that answer as `answers` (point id → answer) say, and the answers the mock cannot give. */
  variantsFor(answers: ReadonlyMap<string, string>): ServedProfile;
}

/** How one calibration run goes. */
export interface ProbeRun {
  /** What tickets the probes create are labelled with (the calibrate script's, a drift test's); unique within the run. */
  label: string;
  /** Why write probes are not sent (their points are then undetermined with this reason); unset: the target's settings decide. */
  writesOff?: string;
  /** After each point, for progress lines. */
  onPoint?: (result: PointResult) => void;
  /** A line for the console: what is calibrated where, what was cleaned up. */
  say?: (line: string) => void;
  /** The transport's hook before each wait and request (Transport.onTimeNeeded): a test's time limit follows the probes. */
  onTimeNeeded?: (ms: number) => void;
}

/**
 * An API's calibration: its silent points, and the probe of a target at each. Each API's own
 * file defines it (lib/calibration/moov.ts, lib/calibration/teamworkDesk.ts); its descriptor
 * (apis/) names it, and the calibrate script, global setup and the drift tests take it from there.
 */
export interface Calibration extends SilentPointSet {
  /** Probes the target `env` configures (its embedded mock where `env` points there) at every point. */
  probe(http: APIRequestContext, env: Env, run: ProbeRun): Promise<Profile>;
}
