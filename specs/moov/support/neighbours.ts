import { moovChecks as C } from '../../../checks/moov';
import type { Neighbour } from '../../../checks/moov/writeTouchesOnlyTarget';
import { verify } from '../../../checks/verify';
import type { Ticket, TicketStatus } from '../../../lib/contract/moov.types';
import { sameInstant } from '../../../lib/json';
import type { MoovApi } from './api';

/** Neighbours judged per write: the run's most recent other tickets in the account. */
export const MAX_NEIGHBOURS = 4;

/** A neighbour to judge: a ticket the run wrote itself, with the status it gave it, or (no status) one it did not write. */
export interface OwnTicket {
  ticketID: string;
  accountID: string;
  status?: TicketStatus;
}

function same(a: Ticket, b: Ticket): boolean {
  return a.status === b.status && a.title === b.title && sameInstant(a.updatedOn, b.updatedOn) && a.contact?.email === b.contact?.email && a.contact?.name === b.contact?.name;
}

/**
 * The neighbours of a write, read before it (at most `max`, the last of `own`): the run's own
 * tickets, each read until it shows the status the run gave it (a lagging read settles first), and
 * tickets it did not write (the census's newest), taken as read. Another client may change those
 * between the two readings on a live account: a finding there is a property failure, which a live
 * run confirms by replaying the case before it counts (a coincidence does not repeat). Tickets
 * that do not read 200 before the write are left out (that is another check's finding).
 */
export async function neighboursBefore(moov: MoovApi, own: readonly OwnTicket[], max = MAX_NEIGHBOURS): Promise<Ticket[]> {
  const out: Ticket[] = [];
  for (const t of own.slice(-max)) {
    const { value } = await moov.eventually(
      () => moov.call('getTicket', { path: { accountID: t.accountID, ticketID: t.ticketID } }),
      (r) => r.status === 200 && (t.status === undefined || (r.json as Ticket).status === t.status),
    );
    if (value.status === 200 && (t.status === undefined || (value.json as Ticket).status === t.status)) out.push(value.json as Ticket);
  }
  return out;
}

/** Reads the neighbours again after the write (until they match, within the consistency window) and judges TKT-NBR-001. */
export async function judgeNeighbours(moov: MoovApi, write: string, accountID: string, before: readonly Ticket[]): Promise<void> {
  if (before.length === 0) return;
  const neighbours: Neighbour[] = [];
  for (const known of before) {
    const { value } = await moov.eventually(
      () => moov.call('getTicket', { path: { accountID, ticketID: known.ticketID } }),
      (r) => r.status === 200 && same(r.json as Ticket, known),
    );
    neighbours.push({ known, now: value.status === 200 ? (value.json as Ticket) : undefined, readStatus: value.status, exchange: value.exchange });
  }
  verify(C.writeTouchesOnlyTarget, { write, neighbours }, { operation: 'getTicket', status: 200 });
}
