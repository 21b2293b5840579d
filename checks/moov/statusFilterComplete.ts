import type { Ticket } from '../../lib/contract/moov.types';
import { defineCheck } from '../check';
import { pageWhereMissing, walkTickets, type ListWalk } from './evidence';
import { SRC } from './sources';

export interface FilterCompletenessEvidence {
  filtered: ListWalk;
  /** Tickets of the account (any status) that the census listed within the stretch the filtered walk covers, unchanged after it. */
  stable: Ticket[];
}

export const statusFilterComplete = defineCheck<FilterCompletenessEvidence>({
  id: 'TKT-LST-004',
  title: 'status filter leaves out tickets of that status',
  api: 'moov',
  severity: 'error',
  source: SRC.statusFilter,
  detects: 'a ticket with the filtered status that an unfiltered walk lists but the filtered walk does not',
  triggers: "filtered windows (two pages of 50 from the head, a seeded middle stratum and the tail of the census) compared with the account's census, each missing ticket read again after the walk",
  requests: 'the filtered walk (one request per page) and a GET per missing ticket (at most 5)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ filtered, stable }) => {
    if (filtered.status === undefined) return [];
    const seen = new Set(walkTickets(filtered).map((t) => t.ticketID));
    const missing = stable.filter((t) => t.status === filtered.status && !seen.has(t.ticketID));
    if (missing.length === 0) return [];
    const where = pageWhereMissing(filtered, stable.filter((t) => t.status === filtered.status), missing[0]!) ?? filtered.pages[0];
    return [{
      expected: `every ${filtered.status} ticket of the account`,
      received: `${missing.length} missing, e.g. ${missing.slice(0, 3).map((t) => `#${t.number} ${t.ticketID}`).join(', ')}`,
      exchange: where?.exchange,
    }];
  },
});
