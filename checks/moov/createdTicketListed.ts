import type { Ticket } from '../../lib/contract/moov.types';
import { defineCheck } from '../check';
import { walkTickets, type ListWalk } from './evidence';
import { SRC } from './sources';

export interface ListedEvidence {
  /** Tickets the walk must list, with these statuses. */
  expected: Ticket[];
  /** Tickets the walk must not list (e.g. a closed ticket in a walk filtered on another status). */
  unexpected?: Ticket[];
  walk: ListWalk;
}

export const createdTicketListed = defineCheck<ListedEvidence>({
  id: 'TKT-CRT-002',
  title: 'created ticket missing from the list',
  api: 'moov',
  severity: 'error',
  source: SRC.listAll,
  detects: "a ticket the suite created (and get returns) that the account's walk does not contain, lists with another status, or lists under a status filter it no longer matches",
  triggers: 'walks of the part of the listing that holds new tickets (its tail or head, from the census), status-filtered too, after creating tickets and closing one',
  requests: 'three walks of that part at count 200 (the whole listing when its order is not known)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ expected, unexpected = [], walk }) => {
    if (!walk.complete && walk.segment === undefined) return [];
    const listed = new Map(walkTickets(walk).map((t) => [t.ticketID, t]));
    const exchange = walk.pages[walk.pages.length - 1]?.exchange;
    const where = walk.status === undefined ? 'the list' : `the list filtered on status ${walk.status}`;
    const wrongly = unexpected
      .filter((t) => listed.has(t.ticketID))
      .map((t) => ({ expected: `ticket ${t.ticketID} (status ${t.status}) not in ${where}`, received: 'listed', exchange }));
    const missing = expected.flatMap((t) => {
      const found = listed.get(t.ticketID);
      if (!found) return [{ expected: `ticket #${t.number} ${t.ticketID} in ${where}`, received: 'absent', exchange }];
      if (found.status !== t.status) return [{ expected: `ticket ${t.ticketID} listed with status ${t.status}`, received: `status ${found.status}`, exchange }];
      return [];
    });
    return [...wrongly, ...missing];
  },
});
