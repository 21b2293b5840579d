import type { Ticket } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import { sameInstant } from '../../lib/json';
import { defineCheck } from '../check';
import { sameContact } from './getMatchesCreate';
import { SRC } from './sources';

/** A ticket near a write, as the run last knew it and as read after the write. */
export interface Neighbour {
  known: Pick<Ticket, 'ticketID' | 'title' | 'status' | 'updatedOn' | 'contact'>;
  /** Read by ID after the write (undefined: not 200; see readStatus). */
  now?: Ticket;
  readStatus: number;
  exchange?: Exchange;
}

export interface NeighbourEvidence {
  /** The write, e.g. "close ticket 3f2a…" or "4 creates at once". */
  write: string;
  neighbours: Neighbour[];
}

export const writeTouchesOnlyTarget = defineCheck<NeighbourEvidence>({
  id: 'TKT-NBR-001',
  title: 'a write changes tickets other than its target',
  api: 'moov',
  severity: 'error',
  source: SRC.writeTarget,
  detects: 'a create or close after which another ticket the run wrote itself (its neighbours in the listing: created just before or beside it, same account) reads with another status, title, contact or updatedOn than the run last saw',
  triggers: 'each create and close of the model-based sequences (up to four of the run\'s earlier tickets in that account), and the parallel-use test\'s creates and close (its sibling tickets)',
  requests: 'one get per neighbour judged (at most four per write), repeated within the consistency window until it matches',
  operations: ['createTicket', 'updateTicket', 'getTicket'],
  statuses: [200],
  evaluate: ({ write, neighbours }) =>
    neighbours.flatMap((n) => {
      const id = `ticket ${n.known.ticketID}`;
      if (!n.now) return [{ expected: `${id} still readable after ${write}`, received: `HTTP ${n.readStatus}`, exchange: n.exchange }];
      const diffs: string[] = [];
      if (n.now.status !== n.known.status) diffs.push(`status ${n.now.status} (was ${n.known.status})`);
      if (n.now.title !== n.known.title) diffs.push(`title ${JSON.stringify(n.now.title)} (was ${JSON.stringify(n.known.title)})`);
      if (!sameContact(n.now.contact, n.known.contact)) diffs.push(`contact ${JSON.stringify(n.now.contact)} (was ${JSON.stringify(n.known.contact)})`);
      if (!sameInstant(n.now.updatedOn, n.known.updatedOn)) diffs.push(`updatedOn ${n.now.updatedOn} (was ${n.known.updatedOn})`);
      return diffs.length === 0 ? [] : [{ expected: `${id} unchanged by ${write} (it is not the write's target)`, received: diffs.join('; '), exchange: n.exchange }];
    }),
});
