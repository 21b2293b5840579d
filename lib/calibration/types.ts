/** The name of an API that has silent points to calibrate (its descriptor's, apis/). */
export type CalibratedApi = string;

/** One request that showed an answer: method, path and query (redacted, no origin), status. */
export interface Evidence {
  method: string;
  path: string;
  status: number;
}

/** What calibration found at one silent point: an answer, or why it could not tell. */
export type PointResult =
  | { id: string; label: string; answer: string; evidence: Evidence[] }
  | { id: string; label: string; undetermined: string; evidence: Evidence[] };

/** A target's answers at the docs' silent points (targets/<name>.<api>.profile.json). */
export interface Profile {
  api: CalibratedApi;
  /** The target's host (mock: "mock"); never credentials. */
  target: string;
  /** When it was calibrated (ISO date-time). */
  calibratedAt: string;
  suiteVersion?: string;
  points: PointResult[];
}

export function isAnswered(point: PointResult): point is Extract<PointResult, { answer: string }> {
  return 'answer' in point;
}

/** The answered points of a profile, by id. */
export function answersOf(profile: Pick<Profile, 'points'>): Map<string, string> {
  return new Map(profile.points.filter(isAnswered).map((p) => [p.id, p.answer]));
}
