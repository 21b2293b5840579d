import { MOOV_POINTS, moovVariantsFor } from './moovPoints';
import type { PointInfo, ServedProfile } from './points';
import { isAnswered, type CalibratedApi, type Profile } from './types';
import { TEAMWORK_DESK_POINTS, teamworkDeskVariantsFor } from './teamworkDeskPoints';

/** The silent points the suite knows for `api`, in the order calibration probes them. */
export function pointsOf(api: CalibratedApi): readonly PointInfo[] {
  return api === 'moov' ? MOOV_POINTS : TEAMWORK_DESK_POINTS;
}

/** The answered points of a profile, by id. */
export function answersOf(profile: Pick<Profile, 'points'>): Map<string, string> {
  return new Map(profile.points.filter(isAnswered).map((p) => [p.id, p.answer]));
}

/**
 * The mock variants and settings that answer as the profile says (undetermined points keep the
 * mock's default reading), and the answers the mock cannot give.
 */
export function variantsForProfile(profile: Pick<Profile, 'api' | 'points'>): ServedProfile {
  const answers = answersOf(profile);
  return profile.api === 'moov' ? moovVariantsFor(answers) : teamworkDeskVariantsFor(answers);
}
