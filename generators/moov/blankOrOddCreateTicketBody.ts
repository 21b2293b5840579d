import fc from 'fast-check';
import type { CreateTicket } from '../../lib/contract/moov.types';
import { createTicketBody } from './createTicketBody';

/** Bodies the schema accepts but a careful server may refuse: blank required text, odd addresses. */
export interface ImpliedInvalidBody {
  body: CreateTicket;
  input: string;
  rule: 'blank' | 'email';
}

const blanks = fc.constantFrom('', ' ', '   ', '\t', '\n');

export function blankRequiredCreateTicketBody(): fc.Arbitrary<ImpliedInvalidBody> {
  return fc.tuple(createTicketBody(), fc.constantFrom('title', 'body', 'contact.email'), blanks).map(([valid, field, blank]) => {
    const body: CreateTicket = field === 'contact.email' ? { ...valid, contact: { ...valid.contact, email: blank } } : { ...valid, [field]: blank };
    return { body, input: `${field} = ${JSON.stringify(blank)}`, rule: 'blank' as const };
  });
}

export function oddEmailCreateTicketBody(): fc.Arbitrary<ImpliedInvalidBody> {
  return fc
    .tuple(createTicketBody(), fc.constantFrom('not-an-email', 'a@', '@example.com', 'two@@example.com', 'spaces in@example.com', 'plainaddress'))
    .map(([valid, email]) => ({ body: { ...valid, contact: { ...valid.contact, email } }, input: `contact.email = ${JSON.stringify(email)}`, rule: 'email' as const }));
}
