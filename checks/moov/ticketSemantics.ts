import type { Ticket } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import { defineCheck } from '../check';
import { SRC } from './sources';

export interface TicketSeen {
  ticket: Ticket;
  exchange: Exchange;
}

export const closedHasClosedOn = defineCheck<TicketSeen>({
  id: 'TKT-SEM-001',
  title: 'closed ticket without closedOn',
  api: 'moov',
  severity: 'advisory',
  source: SRC.closedOn,
  detects: 'a ticket with status closed and no closedOn (the pages imply it, they do not say it)',
  triggers: 'every ticket in every 200 body the suite receives',
  requests: 'none',
  operations: ['listTickets', 'getTicket', 'createTicket', 'updateTicket'],
  statuses: [200],
  evaluate: ({ ticket, exchange }) =>
    ticket.status === 'closed' && ticket.closedOn === undefined
      ? [{ expected: `closedOn on closed ticket ${ticket.ticketID}`, received: 'absent', exchange }]
      : [],
});

export const updatedNotBeforeCreated = defineCheck<TicketSeen>({
  id: 'TKT-SEM-002',
  title: 'updatedOn before createdOn',
  api: 'moov',
  severity: 'advisory',
  source: SRC.timestamps,
  detects: 'a ticket updated before it was created (or closed before it was created)',
  triggers: 'every ticket in every 200 body the suite receives',
  requests: 'none',
  operations: ['listTickets', 'getTicket', 'createTicket', 'updateTicket'],
  statuses: [200],
  evaluate: ({ ticket, exchange }) => {
    const created = Date.parse(ticket.createdOn);
    const findings = [];
    if (Date.parse(ticket.updatedOn) < created) findings.push({ expected: `updatedOn ≥ createdOn (${ticket.createdOn})`, received: `updatedOn ${ticket.updatedOn}`, exchange });
    if (ticket.closedOn !== undefined && Date.parse(ticket.closedOn) < created) findings.push({ expected: `closedOn ≥ createdOn (${ticket.createdOn})`, received: `closedOn ${ticket.closedOn}`, exchange });
    return findings;
  },
});
