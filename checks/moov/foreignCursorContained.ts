import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

export interface ForeignCursorEvidence extends JudgedResponse {
  /** The account whose listing issued the cursor, and the account the request named. */
  issuedFor: string;
  usedOn: string;
  /** Ticket IDs known to belong to the issuing account (its census). */
  foreignTicketIDs: ReadonlySet<string>;
}

/**
 * A cursor is a position in one account's listing. Whether a server refuses it on another
 * account (4xx) or reads it as a position in that one (2xx) the pages leave open; serving the
 * issuing account's tickets through another account's path is a leak either way.
 */
export const foreignCursorContained = defineCheck<ForeignCursorEvidence>({
  id: 'TKT-ISO-003',
  title: "a cursor from another account's listing serves that account's tickets",
  api: 'moov',
  severity: 'error',
  source: SRC.listAll,
  detects: "a list request for one account, given a cursor issued for another account's listing, answered with tickets of that other account",
  triggers: "a cursor from the partner's listing sent on the connected account's, and the other way round",
  requests: 'two list requests',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: (e) => {
    if (e.status < 200 || e.status >= 300) return [];
    const items = (e.json as { items?: Array<{ ticketID?: unknown }> } | undefined)?.items ?? [];
    const leaked = items.map((t) => String(t.ticketID)).filter((id) => e.foreignTicketIDs.has(id));
    return leaked.length === 0
      ? []
      : [{ expected: `only tickets of account ${e.usedOn} (or a 4xx refusing the cursor)`, received: `${leaked.length} ticket(s) of account ${e.issuedFor}, e.g. ${leaked[0]}`, exchange: e.exchange }];
  },
});
