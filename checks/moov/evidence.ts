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
  /** True when the walk started from a cursor an earlier walk issued, not from the first page. */
  fromCursor?: boolean;
  /**
   * The target refused the walk's start: a cursor another listing issued (the census's, sent under
   * a status filter), which the pages allow it to refuse. The walk holds no page.
   */
  refused?: boolean;
  /**
   * A partial walk that holds every ticket created after the account's census: its tail (the
   * listing rises) or its head (it falls). Judged like a complete walk for those tickets.
   */
  segment?: 'head' | 'tail';
}

/** A response plus the request fields a check needs to judge it. */
export interface JudgedResponse extends ResponseEvidence {
  /** What the suite sent (for create/update round-trip checks). */
  sent?: unknown;
}

export function walkTickets(walk: ListWalk): Ticket[] {
  return walk.pages.flatMap((p) => p.items);
}

/**
 * The page a missing ticket should have been on, for its reproduction: `stable` is in listing
 * order (the census's), so the ticket belongs right after the nearest ticket before it that the
 * walk did list: on that ticket's page, or on the next page when that ticket ended its page (a
 * gap at a page boundary). A ticket before every listed one belongs on the first page.
 */
export function pageWhereMissing(walk: ListWalk, stable: readonly Ticket[], missing: Ticket): ListPage | undefined {
  const pageOf = new Map<string, number>();
  walk.pages.forEach((page, i) => page.items.forEach((t) => pageOf.set(t.ticketID, i)));
  const before = stable.slice(0, Math.max(0, stable.findIndex((t) => t.ticketID === missing.ticketID))).reverse().find((t) => pageOf.has(t.ticketID));
  if (before === undefined) return walk.pages[0];
  const index = pageOf.get(before.ticketID)!;
  const page = walk.pages[index]!;
  const endsPage = page.items[page.items.length - 1]?.ticketID === before.ticketID;
  return (endsPage ? walk.pages[index + 1] : undefined) ?? page;
}
