import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

export interface CrossAccountEvidence extends JudgedResponse {
  /** Where the ticket lives and which account's path was asked. */
  ownerAccount: string;
  askedAccount: string;
  ticketID: string;
  /** For list evidence: whether the ticket appeared in the other account's walk. */
  listed?: boolean;
}

export const otherAccountTicketHidden = defineCheck<CrossAccountEvidence>({
  id: 'TKT-ISO-002',
  title: "ticket visible through another account",
  api: 'moov',
  severity: 'error',
  source: SRC.listAll,
  detects: "a ticket of one account returned by another account's get (it must be 404 there, or 403) or listed in its walk",
  triggers: "a ticket created (or seeded) in one account, then asked for through the other account's get and list",
  requests: 'one get and one full walk per account pair',
  operations: ['getTicket', 'listTickets', 'updateTicket'],
  statuses: [403, 404],
  evaluate: (e) => {
    if (e.listed) return [{ expected: `ticket ${e.ticketID} (of ${e.ownerAccount}) absent from ${e.askedAccount}'s list`, received: 'listed', exchange: e.exchange }];
    if (e.listed === false) return [];
    return e.status === 404 || e.status === 403
      ? []
      : [{ expected: `404 (or 403): ticket ${e.ticketID} belongs to ${e.ownerAccount}`, received: String(e.status), exchange: e.exchange }];
  },
});
