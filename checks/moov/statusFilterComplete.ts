import type { Ticket } from '../../lib/contract/moov.types';
import { defineCheck } from '../check';
import { walkTickets, type ListWalk, type Volatility } from './evidence';
import { SRC } from './sources';

export interface FilterCompletenessEvidence {
  filtered: ListWalk;
  /** Every ticket of the account, from an unfiltered walk. */
  all: Ticket[];
  volatility: Volatility;
}

export const statusFilterComplete = defineCheck<FilterCompletenessEvidence>({
  id: 'TKT-LST-004',
  title: 'status filter leaves out tickets of that status',
  api: 'moov',
  severity: 'error',
  source: SRC.statusFilter,
  detects: 'a ticket with the filtered status that an unfiltered walk lists but the filtered walk does not',
  triggers: 'a filtered walk compared with an unfiltered walk of the same account (tickets that changed during the run are left out)',
  requests: 'the filtered walk (one request per page)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ filtered, all, volatility }) => {
    if (!filtered.complete || filtered.status === undefined) return [];
    const seen = new Set(walkTickets(filtered).map((t) => t.ticketID));
    const missing = all.filter((t) => t.status === filtered.status && !volatility.isVolatile(t) && !seen.has(t.ticketID));
    if (missing.length === 0) return [];
    const first = filtered.pages[0];
    return [{
      expected: `every ${filtered.status} ticket of the account`,
      received: `${missing.length} missing, e.g. ${missing.slice(0, 3).map((t) => `#${t.number} ${t.ticketID}`).join(', ')}`,
      exchange: first?.exchange,
    }];
  },
});
