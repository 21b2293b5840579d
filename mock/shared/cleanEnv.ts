/**
 * The environment a mock started by a script reads its settings from: the caller's, without any
 * target, fault, variant or rate limit of its own, so the mock answers as the contract says.
 */
export function cleanMockEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    MOOV_BASE_URL: '',
    TEAMWORK_DESK_BASE_URL: '',
    MOCK_FAULTS: '',
    MOCK_VARIANTS: '',
    MOCK_RATE_LIMIT: '',
    MOCK_WEATHER: '',
    TEAMWORK_DESK_MOCK_FAULTS: '',
    TEAMWORK_DESK_MOCK_VARIANTS: '',
    TEAMWORK_DESK_MOCK_RATE_LIMIT: '',
  };
}

/**
 * The settings that address a running Teamwork Desk mock as a live target: its URL and key, the
 * rate cap given (undefined: the live default for its host), everything else at its default.
 */
export function teamworkDeskLiveTargetEnv(url: string, apiKey: string, maxRps?: string): Record<string, string> {
  // ALLOW_WRITES as a live run sets it: the only requests it lets through are undocumented methods a correct site refuses.
  return { TEAMWORK_DESK_BASE_URL: url, TEAMWORK_DESK_ALLOWED_HOSTS: '', TEAMWORK_DESK_API_KEY: apiKey, ALLOW_WRITES: 'true', ...(maxRps === undefined ? {} : { TEAMWORK_DESK_MAX_RPS: maxRps }) };
}

/** What a Moov mock's accounts and keys are, as its config holds them. */
export interface MoovMockAccounts {
  url: string;
  publicKey: string;
  secretKey: string;
  partnerAccountID: string;
  connectedAccountID: string;
  unrelatedAccountID: string;
}

/**
 * The settings that address a running Moov mock as a live target: its URL, keys and accounts,
 * writes allowed, every other live setting at its default except the rate cap given.
 */
export function moovLiveTargetEnv(mock: MoovMockAccounts, maxRps: string): Record<string, string> {
  return {
    MOOV_BASE_URL: mock.url,
    MOOV_ALLOWED_HOSTS: '', // loopback is always allowed
    MOOV_PUBLIC_KEY: mock.publicKey,
    MOOV_SECRET_KEY: mock.secretKey,
    MOOV_PARTNER_ACCOUNT_ID: mock.partnerAccountID,
    MOOV_ACCOUNT_ID: mock.connectedAccountID,
    MOOV_UNRELATED_ACCOUNT_ID: mock.unrelatedAccountID,
    ALLOW_WRITES: 'true',
    // Live defaults, whatever the caller's environment says: write budget 25, consistency window 5 s.
    MOOV_MAX_WRITES: '',
    MOOV_CONSISTENCY_MS: '',
    MOOV_MAX_RPS: maxRps,
  };
}
