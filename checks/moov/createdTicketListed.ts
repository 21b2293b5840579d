import type { Ticket } from '../../lib/contract/moov.types';
import { defineCheck } from '../check';
import { walkTickets, type ListWalk } from './evidence';
import { SRC } from './sources';

export interface ListedEvidence {
  expected: Ticket[];
  walk: ListWalk;
}

export const createdTicketListed = defineCheck<ListedEvidence>({
  id: 'TKT-CRT-002',
  title: 'created ticket missing from the list',
  api: 'moov',
  severity: 'error',
  source: SRC.listAll,
  detects: "a ticket the suite created (and get returns) that the account's full list walk does not contain, or lists with another status",
  triggers: 'a full walk after creating tickets (and after closing one)',
  requests: 'one walk of the account',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ expected, walk }) => {
    if (!walk.complete) return [];
    const listed = new Map(walkTickets(walk).map((t) => [t.ticketID, t]));
    return expected.flatMap((t) => {
      const found = listed.get(t.ticketID);
      const exchange = walk.pages[walk.pages.length - 1]?.exchange;
      if (!found) return [{ expected: `ticket #${t.number} ${t.ticketID} in the list`, received: 'absent', exchange }];
      if (found.status !== t.status) return [{ expected: `ticket ${t.ticketID} listed with status ${t.status}`, received: `status ${found.status}`, exchange }];
      return [];
    });
  },
});
