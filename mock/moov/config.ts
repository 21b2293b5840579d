import { ConfigError, listOf, nonNegativeInteger, positiveInteger, positiveNumber, requiredAll, valueOf, type Env } from '../../lib/config/configError';
import { profileServing } from '../../lib/calibration/mockProfile';
import { MOOV_SILENT_POINTS } from '../../lib/calibration/moovPoints';
import { weatherFromEnv } from '../shared/weather';
import { FAULT_NAMES, type FaultName } from './faults';
import type { MoovMockSettings } from './settings';
import { VARIANT_NAMES, type VariantName } from './variants';

/** The settings, and which faults are on (MOCK_FAULTS): what the server and the faults folder read. */
export interface MoovMockConfig extends MoovMockSettings {
  faults: ReadonlySet<FaultName>;
}

/**
 * The readings of the silent points a profile may record as a value rather than a variant: the
 * profile's settings where given (MOCK_PROFILE), else what the variants say.
 */
export function recordedReadings(variants: ReadonlySet<VariantName>, settings: Readonly<Record<string, string>> = {}): Pick<MoovMockSettings, 'contentType' | 'duplicateForeignID' | 'malformedAuthorization'> {
  const duplicate = variants.has('duplicate-foreignID-409') ? '409' : settings.duplicateForeignID;
  return {
    contentType: settings.contentType ?? (variants.has('content-type-without-charset') ? 'application/json' : 'application/json; charset=utf-8'),
    duplicateForeignID: duplicate === '400' ? 400 : duplicate === '409' ? 409 : duplicate === '422' ? 422 : 'accepted',
    malformedAuthorization: { basic: settings.malformedBasic === '400' ? 400 : 401, scheme: settings.unknownScheme === '400' ? 400 : 401 },
  };
}

export const MOCK_DEFAULTS = {
  maxBodyBytes: 256 * 1024,
  seedTicketsPerAccount: 30,
  requestLogSize: 5000,
} as const;

/** Reads the mock's settings; every problem is a ConfigError naming the variable. */
export function moovMockConfigFromEnv(env: Env): MoovMockConfig {
  const why = 'the embedded mock takes its accounts and keys from it (defaults are in .env.example)';
  const settings = requiredAll(env, { MOOV_PARTNER_ACCOUNT_ID: why, MOOV_ACCOUNT_ID: why, MOOV_UNRELATED_ACCOUNT_ID: why, MOOV_PUBLIC_KEY: why, MOOV_SECRET_KEY: why });
  // MOCK_PROFILE: answer as a calibrated target did (npm run calibrate); else MOCK_VARIANTS.
  const profile = profileServing(env, MOOV_SILENT_POINTS, 'MOCK_VARIANTS', VARIANT_NAMES);
  const variants = new Set([...listOf(env, 'MOCK_VARIANTS', VARIANT_NAMES), ...profile.variants]);
  const config: MoovMockConfig = {
    partnerAccountID: settings.MOOV_PARTNER_ACCOUNT_ID,
    connectedAccountID: settings.MOOV_ACCOUNT_ID,
    unrelatedAccountID: settings.MOOV_UNRELATED_ACCOUNT_ID,
    publicKey: settings.MOOV_PUBLIC_KEY,
    secretKey: settings.MOOV_SECRET_KEY,
    faults: new Set(listOf(env, 'MOCK_FAULTS', FAULT_NAMES)),
    variants,
    ...recordedReadings(variants, profile.settings),
    rateLimit: valueOf(env, 'MOCK_RATE_LIMIT') === undefined ? undefined : positiveNumber(env, 'MOCK_RATE_LIMIT', 1),
    ...MOCK_DEFAULTS,
    requestLogSize: positiveInteger(env, 'MOCK_REQUEST_LOG_SIZE', MOCK_DEFAULTS.requestLogSize),
    // Thousands per account prove the suite's cost stays bounded on accounts of any size.
    seedTicketsPerAccount: nonNegativeInteger(env, 'MOCK_SEED_TICKETS', MOCK_DEFAULTS.seedTicketsPerAccount),
    weather: weatherFromEnv(env),
    now: () => new Date(),
  };
  const ids = [config.partnerAccountID, config.connectedAccountID, config.unrelatedAccountID];
  if (new Set(ids).size !== 3) {
    throw new ConfigError('MOOV_ACCOUNT_ID', 'MOOV_PARTNER_ACCOUNT_ID, MOOV_ACCOUNT_ID and MOOV_UNRELATED_ACCOUNT_ID must be three different accounts');
  }
  return config;
}
