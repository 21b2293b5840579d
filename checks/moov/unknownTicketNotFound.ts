import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

export const unknownTicketNotFound = defineCheck<JudgedResponse>({
  id: 'TKT-GET-002',
  title: 'unknown ticket is not a 404',
  api: 'moov',
  severity: 'error',
  source: SRC.notFound,
  detects: 'a get or update of a ticket ID that does not exist answered with anything but 404',
  triggers: 'random uuids and odd IDs (unicode, dots, very long) as ticketID',
  requests: 'one request per generated ID',
  operations: ['getTicket', 'updateTicket'],
  statuses: [404],
  evaluate: (e) => (e.status === 404 ? [] : [{ expected: '404', received: String(e.status), exchange: e.exchange }]),
});
