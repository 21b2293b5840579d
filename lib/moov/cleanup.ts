import { request } from '@playwright/test';
import type { MoovTarget } from '../config/moovTarget';
import { MoovClient } from './client';
import { WriteLedger } from './ledger';

/**
 * Closes every ticket a ledger lists as created and not yet closed (tickets cannot be deleted).
 * Used at the end of a live run and by `npm run cleanup` after an interrupted one.
 */
export async function closeLedgerTickets(file: string, target: MoovTarget, log: (line: string) => void): Promise<{ closed: number; failed: number }> {
  const open = WriteLedger.open(file);
  if (open.length === 0) return { closed: 0, failed: 0 };
  const http = await request.newContext();
  const client = new MoovClient(http, target);
  const ledger = new WriteLedger(file);
  let closed = 0;
  let failed = 0;
  try {
    for (const ticket of open) {
      const response = await client.send('updateTicket', { path: { accountID: ticket.accountID, ticketID: ticket.ticketID }, json: { status: 'closed' } });
      // 409 "already closed" and 404 (never stored) leave nothing open either.
      if ((response.status >= 200 && response.status < 300) || response.status === 409 || response.status === 404) {
        ledger.append({ event: 'closed', ticketID: ticket.ticketID, accountID: ticket.accountID, at: new Date().toISOString() });
        closed += 1;
      } else {
        failed += 1;
        log(`cleanup: could not close ticket ${ticket.ticketID} in ${ticket.accountID}: HTTP ${response.status}`);
      }
    }
  } finally {
    await http.dispose();
  }
  log(`cleanup: closed ${closed} ticket(s) from ${file}${failed > 0 ? `, ${failed} left open (re-run npm run cleanup -- ${file})` : ''}`);
  return { closed, failed };
}
