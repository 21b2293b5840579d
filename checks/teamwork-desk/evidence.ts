import type { Ticket, TicketFilter, TicketsAPIBody } from '../../lib/contract/teamworkDesk.types';
import type { Exchange } from '../../lib/http/exchange';
import { definitelyDistinct } from '../../lib/teamworkDesk/compare';
import { orderKey } from '../../lib/teamworkDesk/orderKey';
import type { ResponseEvidence } from '../response/evidence';

/** What a list request asked for, parsed (the filter as an object, includes as names). */
export interface ListQuery {
  filter?: TicketFilter;
  orderBy?: string;
  orderMode?: string;
  page?: number;
  pageSize?: number;
  includes?: readonly string[];
}

/** One 200 page, its body already validated against the contract. */
export interface ListPage {
  query: ListQuery;
  body: TicketsAPIBody;
  exchange: Exchange;
}

/** A walk: pages 1, 2, ... of one query, following hasMorePages. */
export interface ListWalk {
  /** The query every page shared (without page). */
  query: ListQuery;
  pages: ListPage[];
  /** True when the walk ended on a page whose hasMorePages was false. */
  complete: boolean;
  /** True when the walk gave up on empty pages that still said hasMorePages (incomplete, not runaway: the page budget ran out). */
  runaway: boolean;
}

/** A response a check judges by its status and body (error and auth answers). */
export interface JudgedResponse extends ResponseEvidence {
  /** What the suite did to the request, for the failure message. */
  mutation: string;
}

export function walkTickets(walk: ListWalk): Ticket[] {
  return walk.pages.flatMap((p) => p.body.tickets);
}

/** Short label for a ticket in failure messages. */
export function label(ticket: Ticket): string {
  return `ticket ${String(ticket.id)}`;
}

/**
 * Whether the walk's order leaves no tie to break: an orderBy the suite can read (the ticket's
 * own value, or a related record's) that is non-null on every ticket and distinct between tickets
 * under every reading. Where ties exist the pages do not say how they are broken, so a server
 * paging by offset may legitimately repeat or skip a tied ticket at a page boundary. That holds
 * for the default order too: it is not documented (createdAt, say, with ties broken differently
 * per request), so a walk without orderBy is never taken as tie-free.
 */
export function orderLeavesNoTies(walk: ListWalk): boolean {
  const key = orderKey(walk.query.orderBy);
  if (key === undefined) return false;
  // One value per ticket: a ticket listed twice is what the walk checks look for, not a tie.
  const values = new Map<number, unknown>();
  for (const page of walk.pages) {
    for (const ticket of page.body.tickets) {
      const value = key.read(ticket, page.body.included);
      if (value === null || value === undefined) return false;
      values.set(ticket.id, value);
    }
  }
  return definitelyDistinct([...values.values()], key.kind);
}
