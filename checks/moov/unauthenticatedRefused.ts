import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

export interface CredentialEvidence extends JudgedResponse {
  credentials: string;
}

export const missingCredentialsRefused = defineCheck<CredentialEvidence>({
  id: 'TKT-AUTH-001',
  title: 'request without credentials not refused with 401',
  api: 'moov',
  severity: 'error',
  source: SRC.unauthenticated,
  detects: 'a request with no Authorization header answered with anything but 401',
  triggers: 'every operation without credentials',
  requests: 'one request per operation (create and update are refused before any write)',
  operations: ['listTickets', 'getTicket', 'createTicket', 'updateTicket', 'createAccessToken'],
  statuses: [401],
  evaluate: (e) => (e.status === 401 ? [] : [{ expected: `401 (${e.credentials})`, received: String(e.status), exchange: e.exchange }]),
});

export const invalidCredentialsRefused = defineCheck<CredentialEvidence>({
  id: 'TKT-AUTH-002',
  title: 'invalid credentials not refused with 401',
  api: 'moov',
  severity: 'error',
  source: SRC.unauthenticated,
  detects: 'a wrong secret key, an unknown public key, a made-up or malformed bearer token, or an unknown scheme answered with anything but 401',
  triggers: 'every operation with each kind of bad credential',
  requests: 'about five requests per operation',
  operations: ['listTickets', 'getTicket', 'createTicket', 'updateTicket', 'createAccessToken'],
  statuses: [401],
  evaluate: (e) => (e.status === 401 ? [] : [{ expected: `401 (${e.credentials})`, received: String(e.status), exchange: e.exchange }]),
});
