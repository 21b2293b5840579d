import { HttpAnswer } from '../../shared/http';
import type { Handler } from '../context';
import { authorize } from '../auth';
import { presentTicket } from '../present';
import type { MoovRequestContext } from '../context';
import type { Ticket } from '../../../lib/contract/moov.types';
import { DEEP } from '../store';

/** The ticket named by the path in the path's account, or the operation's 404. */
export function ticketInPath(ctx: MoovRequestContext): Ticket {
  const accountID = ctx.pathParams.accountID ?? '';
  const ticketID = ctx.pathParams.ticketID ?? '';
  const ticket =
    ctx.store.get(accountID, ticketID) ??
    (ctx.config.faults.has('cross-account-ticket-visible') ? ctx.store.findAnywhere(ticketID) : undefined);
  if (ticket) return ticket;
  if (ctx.config.faults.has('existence-leak') && ctx.store.findAnywhere(ticketID)) throw new HttpAnswer(403, { error: 'ticket belongs to another account' });
  if (ctx.config.faults.has('unknown-ticket-400')) throw new HttpAnswer(400, { error: 'bad ticket id' });
  throw new HttpAnswer(404, { error: 'ticket not found' });
}

export const getTicket: Handler = (ctx, principal) => {
  if (principal) authorize(principal, ctx.operation, ctx.pathParams.accountID ?? '', ctx.store, ctx.config);
  const ticket = ticketInPath(ctx);
  const deep = ctx.config.faults.has('deep-ticket-read-stale') && ticket.number > DEEP && ticket.number <= ctx.config.seedTicketsPerAccount;
  return { status: 200, body: presentTicket(deep ? { ...ticket, title: `${ticket.title} (old)` } : ticket, ctx.config) };
};
