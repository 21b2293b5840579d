import { ConfigError, valueOf, type Env } from '../config/configError';
import { profileFor } from './profile';
import type { SilentPointSet } from './calibration';
import { answersOf } from './types';

/** What a mock turns on to answer as a profile says: variants, and settings that take a recorded value. */
export interface ProfileServing<V extends string> {
  variants: V[];
  /** Setting name → the profile's answer (a media type, a page-size cap); see each api's points. */
  settings: Readonly<Record<string, string>>;
}

/**
 * What a mock does to answer as the profile MOCK_PROFILE names for the API of `set` did
 * (nothing without one). A profile chooses every silent-point reading, so it and the mock's own variants variable
 * cannot both be set; an answer the mock cannot give stops the mock with the point named.
 */
export function profileServing<V extends string>(env: Env, set: SilentPointSet, variantsVariable: string, known: readonly V[]): ProfileServing<V> {
  const found = profileFor(env, 'MOCK_PROFILE', set);
  if (!found) return { variants: [], settings: {} };
  if (valueOf(env, variantsVariable) !== undefined) {
    throw new ConfigError('MOCK_PROFILE', `and ${variantsVariable} are both set: the profile ${found.file} chooses the mock's variants; set one or the other`);
  }
  const { variants, settings, unservable } = set.variantsFor(answersOf(found.profile));
  if (unservable.length > 0) throw new ConfigError('MOCK_PROFILE', `${found.file}: the mock cannot serve ${unservable.join('; ')}`);
  // The points name variants by string; one the mock does not know is a mistake in lib/calibration.
  const strange = variants.filter((v) => !(known as readonly string[]).includes(v));
  if (strange.length > 0) throw new Error(`lib/calibration: ${set.api} points serve unknown mock variant(s) ${strange.join(', ')}`);
  return { variants: variants as V[], settings };
}
