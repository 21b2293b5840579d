import type { Ticket } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import { defineCheck } from '../check';
import { SRC } from './sources';

export interface ReadAfterCloseEvidence {
  ticketID: string;
  /** What get returned after the close (undefined if get did not return the ticket). */
  read?: Ticket;
  exchange: Exchange;
}

export const closeVisible = defineCheck<ReadAfterCloseEvidence>({
  id: 'TKT-UPD-002',
  title: 'closed ticket not closed when read back',
  api: 'moov',
  severity: 'error',
  source: SRC.update,
  detects: 'a get after a successful close that shows another status (the update was not persisted); the list view is checked by TKT-CRT-002',
  triggers: 'a get (polled within MOOV_CONSISTENCY_MS) after each close',
  requests: 'one get per close, more while a live target lags',
  operations: ['getTicket'],
  statuses: [200],
  evaluate: ({ ticketID, read, exchange }) =>
    read?.status === 'closed' ? [] : [{ expected: `ticket ${ticketID} closed`, received: read ? `status ${String(read.status)}` : 'no ticket', exchange }],
});
