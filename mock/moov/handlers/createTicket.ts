import { randomUUID } from 'node:crypto';
import type { CreateTicket } from '../../../lib/contract/moov.types';
import { HttpAnswer } from '../../shared/http';
import type { ValidationIssue } from '../../../lib/contract/validation';
import type { Handler } from '../context';
import { authorize } from '../auth';
import { presentTicket } from '../present';
import { contractIssues, jsonObjectBody, rejectInvalid } from '../requestBody';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Rules the pages leave open, decided the way a careful server would: required text must not be
 * blank and the contact's email must look like one. Variant lenient-strings turns them off.
 */
function semanticIssues(body: CreateTicket): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const blank = (field: string, value: string) => {
    if (value.trim() === '') issues.push({ field, keyword: 'minLength', message: `${field}: must not be blank` });
  };
  blank('title', body.title);
  blank('body', body.body);
  if (!EMAIL.test(body.contact.email)) issues.push({ field: 'contact.email', keyword: 'format', message: 'contact.email: must be an email address' });
  return issues;
}

export const createTicket: Handler = (ctx, principal) => {
  const { config, store, tamper } = ctx;
  const accountID = ctx.pathParams.accountID ?? '';
  const validateFirst = config.variants.has('validate-before-authorize');
  if (principal && !validateFirst) authorize(ctx, principal, accountID);
  const raw = jsonObjectBody(ctx);
  const issues = contractIssues(ctx, raw);
  if (issues.length > 0) rejectInvalid(ctx, 'CreateTicketError', issues);
  const input = raw as unknown as CreateTicket;
  const semantic = config.variants.has('lenient-strings') ? [] : tamper.issues(semanticIssues(input), 'semantic', raw, ctx);
  if (semantic.length > 0) rejectInvalid(ctx, 'CreateTicketError', semantic);
  if (principal && validateFirst) authorize(ctx, principal, accountID);
  // A foreignID already used, where the mock (or the target its profile describes) refuses it.
  if (config.duplicateForeignID !== 'accepted' && input.foreignID !== undefined && store.hasForeignID(accountID, input.foreignID)) {
    const message = `foreignID: another ticket of this account carries ${JSON.stringify(input.foreignID)}`;
    throw new HttpAnswer(config.duplicateForeignID, config.duplicateForeignID === 422 ? { foreignID: message } : { error: message });
  }
  const ticket = store.create(accountID, tamper.storedInput(input, ctx), tamper.ticketID(randomUUID(), ctx));
  return { status: 200, body: presentTicket(ticket, ctx) };
};
