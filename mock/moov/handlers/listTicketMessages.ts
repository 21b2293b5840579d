import type { Handler } from '../context';
import { authorize } from '../auth';
import { ticketInPath } from './getTicket';

export const listTicketMessages: Handler = (ctx, principal) => {
  const accountID = ctx.pathParams.accountID ?? '';
  if (principal) authorize(ctx, principal, accountID);
  const { ticket } = ticketInPath(ctx);
  return { status: 200, body: ctx.store.messages(accountID, ticket.ticketID) ?? [] };
};
