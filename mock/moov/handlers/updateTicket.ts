import { HttpAnswer } from '../../shared/http';
import type { ApplyUpdate, Handler } from '../context';
import { authorize } from '../auth';
import { presentTicket } from '../present';
import { contractIssues, jsonObjectBody, rejectInvalid } from '../requestBody';
import { ticketInPath } from './getTicket';

export const updateTicket: Handler = (ctx, principal) => {
  const { config } = ctx;
  const accountID = ctx.pathParams.accountID ?? '';
  const validateFirst = config.variants.has('validate-before-authorize');
  if (principal && !validateFirst) authorize(ctx, principal, accountID);
  // The pages' SDK examples send `updateTicket: {}`; an absent body means the same.
  const raw = jsonObjectBody(ctx, {});
  if (raw.status === '' && config.variants.has('empty-status-as-absent')) delete raw.status;
  const issues = contractIssues(ctx, raw);
  if (issues.length > 0) rejectInvalid(ctx, 'UpdateTicketError', issues);
  if (principal && validateFirst) authorize(ctx, principal, accountID);
  return ctx.tamper.applyUpdate(applyUpdate)(ctx, ticketInPath(ctx), raw.status);
};

/** A valid update: without a status it changes nothing; with one (closed) it closes the ticket. */
const applyUpdate: ApplyUpdate = (ctx, { accountID, ticket }, status) => {
  const { config, store } = ctx;
  if (status === undefined) {
    if (config.variants.has('empty-update-422')) throw new HttpAnswer(422, { status: 'status: nothing to update' });
    return { status: 200, body: presentTicket(ticket, ctx) };
  }
  if (ticket.status === 'closed') {
    if (config.variants.has('close-closed-409')) throw new HttpAnswer(409, { error: 'ticket is already closed' });
    return { status: 200, body: presentTicket(ticket, ctx) };
  }
  return { status: 200, body: presentTicket(store.close(accountID, ticket.ticketID), ctx) };
};
