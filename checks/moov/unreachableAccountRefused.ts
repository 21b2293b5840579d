import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

export const unreachableAccountRefused = defineCheck<JudgedResponse>({
  id: 'TKT-ISO-001',
  title: "account outside the partner's reach is served",
  api: 'moov',
  severity: 'error',
  source: SRC.reach,
  detects: "any 2xx for an account the key owner has no connection to (403 and 404 are both accepted: the pages do not say which)",
  triggers: 'list, get, create and update on MOOV_UNRELATED_ACCOUNT_ID with the key pair and with tokens scoped to it',
  requests: 'about twelve requests; create and update on it only run where writes are allowed',
  operations: ['listTickets', 'getTicket', 'createTicket', 'updateTicket'],
  statuses: [403, 404],
  evaluate: (e) =>
    e.status === 403 || e.status === 404 ? [] : [{ expected: '403 or 404 (never a 2xx)', received: String(e.status), exchange: e.exchange }],
});
