import type { Ticket, TicketFilter, TicketsAPIBody } from '../../lib/contract/teamworkDesk.types';
import type { Exchange } from '../../lib/http/exchange';
import { looseKey } from '../../lib/teamworkDesk/compare';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
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
 * Whether the walk's order leaves no tie to break: no orderBy (the server's own order, which a
 * walk must follow consistently), or an orderBy on the ticket's own value that is distinct and
 * non-null on every ticket. Where ties exist the pages do not say how they are broken, so a
 * server paging by offset may legitimately repeat or skip a tied ticket at a page boundary.
 */
export function orderLeavesNoTies(walk: ListWalk): boolean {
  const orderBy = walk.query.orderBy;
  if (orderBy === undefined) return true;
  const kind = ticketVocabulary().ownValueOrder.get(orderBy);
  if (kind === undefined) return false;
  const values = walkTickets(walk).map((t) => (t as unknown as Record<string, unknown>)[orderBy]);
  if (values.some((v) => v === null || v === undefined)) return false;
  return new Set(values.map((v) => looseKey(v, kind))).size === values.length;
}
