import type { TestInfo } from '@playwright/test';
import { flag } from '../config/configError';
import type { ProfileFile } from './profile';
import { isAnswered, type CalibratedApi, type Evidence, type Profile } from './types';

/** A silent point where the target now answers otherwise than its profile says. */
export interface DriftFinding {
  api: CalibratedApi;
  point: string;
  label: string;
  /** The profile's answer, and this run's. */
  was: string;
  now: string;
  /** The profile's file and calibration date (YYYY-MM-DD). */
  profile: string;
  since: string;
  /** The requests that show this run's answer. */
  evidence: Evidence[];
  /** "account outside reach: 403 → 404 since the profile of 2026-11-30". */
  text: string;
}

/** What one run's drift check found for one api; the conformance reporter gathers these. */
export interface DriftAttachment {
  api: CalibratedApi;
  profile: string;
  since: string;
  /** Points answered both in the profile and now. */
  compared: number;
  findings: DriftFinding[];
  /** True when CONFORMANCE_STRICT made the findings fail the run. */
  strict: boolean;
}

export const DRIFT_ATTACHMENT = 'calibration-drift';

/** Each point answered both in the profile and now, whose answers differ. */
export function driftBetween(found: ProfileFile, now: Profile): DriftFinding[] {
  const since = found.profile.calibratedAt.slice(0, 10);
  const was = new Map(found.profile.points.filter(isAnswered).map((p) => [p.id, p.answer]));
  return now.points.filter(isAnswered).flatMap((point) => {
    const before = was.get(point.id);
    if (before === undefined || before === point.answer) return [];
    const text = `${point.label}: ${before} → ${point.answer} since the profile of ${since}`;
    return [{ api: now.api, point: point.id, label: point.label, was: before, now: point.answer, profile: found.file, since, evidence: point.evidence, text }];
  });
}

/**
 * Reports drift from a test: one `drift` annotation per finding (Playwright's JUnit report lists a
 * test's annotations as properties), an attachment the conformance reporter turns into its drift
 * section, and, under CONFORMANCE_STRICT=true, a failure naming every finding. Advisory otherwise.
 */
export async function reportDrift(testInfo: TestInfo, found: ProfileFile, now: Profile): Promise<DriftFinding[]> {
  const findings = driftBetween(found, now);
  const strict = flag(process.env, 'CONFORMANCE_STRICT');
  for (const f of findings) testInfo.annotations.push({ type: 'drift', description: f.text });
  const compared = now.points.filter(isAnswered).filter((p) => found.profile.points.some((q) => q.id === p.id && isAnswered(q))).length;
  const body: DriftAttachment = { api: now.api, profile: found.file, since: found.profile.calibratedAt.slice(0, 10), compared, findings, strict: strict && findings.length > 0 };
  await testInfo.attach(DRIFT_ATTACHMENT, { body: JSON.stringify(body), contentType: 'application/json' });
  if (strict && findings.length > 0) {
    const lines = findings.map((f) => `  ${f.text} (${f.evidence.map((e) => `${e.method} ${e.path} → ${e.status}`).join('; ')})`);
    throw new Error(`[drift] ${findings.length} silent point(s) answer otherwise than ${found.file} says (CONFORMANCE_STRICT=true):\n${lines.join('\n')}`);
  }
  return findings;
}
