import type { CreateTicket, Ticket } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import { defineCheck } from '../check';
import { SRC } from './sources';

/** Where the ticket was shown: the create's answer, a get by ID, or an item of the listing. */
export type ValueStage = 'create response' | 'get by ID' | 'list item';

export interface ValuesEvidence {
  sent: CreateTicket;
  stage: ValueStage;
  /** The ticket as that stage shows it; a list item is judged only on the fields it shows. */
  shown: Partial<Ticket>;
  exchange?: Exchange;
}

/** A value for a message: short values whole, long ones by length and where they first differ. */
export function describeDifference(sent: string, got: unknown): string {
  if (typeof got !== 'string') return `sent ${describe(sent)}, got ${JSON.stringify(got)}`;
  const a = Array.from(sent);
  const b = Array.from(got);
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const hint = at < Math.max(a.length, b.length) ? `; first difference at character ${at + 1}: sent ${JSON.stringify(a.slice(at, at + 8).join(''))}, got ${JSON.stringify(b.slice(at, at + 8).join(''))}` : '';
  return `sent ${describe(sent)}, got ${describe(got)}${hint}`;
}

function describe(value: string): string {
  const length = Array.from(value).length;
  return length <= 60 ? `${JSON.stringify(value)} (${length} characters)` : `${length} characters starting ${JSON.stringify(Array.from(value).slice(0, 24).join(''))}`;
}

export const valuesStoredExactly = defineCheck<ValuesEvidence>({
  id: 'TKT-VAL-001',
  title: 'an accepted value is not stored or shown exactly as sent',
  api: 'moov',
  severity: 'error',
  source: SRC.storedAsSent,
  detects: 'a title, contact e-mail address or contact name the target accepted that its create response, a get by ID or a list item showing the field gives back altered: shortened, trimmed, re-cased, with characters of another Unicode plane or combining marks mangled',
  triggers: 'generated creates whose values span 1 to about 5,000 characters (biased to the edges), upper and mixed case e-mail addresses, leading and trailing spaces, every Unicode plane and combining marks; plus one create of every edge at once. A 4xx refusal is accepted and reported',
  requests: 'one create per case (from the write plan), one get, one walk of the part of the listing that keeps new tickets',
  operations: ['createTicket', 'getTicket', 'listTickets'],
  statuses: [200],
  evaluate: ({ sent, stage, shown, exchange }) => {
    const diffs: string[] = [];
    const list = stage === 'list item';
    if ((!list || shown.title !== undefined) && shown.title !== sent.title) diffs.push(`title: ${describeDifference(sent.title, shown.title)}`);
    const contact = shown.contact;
    if ((!list || contact?.email !== undefined) && contact?.email !== sent.contact.email) diffs.push(`contact.email: ${describeDifference(sent.contact.email, contact?.email)}`);
    if (sent.contact.name !== undefined && (!list || contact?.name !== undefined) && contact?.name !== sent.contact.name) diffs.push(`contact.name: ${describeDifference(sent.contact.name, contact?.name)}`);
    return diffs.length === 0 ? [] : [{ expected: `the ${stage} showing title and contact exactly as sent`, received: diffs.join('; '), exchange }];
  },
});
