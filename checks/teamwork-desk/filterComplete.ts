import type { Ticket } from '../../lib/contract/teamworkDesk.types';
import { filterTruth } from '../../lib/teamworkDesk/filterTruth';
import { defineCheck } from '../check';
import { orderLeavesNoTies, walkTickets, type ListWalk } from './evidence';
import { showTicket } from './filterOnlyMatches';
import { SRC } from './sources';

export interface FilterCompletenessEvidence {
  filtered: ListWalk;
  /**
   * Tickets of the unfiltered listing: every one on a small site, or one window of it (a page of
   * the listing by id) on a large one, whose id range the filtered walk's filter then includes.
   */
  all: readonly Ticket[];
}

export const filterComplete = defineCheck<FilterCompletenessEvidence>({
  id: 'TWD-FLT-002',
  title: 'filter leaves out a ticket that satisfies it',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.filter,
  detects: 'a ticket of the unfiltered list that satisfies the filter by the notes\' rules but is missing from the filtered walk',
  triggers: 'every complete filtered walk in an order without ties (orderBy id), compared with the unfiltered listing: all of it on a site of up to 200 tickets, else the window the walk ran in (a page of the listing by id, whose id range the filter sent includes); walks in an order with ties may skip a tied ticket at a page boundary and are not judged',
  requests: 'none beyond the survey (page 1 of the listing by id, then the whole site or four of its pages, once per worker); on a live target, the window again before a finding counts',
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
