import type { Ticket, TicketContact } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import { sameInstant } from '../../lib/json';
import { defineCheck } from '../check';
import { SRC } from './sources';

export interface ReadBackEvidence {
  created: Ticket;
  /** The ticket as get returned it. */
  read: Ticket;
  exchange: Exchange;
  /** Fields not to compare: status when others may change it meanwhile, foreignID a list omitted. */
  ignore?: ReadonlyArray<'status' | 'foreignID'>;
}

const SAME_VALUE = ['ticketID', 'number', 'title', 'status', 'foreignID'] as const;

/** Field by field: key order is not part of JSON's meaning. */
export function sameContact(a: TicketContact | undefined, b: TicketContact | undefined): boolean {
  return a?.email === b?.email && a?.name === b?.name;
}

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
  evaluate: ({ created, read, exchange, ignore = [] }) => {
    const diffs: string[] = [];
    for (const field of SAME_VALUE) {
      if ((ignore as readonly string[]).includes(field)) continue;
      if (created[field] !== read[field]) diffs.push(`${field}: created ${JSON.stringify(created[field])}, got ${JSON.stringify(read[field])}`);
    }
    if (!sameContact(created.contact, read.contact)) diffs.push(`contact: created ${JSON.stringify(created.contact)}, got ${JSON.stringify(read.contact)}`);
    if (!sameInstant(created.createdOn, read.createdOn)) diffs.push(`createdOn: created ${created.createdOn}, got ${read.createdOn}`);
    return diffs.length === 0 ? [] : [{ expected: 'the ticket create returned', received: diffs.join('; '), exchange }];
  },
});
