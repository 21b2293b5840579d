import type { Ticket } from '../../../lib/contract/moov.types';
import type { TicketStore } from '../store';
import { closes, type Fault } from './fault';

/** The highest-numbered of `tickets` (optionally numbered below `below`). */
function highest(tickets: Ticket[], below = Infinity): Ticket | undefined {
  let found: Ticket | undefined;
  for (const t of tickets) if (t.number < below && (!found || t.number > found.number)) found = t;
  return found;
}

/** The open ticket numbered just before `ticket` in its account, if any. */
function openPredecessor(store: TicketStore, accountID: string, ticket: Ticket): Ticket | undefined {
  const found = highest(store.tickets(accountID), ticket.number);
  return found && found.status !== 'closed' ? found : undefined;
}

/** Writes touch only their target: each also changes a neighbour. */
export const NEIGHBOUR_FAULTS = {
  'create-touches-previous': {
    family: 'neighbours',
    breaks: "a create changes only the new ticket; it also bumps updatedOn of the account's previous ticket",
    deviation: () => ({
      creating: (ticket, accountID, store) => {
        const previous = highest(store.tickets(accountID));
        if (previous) store.put(accountID, { ...previous, updatedOn: new Date(Math.max(Date.parse(ticket.createdOn), Date.parse(previous.updatedOn) + 1)).toISOString() });
        return ticket;
      },
    }),
  },
  'close-closes-neighbour': {
    family: 'neighbours',
    breaks: 'closing a ticket changes only that ticket; the open ticket numbered just before it in the account is closed too',
    deviation: () => ({
      applyUpdate: (apply) => (ctx, held, status) => {
        const neighbour = closes(held, status) ? openPredecessor(ctx.store, held.accountID, held.ticket) : undefined;
        const result = apply(ctx, held, status);
        if (neighbour) ctx.store.close(held.accountID, neighbour.ticketID);
        return result;
      },
    }),
  },
} satisfies Record<string, Fault>;
