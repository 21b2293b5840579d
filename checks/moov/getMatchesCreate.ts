import type { Ticket } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import { sameInstant } from '../../lib/json';
import { defineCheck } from '../check';
import { SRC } from './sources';

export interface ReadBackEvidence {
  created: Ticket;
  /** The ticket as get returned it. */
  read: Ticket;
  exchange: Exchange;
}

const SAME_VALUE = ['ticketID', 'number', 'title', 'status', 'foreignID'] as const;

export const getMatchesCreate = defineCheck<ReadBackEvidence>({
  id: 'TKT-GET-001',
  title: 'retrieved ticket differs from the one created or listed',
  api: 'moov',
  severity: 'error',
  source: SRC.getByID,
  detects: 'a retrieved ticket whose id, number, title, contact, status, foreignID or createdOn differ from the create response (or from the list entry just read)',
  triggers: 'a get right after each create (generated payloads), and a get of listed tickets',
  requests: 'one get per created ticket',
  operations: ['getTicket'],
  statuses: [200],
  evaluate: ({ created, read, exchange }) => {
    const diffs: string[] = [];
    for (const field of SAME_VALUE) {
      if (created[field] !== read[field]) diffs.push(`${field}: created ${JSON.stringify(created[field])}, got ${JSON.stringify(read[field])}`);
    }
    if (JSON.stringify(created.contact) !== JSON.stringify(read.contact)) diffs.push(`contact: created ${JSON.stringify(created.contact)}, got ${JSON.stringify(read.contact)}`);
    if (!sameInstant(created.createdOn, read.createdOn)) diffs.push(`createdOn: created ${created.createdOn}, got ${read.createdOn}`);
    return diffs.length === 0 ? [] : [{ expected: 'the ticket create returned', received: diffs.join('; '), exchange }];
  },
});
