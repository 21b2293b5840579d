import { secrets } from '../redaction/secrets';
import { ConfigError, flag, nonNegativeInteger, positiveNumber, requiredAll, valueOf, type Env } from '../config/configError';
import { requestTimeoutFrom } from '../config/requestTimeout';
import { embeddedMockUrl, liveBaseUrl, trimmedBase } from '../config/targetUrl';

export interface MoovTarget {
  kind: 'mock' | 'live';
  baseURL: string;
  publicKey: string;
  secretKey: string;
  partnerAccountID: string;
  accountID: string;
  unrelatedAccountID: string;
  /** X-Moov-Version to send; undefined omits the header. */
  apiVersion?: string;
  allowWrites: boolean;
  /** How many tickets one run may create (tickets cannot be deleted). */
  maxWrites: number;
  /** How long reads may lag a write before it counts as lost. */
  consistencyMs: number;
  /** Client-side request-rate cap; undefined means none. */
  maxRps?: number;
  /** How long one request may go unanswered before it fails as hung. */
  requestTimeoutMs: number;
}

export const MOOV_VERSION_PATTERN = /^(v\d{4}\.(01|04|07|10)\.\d{2}|latest)$/;

export function apiVersionFrom(env: Env, variable = 'MOOV_API_VERSION'): string | undefined {
  const version = valueOf(env, variable);
  if (version !== undefined && !MOOV_VERSION_PATTERN.test(version)) {
    throw new ConfigError(variable, `"${version}" is not a Moov API version (vYYYY.QQ.BB with QQ one of 01, 04, 07, 10, or "latest")`);
  }
  return version;
}

/** The versions MOOV_API_VERSIONS asks for, one Playwright project each. */
export function apiVersionsFrom(env: Env): string[] {
  const raw = valueOf(env, 'MOOV_API_VERSIONS');
  if (raw === undefined) return [];
  const versions = raw.split(',').map((v) => v.trim()).filter(Boolean);
  for (const version of versions) apiVersionFrom({ MOOV_API_VERSIONS: version }, 'MOOV_API_VERSIONS');
  return [...new Set(versions)];
}

/**
 * Where the `moov` and `sdk` projects send requests. MOOV_BASE_URL unset: the embedded mock that
 * global setup started (MOOV_MOCK_URL). Set: that host, after every required setting is checked.
 */
export function resolveMoovTarget(env: Env): MoovTarget {
  secrets.addFromEnv(env);
  secrets.addBasic(valueOf(env, 'MOOV_PUBLIC_KEY'), valueOf(env, 'MOOV_SECRET_KEY') ?? '', '$MOOV_BASIC_CREDENTIALS');
  const apiVersion = apiVersionFrom(env);
  const live = valueOf(env, 'MOOV_BASE_URL') !== undefined;
  const why = live ? 'it is required when MOOV_BASE_URL points at a live target' : 'the embedded mock uses it (default in .env.example)';
  const settings = requiredAll(env, {
    MOOV_PUBLIC_KEY: why,
    MOOV_SECRET_KEY: why,
    MOOV_PARTNER_ACCOUNT_ID: `${why}: the account that owns the keys`,
    MOOV_ACCOUNT_ID: `${why}: an account connected to the partner`,
    MOOV_UNRELATED_ACCOUNT_ID: `${why}: an account the partner cannot reach`,
  });
  const base = {
    publicKey: settings.MOOV_PUBLIC_KEY,
    secretKey: settings.MOOV_SECRET_KEY,
    partnerAccountID: settings.MOOV_PARTNER_ACCOUNT_ID,
    accountID: settings.MOOV_ACCOUNT_ID,
    unrelatedAccountID: settings.MOOV_UNRELATED_ACCOUNT_ID,
    apiVersion,
    requestTimeoutMs: requestTimeoutFrom(env),
  };
  if (new Set([base.partnerAccountID, base.accountID, base.unrelatedAccountID]).size !== 3) {
    throw new ConfigError('MOOV_ACCOUNT_ID', 'MOOV_PARTNER_ACCOUNT_ID, MOOV_ACCOUNT_ID and MOOV_UNRELATED_ACCOUNT_ID must name three different accounts');
  }
  if (!live) {
    const mockUrl = embeddedMockUrl(env, 'MOOV_BASE_URL', 'MOOV_MOCK_URL');
    return { kind: 'mock', baseURL: mockUrl, ...base, allowWrites: true, maxWrites: Number.POSITIVE_INFINITY, consistencyMs: 0, maxRps: undefined };
  }
  const url = liveBaseUrl(env, 'MOOV_BASE_URL', 'MOOV_ALLOWED_HOSTS');
  return {
    kind: 'live',
    baseURL: trimmedBase(url),
    ...base,
    allowWrites: flag(env, 'ALLOW_WRITES'),
    maxWrites: nonNegativeInteger(env, 'MOOV_MAX_WRITES', 25),
    consistencyMs: nonNegativeInteger(env, 'MOOV_CONSISTENCY_MS', 5000),
    maxRps: positiveNumber(env, 'MOOV_MAX_RPS', 5),
  };
}
