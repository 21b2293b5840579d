import { secrets } from '../redaction/secrets';
import { positiveNumber, required, valueOf, type Env } from '../config/configError';
import { requestTimeoutFrom } from '../config/requestTimeout';
import { embeddedMockUrl, liveBaseUrl, trimmedBase } from '../config/targetUrl';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export interface TeamworkDeskTarget {
  kind: 'mock' | 'live';
  /** Origin (and any path prefix) the documented path /desk/api/v2/tickets.json is appended to. */
  baseURL: string;
  apiKey: string;
  /** Client-side request-rate cap; undefined means none. */
  maxRps?: number;
  /** How long one request may go unanswered before it fails as hung. */
  requestTimeoutMs: number;
}

/**
 * Where the `teamwork-desk` project sends requests. TEAMWORK_DESK_BASE_URL unset: the embedded
 * mock that global setup started (TEAMWORK_DESK_MOCK_URL). Set: that host, once its URL is
 * allowed and a key is given. The project only reads, so a live account is safe to point at.
 */
export function resolveTeamworkDeskTarget(env: Env): TeamworkDeskTarget {
  secrets.addFromEnv(env);
  secrets.addBasic(valueOf(env, 'TEAMWORK_DESK_API_KEY'), 'x', '$TEAMWORK_DESK_BASIC_CREDENTIALS');
  const live = valueOf(env, 'TEAMWORK_DESK_BASE_URL') !== undefined;
  const apiKey = required(
    env,
    'TEAMWORK_DESK_API_KEY',
    live ? 'it is required when TEAMWORK_DESK_BASE_URL points at a live target' : 'the embedded mock uses it (default in .env.example)',
  );
  if (!live) {
    const mockUrl = embeddedMockUrl(env, 'TEAMWORK_DESK_BASE_URL', 'TEAMWORK_DESK_MOCK_URL');
    return { kind: 'mock', baseURL: mockUrl, apiKey, maxRps: undefined, requestTimeoutMs: requestTimeoutFrom(env) };
  }
  const url = liveBaseUrl(env, 'TEAMWORK_DESK_BASE_URL', 'TEAMWORK_DESK_ALLOWED_HOSTS');
  // A hosted account is spared (5 requests a second unless told otherwise); an implementation on
  // this machine is not a shared service, so it gets no cap unless TEAMWORK_DESK_MAX_RPS sets one.
  const loopback = LOOPBACK.has(url.hostname.toLowerCase());
  const maxRps = valueOf(env, 'TEAMWORK_DESK_MAX_RPS') === undefined && loopback ? undefined : positiveNumber(env, 'TEAMWORK_DESK_MAX_RPS', 5);
  return { kind: 'live', baseURL: trimmedBase(url), apiKey, maxRps, requestTimeoutMs: requestTimeoutFrom(env) };
}
