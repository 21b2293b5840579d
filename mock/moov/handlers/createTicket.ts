import type { CreateTicket } from '../../../lib/contract/moov.types';
import { HttpAnswer } from '../../shared/http';
import type { ValidationIssue } from '../../../lib/contract/validation';
import type { Handler } from '../context';
import { authorize } from '../auth';
import { presentTicket } from '../present';
import { contractIssues, jsonObjectBody, rejectInvalid } from '../requestBody';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

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
  const { config, store } = ctx;
  const accountID = ctx.pathParams.accountID ?? '';
  const validateFirst = config.variants.has('validate-before-authorize');
  if (principal && !validateFirst) authorize(principal, ctx.operation, accountID, store, config);
  const raw = jsonObjectBody(ctx);
  if (config.faults.has('refused-create-stored') && typeof raw.title === 'string' && raw.title.length > 10_000) {
    store.create(accountID, { title: raw.title, body: typeof raw.body === 'string' ? raw.body : '', contact: { email: 'stored@example.com' }, ...(typeof raw.foreignID === 'string' ? { foreignID: raw.foreignID } : {}) });
  }
  let issues = contractIssues(ctx, raw);
  if (config.faults.has('missing-field-accepted')) {
    issues = issues.filter((i) => !(i.keyword === 'required' && i.field === 'title'));
    if (raw.title === undefined) raw.title = '';
  }
  if (issues.length > 0) rejectInvalid(ctx, 'CreateTicketError', issues);
  const input = raw as unknown as CreateTicket;
  const semantic = config.variants.has('lenient-strings') || config.faults.has('missing-field-accepted') ? [] : semanticIssues(input);
  if (semantic.length > 0) rejectInvalid(ctx, 'CreateTicketError', semantic);
  if (principal && validateFirst) authorize(principal, ctx.operation, accountID, store, config);
  // A foreignID already used, where the mock (or the target its profile describes) refuses it.
  if (config.duplicateForeignID !== 'accepted' && input.foreignID !== undefined && store.hasForeignID(accountID, input.foreignID)) {
    const message = `foreignID: another ticket of this account carries ${JSON.stringify(input.foreignID)}`;
    throw new HttpAnswer(config.duplicateForeignID, config.duplicateForeignID === 422 ? { foreignID: message } : { error: message });
  }
  const ticket = store.create(accountID, storedForm(input, config), !config.faults.has('create-not-persisted'), ctx.sharedTicketID);
  return { status: 200, body: presentTicket(ticket, config) };
};

/** What the store keeps of a create's input: all of it, unless a fault alters it. */
function storedForm(input: CreateTicket, config: Parameters<Handler>[0]['config']): CreateTicket {
  let title = input.title;
  let email = input.contact.email;
  if (config.faults.has('title-html-escaped')) title = escapeHtml(title);
  if (config.faults.has('title-trimmed')) title = title.trim();
  if (config.faults.has('long-title-truncated')) title = Array.from(title).slice(0, LONG_TITLE).join('');
  if (config.faults.has('email-lowercased')) email = email.toLowerCase();
  return title === input.title && email === input.contact.email ? input : { ...input, title, contact: { ...input.contact, email } };
}

/** Where the long-title-truncated fault cuts titles (code points). */
const LONG_TITLE = 1000;
