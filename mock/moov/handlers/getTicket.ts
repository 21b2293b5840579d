import { HttpAnswer } from '../../shared/http';
import type { Handler, MoovRequestContext } from '../context';
import { authorize } from '../auth';
import { presentTicket } from '../present';
import type { HeldTicket } from '../store';

/** The ticket named by the path in the path's account (and that account), or the operation's 404. */
export function ticketInPath(ctx: MoovRequestContext): HeldTicket {
  const accountID = ctx.pathParams.accountID ?? '';
  const ticket = ctx.store.get(accountID, ctx.pathParams.ticketID ?? '');
  const held = ctx.tamper.heldTicket(ticket && { accountID, ticket }, ctx);
  if (held) return held;
  throw ctx.tamper.refusal(new HttpAnswer(404, { error: 'ticket not found' }), { reason: 'unknown-ticket' }, ctx);
}

export const getTicket: Handler = (ctx, principal) => {
  if (principal) authorize(ctx, principal, ctx.pathParams.accountID ?? '');
  return { status: 200, body: presentTicket(ticketInPath(ctx).ticket, ctx) };
};
