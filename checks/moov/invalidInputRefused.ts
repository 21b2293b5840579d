import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

/** What the suite made invalid, for the failure message. */
export interface InvalidInputEvidence extends JudgedResponse {
  mutation: string;
}

export const invalidInputRefused = defineCheck<InvalidInputEvidence>({
  id: 'TKT-ERR-001',
  title: 'invalid input not refused with a 4xx',
  api: 'moov',
  severity: 'error',
  source: SRC.validation,
  detects: 'a request that breaks the documented request schema (required field missing, wrong type, value outside the enum, malformed JSON, non-object body, malformed query parameter) answered with a 2xx or a 5xx',
  triggers: 'generated invalid create and update bodies; malformed count and status query parameters',
  requests: 'one request per generated invalid input (CONFORMANCE_RUNS per property)',
  operations: ['createTicket', 'updateTicket', 'listTickets'],
  statuses: [400, 422],
  evaluate: (e) =>
    e.status >= 400 && e.status < 500
      ? []
      : [{ expected: `a 4xx refusing the request (${e.mutation})`, received: String(e.status), exchange: e.exchange }],
});
