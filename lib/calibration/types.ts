export type CalibratedApi = 'moov' | 'teamwork-desk';

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
