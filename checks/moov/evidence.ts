import type { Ticket, TicketStatus } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import type { ResponseEvidence } from '../response/evidence';

/** One page of a list walk. */
export interface ListPage {
  count?: number;
  status?: TicketStatus;
  items: Ticket[];
  /** The nextPage cursor, when the page had one. */
  nextCursor?: string;
  exchange: Exchange;
}

/** A cursor walk: pages in order, from the first request to the page without nextPage. */
export interface ListWalk {
  accountID: string;
  count?: number;
  status?: TicketStatus;
  pages: ListPage[];
  /** False when the walk stopped at its page budget instead of at a page without nextPage. */
  complete: boolean;
  /** True when the walk gave up on consecutive empty pages that still carried nextPage. */
  runaway?: boolean;
}

/**
 * The tickets an account held, unchanged, across a stretch of time: listed by one reference walk
 * before the walks under test and by another after them, with the same status both times. Only
 * these may be missed by a walk; tickets created, closed or changed meanwhile (by this run, a
 * parallel shard or anyone else on a live account) prove nothing. No clock is involved, so a
 * server's timestamps cannot switch the comparison off.
 */
export function stableTickets(before: readonly Ticket[], after: readonly Ticket[]): Ticket[] {
  const later = new Map(after.map((t) => [t.ticketID, t]));
  return before.filter((t) => later.get(t.ticketID)?.status === t.status);
}

/** A response plus the request fields a check needs to judge it. */
export interface JudgedResponse extends ResponseEvidence {
  /** What the suite sent (for create/update round-trip checks). */
  sent?: unknown;
}

export function walkTickets(walk: ListWalk): Ticket[] {
  return walk.pages.flatMap((p) => p.items);
}
