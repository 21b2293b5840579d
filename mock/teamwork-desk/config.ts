import { weatherFromEnv, type Weather } from '../shared/weather';
import { listOf, nonNegativeInteger, positiveInteger, positiveNumber, required, valueOf, type Env } from '../../lib/config/configError';
import { profileServing } from '../../lib/calibration/mockProfile';
import { pageSizeCap, TEAMWORK_DESK_SILENT_POINTS } from '../../lib/calibration/teamworkDeskPoints';
import { FAULT_NAMES, tamperFor, VARIANT_NAMES, type FaultName, type VariantName } from './faults';
import type { Tamper } from './seams';
import type { StateValues, TimestampPrecision } from './seed';

export type { StateValues, TimestampPrecision } from './seed';

export interface TeamworkDeskMockConfig {
  /** The key the mock accepts (Bearer, or HTTP Basic user name). */
  apiKey: string;
  /** The faults switched on (TEAMWORK_DESK_MOCK_FAULTS), for the record: the code meets them only as `tamper`. */
  faults: ReadonlySet<FaultName>;
  /** Where those faults change the correct answer (faults/<family>.ts); every seam gives back what it gets without faults. */
  tamper: Tamper;
  variants: ReadonlySet<VariantName>;
  /** Requests per second before answering 429; unset means no limit. */
  rateLimit?: number;
  /** Longest request target (path and query) served; longer is a 414. */
  maxUrlBytes: number;
  /** A GET needs no body; one larger than this is a 413. */
  maxBodyBytes: number;
  /** Deepest filter JSON evaluated; deeper is a 400 (keeps validation and evaluation off the stack limit). */
  maxFilterDepth: number;
  defaultPageSize: number;
  /** Largest pageSize served; larger requests get this many (and say so), or a 400 (overPageSizeCap). Undefined: no cap. */
  maxPageSize?: number;
  overPageSizeCap: 'cap' | 'refuse';
  /** The Content-Type of every JSON answer, verbatim (a calibrated target's, through MOCK_PROFILE). */
  contentType: string;
  /** How many tickets the seed holds. */
  seedTickets: number;
  /** How date-times are kept and written. */
  timestamps: TimestampPrecision;
  /** What `state` holds for an active and for a deleted ticket. */
  states: StateValues;
  /** How many requests the request log keeps (newest). */
  requestLogSize: number;
  /** What a gateway in front of it does (MOCK_WEATHER, shared with the Moov mock); undefined: calm. */
  weather?: Weather;
}

function statesFor(variants: ReadonlySet<VariantName>): StateValues {
  if (variants.has('state-uppercase')) return { active: 'ACTIVE', deleted: 'DELETED' };
  if (variants.has('state-as-integer')) return { active: 1, deleted: 0 };
  return { active: 'active', deleted: 'deleted' };
}

function timestampsFor(variants: ReadonlySet<VariantName>): TimestampPrecision {
  if (variants.has('microsecond-timestamps')) return 'microseconds';
  if (variants.has('microseconds-sent-as-milliseconds')) return 'microseconds-sent-as-milliseconds';
  return 'milliseconds';
}

/** Page sizes: a profile's recorded default and cap (MOCK_PROFILE settings), else what the variants say. */
export function pageSizesFor(variants: ReadonlySet<VariantName>, settings: Readonly<Record<string, string>> = {}): Pick<TeamworkDeskMockConfig, 'defaultPageSize' | 'maxPageSize' | 'overPageSizeCap' | 'contentType'> {
  const recorded = settings.pageSizeCap === undefined ? undefined : pageSizeCap(settings.pageSizeCap);
  const cap = recorded ?? (variants.has('max-page-size-50') ? { overCap: 'cap' as const, maxPageSize: 50 } : variants.has('page-size-over-50-refused') ? { overCap: 'refuse' as const, maxPageSize: 50 } : undefined);
  return {
    defaultPageSize: settings.defaultPageSize !== undefined ? Number(settings.defaultPageSize) : variants.has('default-page-size-10') ? 10 : MOCK_DEFAULTS.defaultPageSize,
    maxPageSize: cap?.maxPageSize,
    overPageSizeCap: cap?.overCap ?? 'cap',
    contentType: settings.contentType ?? (variants.has('content-type-without-charset') ? 'application/json' : 'application/json; charset=utf-8'),
  };
}

export const MOCK_DEFAULTS = {
  maxUrlBytes: 8 * 1024,
  maxBodyBytes: 64 * 1024,
  maxFilterDepth: 16,
  defaultPageSize: 25,
  // Prime, so no page size but 1 and itself divides it: a last page is nearly always partial.
  seedTickets: 103,
  requestLogSize: 5000,
} as const;

/** Reads the mock's settings; every problem is a ConfigError naming the variable. */
export function teamworkDeskMockConfigFromEnv(env: Env): TeamworkDeskMockConfig {
  // MOCK_PROFILE: answer as a calibrated target did (npm run calibrate); else TEAMWORK_DESK_MOCK_VARIANTS.
  const profile = profileServing(env, TEAMWORK_DESK_SILENT_POINTS, 'TEAMWORK_DESK_MOCK_VARIANTS', VARIANT_NAMES);
  const variants = new Set([...listOf(env, 'TEAMWORK_DESK_MOCK_VARIANTS', VARIANT_NAMES), ...profile.variants]);
  const faults = new Set(listOf(env, 'TEAMWORK_DESK_MOCK_FAULTS', FAULT_NAMES));
  return {
    apiKey: required(env, 'TEAMWORK_DESK_API_KEY', 'the embedded mock accepts it as its API key (default in .env.example)'),
    faults,
    tamper: tamperFor(faults),
    variants,
    rateLimit: valueOf(env, 'TEAMWORK_DESK_MOCK_RATE_LIMIT') === undefined ? undefined : positiveNumber(env, 'TEAMWORK_DESK_MOCK_RATE_LIMIT', 1),
    ...MOCK_DEFAULTS,
    ...pageSizesFor(variants, profile.settings),
    timestamps: timestampsFor(variants),
    states: statesFor(variants),
    requestLogSize: positiveInteger(env, 'MOCK_REQUEST_LOG_SIZE', MOCK_DEFAULTS.requestLogSize),
    // Tens of thousands prove the suite's cost stays bounded on sites of any size.
    seedTickets: nonNegativeInteger(env, 'TEAMWORK_DESK_MOCK_SEED_TICKETS', MOCK_DEFAULTS.seedTickets),
    weather: weatherFromEnv(env),
  };
}
