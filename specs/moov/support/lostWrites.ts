import { walkTickets, type ListWalk } from '../../../checks/moov/evidence';
import type { Ticket } from '../../../lib/contract/moov.types';
import { AnswerLostError } from '../../../lib/http/availability';
import { isRecord } from '../../../lib/json';
import type { MoovRequest, MoovResponse } from '../../../lib/moov/client';
import { skipRun } from '../../support/property';
import type { MoovOperationId } from '../../../lib/contract/moov';
import type { Census } from './census';

/**
 * What recovering a lost write needs of the test's API (MoovApi provides it): reads judged as they
 * come, the consistency window, the write plan's reserve and ledger, the test's weather notes.
 */
export interface LostWriteHost {
  call(operation: MoovOperationId, request: MoovRequest): Promise<MoovResponse>;
  resend(operation: MoovOperationId, request: MoovRequest): Promise<MoovResponse>;
  operation(id: MoovOperationId): MoovResponse['operation'];
  noteWeather(text: string): void;
  ledgerUncertain(accountID: string, foreignID: string, title: string): void;
  reserveResend(): boolean;
  census(accountID: string): Promise<Census>;
  locate(accountID: string, options?: { expect?: ReadonlyArray<Pick<Ticket, 'ticketID'>> }): Promise<ListWalk>;
  eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<{ value: T; lagMs: number; settled: boolean }>;
}

/** Tickets read by ID to tell which new one carries a foreignID, when list items do not show it. */
const MAX_CANDIDATE_READS = 5;

/**
 * A create or update whose answer was lost (a gateway's 502/503/504, a 500, a dropped connection,
 * silence) may have happened or not. It is never blindly repeated: the suite finds out first.
 *
 * - A create: the ledger records the ticket as uncertain (cleanup looks for it again); the ticket
 *   is looked for by its foreignID, unique to it, where the listing keeps new tickets, for the
 *   consistency window. Found: the write happened, and the ticket as read back is the answer.
 *   Not found: the create is sent once more, with a ticket from the write plan's reserve (the
 *   first may still show up later; cleanup closes it then).
 * - An update: the ticket is read back for the consistency window. Already in the state asked
 *   for: that read is the answer. Otherwise the update is sent once more.
 *
 * An answer found by reading back carries `recovered` (what was lost), so it is judged as the
 * ticket read back, not as the write's own response; the test notes it as weather.
 */
export async function recoverLostWrite(api: LostWriteHost, operation: 'createTicket' | 'updateTicket', request: MoovRequest, lost: AnswerLostError): Promise<MoovResponse> {
  const accountID = request.path.accountID ?? '';
  const json = isRecord(request.json) ? request.json : {};
  const read = operation === 'createTicket' ? await findCreated(api, accountID, json) : await findUpdated(api, accountID, request.path.ticketID ?? '', json);
  if (read) {
    api.noteWeather(`${operation}: ${lost.what}; it had happened (the ticket read back shows it) and is judged as read back`);
    return { ...read, operation: api.operation(operation), recovered: lost.what };
  }
  if (operation === 'createTicket' && !api.reserveResend()) {
    skipRun(`target unavailable: ${lost.what}; no ticket with its foreignID showed within the consistency window, and the write plan's reserve has no room to send it again`);
  }
  api.noteWeather(`${operation}: ${lost.what}; it had not happened (not found within the consistency window) and was sent again`);
  return api.resend(operation, request);
}

/** The ticket a lost create made, found by its foreignID; undefined when it does not show within the consistency window. */
async function findCreated(api: LostWriteHost, accountID: string, json: Record<string, unknown>): Promise<MoovResponse | undefined> {
  const foreignID = typeof json.foreignID === 'string' ? json.foreignID : undefined;
  if (foreignID === undefined) skipRun(`target unavailable: a create's answer was lost and, without a foreignID, nothing tells whether it happened`);
  api.ledgerUncertain(accountID, foreignID, typeof json.title === 'string' ? json.title : '');
  const { value } = await api.eventually(() => lookUp(api, accountID, foreignID, json.title), (found) => found !== undefined);
  return value;
}

async function lookUp(api: LostWriteHost, accountID: string, foreignID: string, title: unknown): Promise<MoovResponse | undefined> {
  const census = await api.census(accountID);
  const listed = walkTickets(await api.locate(accountID));
  const direct = listed.find((t) => t.foreignID === foreignID);
  // List items may leave foreignID out (seed 000 does not show it): read the new tickets with our title.
  const candidates = direct ? [direct] : listed.filter((t) => t.foreignID === undefined && t.title === title && !census.position.has(t.ticketID)).slice(0, MAX_CANDIDATE_READS);
  for (const candidate of candidates) {
    const response = await api.call('getTicket', { path: { accountID, ticketID: candidate.ticketID } });
    if (response.status === 200 && (response.json as Ticket).foreignID === foreignID) return response;
  }
  return undefined;
}

/** The ticket read back when it already shows the status a lost update asked for. */
async function findUpdated(api: LostWriteHost, accountID: string, ticketID: string, json: Record<string, unknown>): Promise<MoovResponse | undefined> {
  const wanted = json.status;
  if (typeof wanted !== 'string') return undefined;
  const shows = (r: MoovResponse) => r.status === 200 && (r.json as Ticket).status === wanted;
  const { value, settled } = await api.eventually(() => api.call('getTicket', { path: { accountID, ticketID } }), shows);
  return settled ? value : undefined;
}
