import { ConfigError, valueOf, type Env } from '../config/configError';
import { profileFor } from './profile';
import { variantsForProfile } from './registry';
import type { CalibratedApi } from './types';

/**
 * The variants a mock turns on to answer as the profile MOCK_PROFILE names for `api` did (none
 * without one). A profile chooses every silent-point reading, so it and the mock's own variants
 * variable cannot both be set; an answer no variant gives stops the mock with the point named.
 */
export function profileVariants<V extends string>(env: Env, api: CalibratedApi, variantsVariable: string, known: readonly V[]): V[] {
  const found = profileFor(env, 'MOCK_PROFILE', api);
  if (!found) return [];
  if (valueOf(env, variantsVariable) !== undefined) {
    throw new ConfigError('MOCK_PROFILE', `and ${variantsVariable} are both set: the profile ${found.file} chooses the mock's variants; set one or the other`);
  }
  const { variants, unservable } = variantsForProfile(found.profile);
  if (unservable.length > 0) throw new ConfigError('MOCK_PROFILE', `${found.file}: the mock cannot serve ${unservable.join('; ')}`);
  // The points name variants by string; one the mock does not know is a mistake in lib/calibration.
  const strange = variants.filter((v) => !(known as readonly string[]).includes(v));
  if (strange.length > 0) throw new Error(`lib/calibration: ${api} points serve unknown mock variant(s) ${strange.join(', ')}`);
  return variants as V[];
}
