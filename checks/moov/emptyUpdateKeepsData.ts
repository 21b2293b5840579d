import type { Ticket, TicketContact } from '../../lib/contract/moov.types';
import { sameContact } from './getMatchesCreate';
import { isRecord } from '../../lib/json';
import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

export interface EmptyUpdateEvidence extends JudgedResponse {
  before: Ticket;
  readBack?: Ticket;
}

const KEPT = ['ticketID', 'number', 'title', 'status', 'foreignID'] as const;

export const emptyUpdateKeepsData = defineCheck<EmptyUpdateEvidence>({
  id: 'TKT-UPD-004',
  title: 'empty update loses data',
  api: 'moov',
  severity: 'error',
  source: SRC.update,
  detects: 'an update with no fields (the pages\' own SDK examples send `{}`) that changes the ticket, or a 2xx returning a ticket other than the one stored; a 4xx refusal is accepted',
  triggers: 'PATCH with {}, with no body and with status null, on an open ticket (the one the refused-status probes leave open) and on a closed one',
  requests: 'three updates and three gets per ticket, on tickets other checks created (needs ALLOW_WRITES on live targets)',
  operations: ['updateTicket'],
  statuses: [200, 400, 422],
  evaluate: (e) => {
    const findings = [];
    const check = (label: string, ticket: unknown) => {
      if (!isRecord(ticket)) return;
      const changed = KEPT.filter((field) => ticket[field] !== e.before[field]);
      if (!sameContact(ticket.contact as TicketContact | undefined, e.before.contact)) changed.push('contact' as never);
      if (changed.length > 0) findings.push({ expected: `${label}: ticket unchanged`, received: `changed ${changed.join(', ')}`, exchange: e.exchange });
    };
    if (e.status >= 200 && e.status < 300) check('update response', e.json);
    else if (e.status >= 500) findings.push({ expected: '200 with the ticket unchanged, or a 4xx', received: String(e.status), exchange: e.exchange });
    check('ticket read back', e.readBack);
    return findings;
  },
});
