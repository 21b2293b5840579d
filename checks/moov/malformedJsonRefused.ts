import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

export const malformedJsonRefused = defineCheck<JudgedResponse>({
  id: 'TKT-ERR-002',
  title: 'malformed JSON not answered as invalid syntax',
  api: 'moov',
  severity: 'error',
  source: SRC.invalidSyntax,
  detects: 'a body that is not JSON (or not a JSON object) answered with anything but 400 or 422 and their documented error bodies',
  triggers: 'create and update with truncated JSON, bare strings, arrays, null and non-JSON text',
  requests: 'one request per malformed body',
  operations: ['createTicket', 'updateTicket'],
  statuses: [400, 422],
  evaluate: (e) =>
    e.status === 400 || e.status === 422
      ? []
      : [{ expected: '400 {"error": ...} (or 422 with the operation\'s error body)', received: String(e.status), exchange: e.exchange }],
});
