import type { Exchange } from '../../lib/http/exchange';
import { defineCheck } from '../check';
import { SRC } from './sources';

export interface LagEvidence {
  what: string;
  lagMs: number;
  exchange: Exchange;
}

export const readAfterWriteLag = defineCheck<LagEvidence>({
  id: 'TKT-SEM-006',
  title: 'read-after-write lag',
  api: 'moov',
  severity: 'advisory',
  source: SRC.getByID,
  detects: 'a write that became visible only after polling (reported apart from a lost write, which the read-back checks fail)',
  triggers: 'every read-back after a create or close, polled within MOOV_CONSISTENCY_MS',
  requests: 'extra gets while the target lags',
  operations: ['getTicket', 'listTickets'],
  statuses: [200],
  evaluate: ({ what, lagMs, exchange }) => (lagMs > 0 ? [{ expected: `${what} visible at once`, received: `visible after ${lagMs} ms`, exchange }] : []),
});
