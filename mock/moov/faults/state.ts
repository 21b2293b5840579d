import type { Ticket } from '../../../lib/contract/moov.types';
import { presentTicket } from '../present';
import { DEEP } from './deep';
import { answeredBody, closes, type Fault } from './fault';

const DAY = 86_400_000;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** State: each breaks one promise about what a write stores and a read then sees. */
export const STATE_FAULTS = {
  'create-not-persisted': {
    family: 'state',
    breaks: 'a created ticket can be retrieved; it is not stored',
    // Answered as created (its number used up), then forgotten.
    deviation: () => ({
      operation: answeredBody('createTicket', (body, ctx) => {
        if (typeof body.ticketID === 'string') ctx.store.remove(ctx.pathParams.accountID ?? '', body.ticketID);
      }),
    }),
  },
  'close-response-stale': {
    family: 'state',
    breaks: 'closing answers the closed ticket; it answers the ticket as it was (the close is stored)',
    deviation: () => ({
      applyUpdate: (apply) => (ctx, held, status) => {
        const result = apply(ctx, held, status);
        return closes(held, status) ? { status: 200, body: presentTicket(held.ticket, ctx) } : result;
      },
    }),
  },
  'empty-update-drops-foreignID': {
    family: 'state',
    breaks: 'an empty update changes nothing; it drops foreignID',
    deviation: () => ({
      applyUpdate: (apply) => (ctx, held, status) => {
        if (status !== undefined) return apply(ctx, held, status);
        const { foreignID: _dropped, ...ticket } = held.ticket;
        ctx.store.put(held.accountID, ticket);
        return { status: 200, body: presentTicket(ticket, ctx) };
      },
    }),
  },
  'empty-update-closes': {
    family: 'state',
    breaks: 'an empty update changes nothing; a PATCH without a status ({}, no body, status null) closes the ticket',
    deviation: () => ({
      requestBody: (body, ctx) => {
        if (ctx.operation.id === 'updateTicket' && body.status === null) delete body.status;
        return body;
      },
      applyUpdate: (apply) => (ctx, held, status) =>
        status === undefined && held.ticket.status !== 'closed'
          ? { status: 200, body: presentTicket(ctx.store.close(held.accountID, held.ticket.ticketID), ctx) }
          : apply(ctx, held, status),
    }),
  },
  'close-not-persisted': {
    family: 'state',
    breaks: 'closing a ticket closes it; the change is not stored',
    // Answered as closed, then the ticket as it was is stored back.
    deviation: () => ({
      applyUpdate: (apply) => (ctx, held, status) => {
        const result = apply(ctx, held, status);
        if (closes(held, status)) ctx.store.put(held.accountID, held.ticket);
        return result;
      },
    }),
  },
  'cross-account-ticket-visible': {
    family: 'state',
    breaks: "a ticket belongs to one account; any account's path serves it",
    deviation: () => ({ heldTicket: (found, ctx) => found ?? ctx.store.findAnywhere(ctx.pathParams.ticketID ?? '') }),
  },
  'title-html-escaped': {
    family: 'state',
    breaks: 'a ticket keeps the title it was given; HTML characters are escaped',
    deviation: () => ({ storedInput: (input) => ({ ...input, title: escapeHtml(input.title) }) }),
  },
  'closedOn-before-createdOn': {
    family: 'state',
    breaks: 'a ticket is closed after it was created; closing sets closedOn a day before createdOn',
    deviation: () => ({ closedTicket: (closed): Ticket => ({ ...closed, closedOn: new Date(Date.parse(closed.createdOn) - DAY).toISOString() }) }),
  },
  'close-updatedOn-earlier': {
    family: 'state',
    breaks: 'closing a ticket updates it; updatedOn is left a second before closedOn',
    deviation: () => ({ closedTicket: (closed): Ticket => ({ ...closed, updatedOn: new Date(Date.parse(closed.updatedOn) - 1000).toISOString() }) }),
  },
  'deep-ticket-read-stale': {
    family: 'state',
    breaks: 'a ticket read by ID is the ticket listed; seeded tickets past the 300th of an account are read with an old title (only a large account shows it)',
    deviation: (settings) => ({
      operation: answeredBody('getTicket', (body) => {
        if (typeof body.number === 'number' && body.number > DEEP && body.number <= settings.seedTicketsPerAccount) body.title = `${String(body.title)} (old)`;
      }),
    }),
  },
  'created-ticket-not-listed': {
    family: 'state',
    breaks: 'the list holds every ticket of the account; created ones are missing',
    // The cursor then follows the last ticket listed.
    deviation: (settings) => ({
      listedPage: (listing) => {
        const items = listing.items.filter((t) => t.number <= settings.seedTicketsPerAccount);
        return { ...listing, items, nextAfter: listing.more ? items[items.length - 1]?.number : undefined };
      },
    }),
  },
} satisfies Record<string, Fault>;
