import { walkTickets, type ListWalk } from '../../../checks/moov/evidence';
import type { Ticket } from '../../../lib/contract/moov.types';

/**
 * Where the listing puts tickets created after the census. The pages name no order, so it is read
 * off the census: by `number` or `createdOn`, rising (new tickets at the tail) or falling (at the
 * head). Anything else is 'unknown', and finding a new ticket then takes a full walk.
 */
export type ListingOrder = 'ascending' | 'descending' | 'unknown';

/**
 * One reference listing of an account at count 200 (the documented default), taken once per worker
 * and shared by its tests: the tickets it held, in listing order, and the cursor that fetched each
 * page. It is the "before" of every comparison the worker makes later (tickets cannot be deleted),
 * the source of start cursors spread through the whole list, and what locates new tickets.
 */
export interface Census {
  accountID: string;
  tickets: Ticket[];
  /** ticketID → position in the listing. */
  position: Map<string, number>;
  /** cursors[i] is the cursor that fetched census page i (undefined: the first page). */
  cursors: Array<string | undefined>;
  order: ListingOrder;
  walk: ListWalk;
}

function monotone(values: number[]): 'ascending' | 'descending' | undefined {
  let rising = true;
  let falling = true;
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1]!;
    const b = values[i]!;
    if (b < a) rising = false;
    if (b > a) falling = false;
  }
  if (values.length < 2 || (rising && falling)) return undefined;
  return rising ? 'ascending' : falling ? 'descending' : undefined;
}

/** The order a listing follows, as far as new tickets are concerned (see ListingOrder). */
export function listingOrder(tickets: readonly Ticket[]): ListingOrder {
  const byNumber = tickets.every((t) => Number.isFinite(t.number)) ? monotone(tickets.map((t) => t.number)) : undefined;
  if (byNumber) return byNumber;
  const created = tickets.map((t) => Date.parse(t.createdOn));
  const byCreated = created.every(Number.isFinite) ? monotone(created) : undefined;
  return byCreated ?? 'unknown';
}

export function censusFrom(walk: ListWalk): Census {
  const tickets = walkTickets(walk);
  const cursors: Array<string | undefined> = [undefined, ...walk.pages.slice(0, -1).map((p) => p.nextCursor)];
  return { accountID: walk.accountID, tickets, position: new Map(tickets.map((t, i) => [t.ticketID, i])), cursors, order: listingOrder(tickets), walk };
}

/** Where one bounded walk starts and how far it may go. */
export interface WindowPlan {
  cursor?: string;
  maxPages: number;
  /** Human-readable start, for failure messages and step titles. */
  from: string;
}

/**
 * Walks at a small count that cost at most about `pages` requests: the whole list when it fits,
 * otherwise three windows starting at the head, the middle and the tail of the census (cursors a
 * reference walk issued), so a fault deep in a large account is still met.
 */
export function windowsFor(census: Census, count: number, pages: number): WindowPlan[] {
  const fullWalk = Math.ceil(census.tickets.length / count) + 1;
  if (fullWalk <= pages || census.cursors.length === 1) return [{ maxPages: Math.max(fullWalk, pages), from: 'the first page, to the end' }];
  const each = Math.max(2, Math.floor(pages / 3));
  const last = census.cursors.length - 1;
  const starts = [...new Set([0, Math.floor(last / 2), last])];
  return starts.map((i) => ({ cursor: census.cursors[i], maxPages: each, from: i === 0 ? 'the first page' : `the cursor of census page ${i + 1} of ${last + 1} (ticket ${i * 200 + 1})` }));
}

/** The census tickets a window walk spans, in census order: from its first to its last ticket the census knows. */
export function spannedTickets(census: Census, listed: readonly Ticket[]): Ticket[] {
  const positions = listed.map((t) => census.position.get(t.ticketID)).filter((p): p is number => p !== undefined);
  if (positions.length === 0) return [];
  return census.tickets.slice(Math.min(...positions), Math.max(...positions) + 1);
}
