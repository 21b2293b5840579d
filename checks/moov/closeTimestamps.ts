import type { Ticket } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import { defineCheck, type Finding } from '../check';
import { SRC } from './sources';

export interface ClosedByRunEvidence {
  /** A ticket this run closed, as the target answered or read it back. */
  ticket: Ticket;
  exchange: Exchange;
}

/** Instants as milliseconds; equal at a coarser clock counts as in order. */
const at = (value: string): number => Date.parse(value);

/**
 * The close timestamps of a ticket the run itself closed. The fields' meanings order them
 * whatever the clock's precision: the close happened after the creation, and the close is an
 * update. For tickets the suite did not close these stay advisory (TKT-SEM-001/002).
 */
export const closeTimestampsConsistent = defineCheck<ClosedByRunEvidence>({
  id: 'TKT-UPD-005',
  title: 'ticket closed by this run without consistent closedOn',
  api: 'moov',
  severity: 'error',
  source: SRC.closeTimestamps,
  detects: 'a ticket this run closed that comes back without closedOn, with closedOn before createdOn, or with updatedOn before closedOn',
  triggers: 'the close answer and the read-back of every ticket the update checks close',
  requests: 'none (judges answers the update checks already have)',
  operations: ['updateTicket', 'getTicket'],
  statuses: [200],
  evaluate: ({ ticket, exchange }) => {
    if (ticket.status !== 'closed') return [];
    if (ticket.closedOn === undefined) return [{ expected: `closedOn on ticket ${ticket.ticketID}, which this run closed`, received: 'no closedOn', exchange }];
    const findings: Finding[] = [];
    if (at(ticket.closedOn) < at(ticket.createdOn)) findings.push({ expected: `closedOn not before createdOn (${ticket.createdOn})`, received: `closedOn ${ticket.closedOn}`, exchange });
    if (at(ticket.updatedOn) < at(ticket.closedOn)) findings.push({ expected: `updatedOn not before closedOn (${ticket.closedOn}): closing is an update`, received: `updatedOn ${ticket.updatedOn}`, exchange });
    return findings;
  },
});
