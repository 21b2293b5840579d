import { HttpAnswer } from '../../shared/http';
import type { Ticket, TicketStatus } from '../../../lib/contract/moov.types';
import type { Handler } from '../context';
import { authorize } from '../auth';
import { presentTicket } from '../present';
import { contractIssues, jsonObjectBody, rejectInvalid } from '../requestBody';
import { ticketInPath } from './getTicket';

export const updateTicket: Handler = (ctx, principal) => {
  const { config, store } = ctx;
  const accountID = ctx.pathParams.accountID ?? '';
  const validateFirst = config.variants.has('validate-before-authorize');
  if (principal && !validateFirst) authorizeOrApply(ctx, principal, accountID);
  // The pages' SDK examples send `updateTicket: {}`; an absent body means the same.
  const raw = jsonObjectBody(ctx, {});
  if (raw.status === '' && config.variants.has('empty-status-as-absent')) delete raw.status;
  if (raw.status === null && config.faults.has('empty-update-closes')) delete raw.status;
  const anyStatus = config.faults.has('update-any-status') && typeof raw.status === 'string';
  const issues = contractIssues(ctx, raw);
  if (issues.length > 0 && !anyStatus) rejectInvalid(ctx, 'UpdateTicketError', issues);
  if (principal && validateFirst) authorizeOrApply(ctx, principal, accountID);
  const ticket = ticketInPath(ctx);

  if (raw.status === undefined) {
    if (config.variants.has('empty-update-422')) throw new HttpAnswer(422, { status: 'status: nothing to update' });
    if (config.faults.has('empty-update-drops-foreignID')) return { status: 200, body: presentTicket(store.dropForeignID(ownerOf(ctx, ticket), ticket.ticketID), config) };
    if (config.faults.has('empty-update-closes') && ticket.status !== 'closed') return { status: 200, body: presentTicket(store.close(ownerOf(ctx, ticket), ticket.ticketID), config) };
    return { status: 200, body: presentTicket(ticket, config) };
  }
  if (anyStatus && raw.status !== 'closed') {
    const changed: Ticket = { ...ticket, status: raw.status as TicketStatus, updatedOn: config.now().toISOString() };
    return { status: 200, body: presentTicket(changed, config) };
  }
  if (ticket.status === 'closed') {
    if (config.variants.has('close-closed-409')) throw new HttpAnswer(409, { error: 'ticket is already closed' });
    return { status: 200, body: presentTicket(ticket, config) };
  }
  const owner = ownerOf(ctx, ticket);
  const neighbour = config.faults.has('close-closes-neighbour') ? store.openPredecessor(owner, ticket.ticketID) : undefined;
  const closed = store.close(owner, ticket.ticketID, !config.faults.has("close-not-persisted"));
  if (neighbour) store.close(owner, neighbour.ticketID);
  return { status: 200, body: presentTicket(config.faults.has('close-response-stale') ? ticket : closed, config) };
};

/** authorize(), and under the refused-update-applied fault a refused close carried out all the same. */
function authorizeOrApply(ctx: Parameters<Handler>[0], principal: Parameters<Handler>[1] & object, accountID: string): void {
  try {
    authorize(principal, ctx.operation, accountID, ctx.store, ctx.config);
  } catch (error) {
    const ticket = ctx.store.get(accountID, ctx.pathParams.ticketID ?? '');
    if (ctx.config.faults.has('refused-update-applied') && error instanceof HttpAnswer && error.status === 403 && ticket && ticket.status !== 'closed' && /"status"\s*:\s*"closed"/.test(ctx.body.text)) {
      ctx.store.close(accountID, ticket.ticketID);
    }
    throw error;
  }
}

/** The account that holds `ticket` (the path's, unless the cross-account fault found it elsewhere). */
function ownerOf(ctx: Parameters<Handler>[0], ticket: Ticket): string {
  const pathAccount = ctx.pathParams.accountID ?? '';
  if (ctx.store.get(pathAccount, ticket.ticketID)) return pathAccount;
  for (const id of [ctx.config.partnerAccountID, ctx.config.connectedAccountID, ctx.config.unrelatedAccountID]) {
    if (ctx.store.get(id, ticket.ticketID)) return id;
  }
  return pathAccount;
}
