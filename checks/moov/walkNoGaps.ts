import type { Ticket } from '../../lib/contract/moov.types';
import { defineCheck } from '../check';
import { pageWhereMissing, walkTickets, type ListWalk } from './evidence';
import { SRC } from './sources';

export interface GapEvidence {
  walk: ListWalk;
  /**
   * Tickets the walk had to list: listed by the account's census (a reference walk before it)
   * within the stretch this walk covers, and unchanged when read again after it.
   */
  stable: Ticket[];
}

export const walkNoGaps = defineCheck<GapEvidence>({
  id: 'TKT-PAG-002',
  title: 'ticket missing from a cursor walk',
  api: 'moov',
  severity: 'error',
  source: SRC.listAll,
  detects: 'a ticket another walk of the same account lists but this walk never reaches (skipped at a page boundary, or the walk ends early)',
  triggers: 'walks at several counts (whole, or windows from cursors spread through a large account) and generated plans, compared with the census: a reference walk at count 200 before them, each ticket it missed read again after',
  requests: "the account's census once per worker (one request per 200 tickets), a GET per missing ticket (at most 5 per walk)",
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ walk, stable }) => {
    const seen = new Set(walkTickets(walk).map((t) => t.ticketID));
    const missing = stable.filter((t) => !seen.has(t.ticketID) && (walk.status === undefined || t.status === walk.status));
    if (missing.length === 0) return [];
    // The request whose page should have held the first missing ticket: what a reproduction replays.
    const where = pageWhereMissing(walk, stable, missing[0]!) ?? walk.pages[walk.pages.length - 1];
    return [{
      expected: `every ticket listed, unchanged, before and after this walk${walk.complete ? '' : ' within the stretch it covers'}`,
      received: `${missing.length} missing from the walk at count ${walk.count ?? 'default'} (${walk.pages.length} pages), e.g. ${missing.slice(0, 3).map((t) => `#${t.number}`).join(', ')}`,
      exchange: where?.exchange,
    }];
  },
});
