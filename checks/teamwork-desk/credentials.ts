import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

const refused = (e: JudgedResponse) => (e.status === 401 ? [] : [{ expected: `401 (${e.mutation})`, received: String(e.status), exchange: e.exchange }]);

export const missingKeyRefused = defineCheck<JudgedResponse>({
  id: 'TWD-AUTH-001',
  title: 'request without credentials not refused with 401',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.auth,
  detects: 'a list request with no Authorization header (or an empty one) answered with anything but 401',
  triggers: 'list requests without credentials, plain and with a filter',
  requests: 'two requests',
  operations: ['listTickets'],
  statuses: [401],
  evaluate: refused,
});

export const wrongKeyRefused = defineCheck<JudgedResponse>({
  id: 'TWD-AUTH-002',
  title: 'wrong key not refused with 401',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.auth,
  detects: 'a made-up key, as Bearer or as the HTTP Basic user name, answered with anything but 401',
  triggers: 'list requests with wrong keys in both documented schemes',
  requests: 'about four requests',
  operations: ['listTickets'],
  statuses: [401],
  evaluate: refused,
});

export const basicKeyAccepted = defineCheck<JudgedResponse>({
  id: 'TWD-AUTH-003',
  title: 'the key as HTTP Basic user name not accepted',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.auth,
  detects: 'HTTP Basic with the API key as user name and an arbitrary password answered with anything but 200',
  triggers: 'list requests authenticated the documented second way, with two different passwords',
  requests: 'two requests',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: (e) => (e.status === 200 ? [] : [{ expected: `200 (${e.mutation})`, received: String(e.status), exchange: e.exchange }]),
});
