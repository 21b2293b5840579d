import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

export interface CredentialEvidence extends JudgedResponse {
  credentials: string;
  /** Statuses that refuse these credentials: 401, and 400 where the header itself is malformed. */
  refusals: readonly number[];
}

function refused(e: CredentialEvidence) {
  return e.refusals.includes(e.status) ? [] : [{ expected: `${e.refusals.join(' or ')} (${e.credentials})`, received: String(e.status), exchange: e.exchange }];
}

export const missingCredentialsRefused = defineCheck<CredentialEvidence>({
  id: 'TKT-AUTH-001',
  title: 'request without credentials not refused with 401',
  api: 'moov',
  severity: 'error',
  source: SRC.unauthenticated,
  detects: 'a request with no Authorization header answered with anything but 401 (the token endpoint may answer 400 invalid_client, as RFC 6749 allows)',
  triggers: 'every operation without credentials',
  requests: 'one request per operation (create and update are refused before any write)',
  operations: ['listTickets', 'getTicket', 'createTicket', 'updateTicket', 'createAccessToken'],
  statuses: [401],
  evaluate: refused,
});

export const invalidCredentialsRefused = defineCheck<CredentialEvidence>({
  id: 'TKT-AUTH-002',
  title: 'invalid credentials not refused with 401',
  api: 'moov',
  severity: 'error',
  source: SRC.unauthenticated,
  detects: 'a wrong secret key, an unknown key pair or a made-up bearer token answered with anything but 401 (a malformed Basic header or an unknown scheme may also be a 400)',
  triggers: 'every operation with each kind of bad credential',
  requests: 'about five requests per operation',
  operations: ['listTickets', 'getTicket', 'createTicket', 'updateTicket', 'createAccessToken'],
  statuses: [401],
  evaluate: refused,
});
