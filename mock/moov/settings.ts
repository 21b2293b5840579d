import type { Weather } from '../shared/weather';
import type { VariantName } from './variants';

/**
 * The mock's settings that its correct behaviour reads. The fault switches are not among them
 * (config.ts adds them): only the faults folder sees which faults are on.
 */
export interface MoovMockSettings {
  /** The account that owns the API keys (the facilitator). */
  partnerAccountID: string;
  /** An account the partner has connected. */
  connectedAccountID: string;
  /** An account outside the partner's reach. */
  unrelatedAccountID: string;
  publicKey: string;
  secretKey: string;
  variants: ReadonlySet<VariantName>;
  /** The Content-Type of every JSON answer, verbatim (a calibrated target's, through MOCK_PROFILE). */
  contentType: string;
  /** What a create with a foreignID another ticket of the account carries gets: a second ticket, or a refusal with this status. */
  duplicateForeignID: 'accepted' | 400 | 409 | 422;
  /** What a Basic header that does not decode, and an unknown scheme, get (both 401 unless a profile says 400). */
  malformedAuthorization: { basic: 400 | 401; scheme: 400 | 401 };
  /** Requests per second before answering 429; unset means no limit. */
  rateLimit?: number;
  maxBodyBytes: number;
  seedTicketsPerAccount: number;
  /** Where the request log keeps its newest entries (oldest dropped first). */
  requestLogSize: number;
  /** What a gateway in front of it does (MOCK_WEATHER); undefined: calm. */
  weather?: Weather;
  now: () => Date;
}
