import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

export interface ImpliedRuleEvidence extends JudgedResponse {
  input: string;
}

export const blankRequiredRefused = defineCheck<ImpliedRuleEvidence>({
  id: 'TKT-SEM-003',
  title: 'blank required text accepted',
  api: 'moov',
  severity: 'advisory',
  source: SRC.create,
  detects: 'a create with an empty or whitespace-only title, body or contact email that succeeds (the pages require the fields but give no minimum length)',
  triggers: 'generated payloads with one required string blank; never 5xx is enforced by TKT-HTTP-002',
  requests: 'one create per generated payload',
  operations: ['createTicket'],
  statuses: [400, 422],
  evaluate: (e) => (e.status >= 400 && e.status < 500 ? [] : [{ expected: `a 4xx for ${e.input}`, received: String(e.status), exchange: e.exchange }]),
});

export const malformedEmailRefused = defineCheck<ImpliedRuleEvidence>({
  id: 'TKT-SEM-004',
  title: 'contact email that is not an address accepted',
  api: 'moov',
  severity: 'advisory',
  source: SRC.create,
  detects: 'a create whose contact.email is not an e-mail address and succeeds (the pages type it as a plain string)',
  triggers: 'generated payloads with malformed addresses',
  requests: 'one create per generated payload',
  operations: ['createTicket'],
  statuses: [400, 422],
  evaluate: (e) => (e.status >= 400 && e.status < 500 ? [] : [{ expected: `a 4xx for ${e.input}`, received: String(e.status), exchange: e.exchange }]),
});

export const doubtfulInputRefused = defineCheck<ImpliedRuleEvidence>({
  id: 'TKT-SEM-007',
  title: 'input in a doubtful form accepted',
  api: 'moov',
  severity: 'advisory',
  source: SRC.validation,
  detects: 'values a lenient parser reads as valid but the contract does not (count 2.5 or beyond int64, status "CLOSED" or " closed") accepted instead of refused',
  triggers: 'list requests with such counts; updates with other spellings of closed',
  requests: 'two list requests and one update per spelling',
  operations: ['listTickets', 'updateTicket'],
  statuses: [400, 422],
  evaluate: (e) => (e.status >= 400 && e.status < 500 ? [] : [{ expected: `a 4xx for ${e.input}`, received: String(e.status), exchange: e.exchange }]),
});
