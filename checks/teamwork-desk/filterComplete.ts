import type { Ticket } from '../../lib/contract/teamworkDesk.types';
import { filterTruth } from '../../lib/teamworkDesk/filterTruth';
import { defineCheck } from '../check';
import { orderLeavesNoTies, walkTickets, type ListWalk } from './evidence';
import { showTicket } from './filterOnlyMatches';
import { SRC } from './sources';

export interface FilterCompletenessEvidence {
  filtered: ListWalk;
  /** Every ticket of an unfiltered walk. */
  all: readonly Ticket[];
}

export const filterComplete = defineCheck<FilterCompletenessEvidence>({
  id: 'TWD-FLT-002',
  title: 'filter leaves out a ticket that satisfies it',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.filter,
  detects: 'a ticket of the unfiltered list that satisfies the filter by the notes\' rules but is missing from the filtered walk',
  triggers: 'every complete filtered walk in an order without ties (orderBy id), compared with an unfiltered walk of the same target; walks in an order with ties may skip a tied ticket at a page boundary and are not judged',
  requests: 'the unfiltered walk, once per test',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ filtered, all }) => {
    const filter = filtered.query.filter;
    // A tie broken differently on two pages can push a matching ticket past both: not the filter's fault.
    if (filter === undefined || !filtered.complete || !orderLeavesNoTies(filtered)) return [];
    const seen = new Set(walkTickets(filtered).map((t) => t.id));
    const missing = all.filter((t) => !seen.has(t.id) && filterTruth(filter, t as unknown as Record<string, unknown>) === 'true');
    if (missing.length === 0) return [];
    return [{
      expected: `every ticket satisfying ${JSON.stringify(filter)}`,
      received: `${missing.length} missing, e.g. ${missing.slice(0, 3).map((t) => showTicket(t, filter)).join('; ')}`,
      exchange: filtered.pages[0]?.exchange,
    }];
  },
});
