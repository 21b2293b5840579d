import type { Ticket } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import { defineCheck } from '../check';
import { SRC } from './sources';

export interface CloseEvidence {
  before: Ticket;
  /** The update response body (status 200). */
  after: Ticket;
  exchange: Exchange;
}

export const closeCloses = defineCheck<CloseEvidence>({
  id: 'TKT-UPD-001',
  title: 'closing does not close the ticket',
  api: 'moov',
  severity: 'error',
  source: SRC.update,
  detects: 'an update with status closed answered 200 with a ticket that is not closed, or that is another ticket',
  triggers: 'PATCH {"status":"closed"} on tickets the suite created',
  requests: 'one update per closed ticket (needs ALLOW_WRITES on live targets)',
  operations: ['updateTicket'],
  statuses: [200],
  evaluate: ({ before, after, exchange }) => {
    const diffs: string[] = [];
    if (after.status !== 'closed') diffs.push(`status ${String(after.status)}`);
    if (after.ticketID !== before.ticketID) diffs.push(`ticketID ${after.ticketID} instead of ${before.ticketID}`);
    if (after.title !== before.title) diffs.push(`title changed to ${JSON.stringify(after.title)}`);
    return diffs.length === 0 ? [] : [{ expected: 'the same ticket, status closed', received: diffs.join('; '), exchange }];
  },
});
