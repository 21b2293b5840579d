import { positiveInteger, type Env } from './configError';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../http/transport';

/** CONFORMANCE_REQUEST_TIMEOUT_MS: how long one request may go unanswered before it fails as hung. */
export function requestTimeoutFrom(env: Env): number {
  return positiveInteger(env, 'CONFORMANCE_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS);
}
