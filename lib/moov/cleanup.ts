import { request } from '@playwright/test';
import type { MoovTarget } from './settings';
import type { Ticket } from '../contract/moov.types';
import { TargetUnavailableError } from '../http/availability';
import { isRecord } from '../json';
import { MoovClient } from './client';
import { WriteLedger, type UncertainWrite } from './ledger';
import { TicketWrites } from './ticketWrites';

/** Pages of an account cleanup reads looking for an uncertain ticket (200 each: 20,000 tickets). */
const MAX_SEARCH_PAGES = 100;

/**
 * Closes every ticket a ledger lists as created and not yet closed (tickets cannot be deleted),
 * after looking for the tickets of creates whose answer was lost (uncertain): found by foreignID,
 * they are ledgered as created and closed too. Used at the end of a live run and by
 * `npm run cleanup` after an interrupted one.
 */
export async function closeLedgerTickets(file: string, target: MoovTarget, log: (line: string) => void): Promise<{ closed: number; failed: number }> {
  const uncertain = WriteLedger.uncertain(file);
  if (WriteLedger.open(file).length === 0 && uncertain.length === 0) return { closed: 0, failed: 0 };
  const http = await request.newContext();
  const client = new MoovClient(http, target);
  const tickets = new TicketWrites(new WriteLedger(file, target.baseURL));
  let closed = 0;
  let failed = 0;
  try {
    for (const write of uncertain) {
      const ticket = await findUncertain(client, write).catch(() => undefined);
      if (ticket) tickets.created(write.accountID, ticket, write.foreignID);
      else log(`cleanup: no ticket with foreignID ${write.foreignID} in ${write.accountID} (its create's answer was lost; it was probably never made)`);
    }
    let unavailable: string | undefined;
    for (const ticket of WriteLedger.open(file)) {
      if (unavailable !== undefined) {
        failed += 1;
        continue;
      }
      // Closing twice is harmless here, so a lost answer is simply asked again.
      const response = await client
        .send('updateTicket', { path: { accountID: ticket.accountID, ticketID: ticket.ticketID }, json: { status: 'closed' }, repeatable: true })
        .catch((error: unknown) => {
          if (!(error instanceof TargetUnavailableError)) throw error;
          unavailable = error.reason;
          return undefined;
        });
      const status = response?.status ?? 0;
      // 409 "already closed" and 404 (never stored) leave nothing open either.
      if ((status >= 200 && status < 300) || status === 409 || status === 404) {
        tickets.closed(ticket.accountID, ticket.ticketID);
        closed += 1;
      } else {
        failed += 1;
        if (response) log(`cleanup: could not close ticket ${ticket.ticketID} in ${ticket.accountID}: HTTP ${status}`);
      }
    }
    if (unavailable !== undefined) log(`cleanup: stopped, target unavailable: ${unavailable}`);
  } finally {
    await http.dispose();
  }
  log(`cleanup: closed ${closed} ticket(s) from ${file}${failed > 0 ? `, ${failed} left open (re-run npm run cleanup -- ${file})` : ''}`);
  return { closed, failed };
}

/** The ticket an uncertain create made, by its foreignID (list items may not show it: then by title, read by ID). */
async function findUncertain(client: MoovClient, write: UncertainWrite): Promise<Ticket | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_SEARCH_PAGES; page++) {
    const response = await client.send('listTickets', { path: { accountID: write.accountID }, query: { count: 200, cursor } });
    if (response.status !== 200 || !isRecord(response.json) || !Array.isArray(response.json.items)) return undefined;
    for (const item of response.json.items as Ticket[]) {
      if (item.foreignID === write.foreignID) return item;
      if (item.foreignID !== undefined || item.title !== write.title) continue;
      const read = await client.send('getTicket', { path: { accountID: write.accountID, ticketID: item.ticketID } });
      if (read.status === 200 && (read.json as Ticket).foreignID === write.foreignID) return item;
    }
    const next = isRecord(response.json.nextPage) ? response.json.nextPage.cursor : undefined;
    if (typeof next !== 'string') return undefined;
    cursor = next;
  }
  return undefined;
}
