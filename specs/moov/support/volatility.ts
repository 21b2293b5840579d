import type { Ticket } from '../../../lib/contract/moov.types';
import { TICKET_LABEL_PREFIX } from '../../../lib/config/run';
import type { Volatility } from '../../../checks/moov/evidence';

/** Tolerance for a live target's clock running behind ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Tickets that may differ between two walks: any the suite created (labelled foreignID, this or a
 * parallel run) and any created or updated since shortly before this run began.
 */
export function volatilitySince(runStartedAt: number): Volatility {
  const since = runStartedAt - CLOCK_SKEW_MS;
  return {
    isVolatile: (ticket: Ticket) =>
      (typeof ticket.foreignID === 'string' && ticket.foreignID.startsWith(`${TICKET_LABEL_PREFIX}:`)) ||
      Date.parse(ticket.createdOn) >= since ||
      Date.parse(ticket.updatedOn) >= since,
  };
}
