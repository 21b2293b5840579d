import type { CreateTicket, Ticket } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import { defineCheck } from '../check';
import { SRC } from './sources';

export interface CreateEchoEvidence {
  sent: CreateTicket;
  created: Ticket;
  exchange: Exchange;
}

export const createEchoesInput = defineCheck<CreateEchoEvidence>({
  id: 'TKT-CRT-001',
  title: 'created ticket differs from what was sent',
  api: 'moov',
  severity: 'error',
  source: SRC.create,
  detects: 'a create response whose title, contact (email, name) or foreignID is not exactly what was sent (trimmed, escaped, re-cased, dropped)',
  triggers: 'generated valid payloads: unicode, HTML, long and short strings, optional fields present or absent',
  requests: 'one create per generated payload (needs ALLOW_WRITES on live targets; counts against MOOV_MAX_WRITES)',
  operations: ['createTicket'],
  statuses: [200],
  evaluate: ({ sent, created, exchange }) => {
    const diffs: string[] = [];
    if (created.title !== sent.title) diffs.push(`title: sent ${JSON.stringify(sent.title)}, got ${JSON.stringify(created.title)}`);
    if (created.contact?.email !== sent.contact.email) diffs.push(`contact.email: sent ${JSON.stringify(sent.contact.email)}, got ${JSON.stringify(created.contact?.email)}`);
    if (sent.contact.name !== undefined && created.contact?.name !== sent.contact.name) {
      diffs.push(`contact.name: sent ${JSON.stringify(sent.contact.name)}, got ${JSON.stringify(created.contact?.name)}`);
    }
    if (sent.foreignID !== undefined && created.foreignID !== sent.foreignID) {
      diffs.push(`foreignID: sent ${JSON.stringify(sent.foreignID)}, got ${JSON.stringify(created.foreignID)}`);
    }
    return diffs.length === 0 ? [] : [{ expected: 'title, contact and foreignID exactly as sent', received: diffs.join('; '), exchange }];
  },
});
