import type { Ticket } from '../../lib/contract/moov.types';
import { defineCheck } from '../check';
import { walkTickets, type ListWalk } from './evidence';
import { SRC } from './sources';

export interface GapEvidence {
  walk: ListWalk;
  /** Tickets listed, unchanged, by reference walks before and after this one (stableTickets). */
  stable: Ticket[];
}

export const walkNoGaps = defineCheck<GapEvidence>({
  id: 'TKT-PAG-002',
  title: 'ticket missing from a cursor walk',
  api: 'moov',
  severity: 'error',
  source: SRC.listAll,
  detects: 'a ticket another walk of the same account lists but this walk never reaches (skipped at a page boundary, or the walk ends early)',
  triggers: 'walks at several counts and generated plans, compared with the tickets that reference walks at count 200 list both before and after them, unchanged',
  requests: 'two reference walks around the walks under test (one request each up to 200 tickets)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ walk, stable }) => {
    if (!walk.complete) return [];
    const seen = new Set(walkTickets(walk).map((t) => t.ticketID));
    const missing = stable.filter((t) => !seen.has(t.ticketID) && (walk.status === undefined || t.status === walk.status));
    if (missing.length === 0) return [];
    const last = walk.pages[walk.pages.length - 1];
    return [{
      expected: 'every ticket listed, unchanged, before and after this walk',
      received: `${missing.length} missing from the walk at count ${walk.count ?? 'default'} (${walk.pages.length} pages), e.g. ${missing.slice(0, 3).map((t) => `#${t.number}`).join(', ')}`,
      exchange: last?.exchange,
    }];
  },
});
