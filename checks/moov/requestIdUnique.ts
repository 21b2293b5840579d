import type { Exchange } from '../../lib/http/exchange';
import { defineCheck } from '../check';
import { SRC } from './sources';

export interface RequestIdEvidence {
  exchange: Exchange;
  requestId: string | undefined;
  /** The earlier exchange of this run that carried the same id, if any. */
  previous?: Exchange;
}

export const requestIdUnique = defineCheck<RequestIdEvidence>({
  id: 'TKT-HDR-002',
  title: 'x-request-id repeats within a run',
  api: 'moov',
  severity: 'error',
  source: SRC.requestId,
  detects: 'two responses of one run carrying the same x-request-id (a constant or recycled id cannot trace a request)',
  triggers: 'every response the suite receives; compared within each worker and, at the end, across workers',
  requests: 'none',
  operations: ['listTickets', 'getTicket', 'createTicket', 'updateTicket', 'createAccessToken'],
  statuses: 'documented',
  evaluate: (e) =>
    e.previous && e.requestId !== undefined
      ? [{ expected: 'a fresh x-request-id', received: `${e.requestId}, already sent for ${e.previous.method} ${e.previous.url} at ${e.previous.startedAt}`, exchange: e.exchange }]
      : [],
});
