import { walkTickets, type ListWalk } from '../../../checks/moov/evidence';
import type { Ticket } from '../../../lib/contract/moov.types';
import { propertySettings, seedFor } from '../../../lib/config/properties';
import { windowSlots } from '../../../lib/strata';

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
 * Census pages (0-based) where bounded walks start: one per equal stratum of the census, the first
 * at the head, the last at the tail, the others picked from the run's seed (`label` tells the
 * picks of one kind of walk from another's), so a fault deep in a large account is met and other
 * seeds look at other depths.
 */
export function censusStarts(census: Census, strata: number, label: string): number[] {
  const { seed } = propertySettings(process.env);
  return windowSlots(census.cursors.length, strata, (stratum) => (stratum === 0 ? 0 : seedFor(seed, `${label} ${stratum}`))).map((slot) => slot - 1);
}

/**
 * `count` tickets of the census spread over its whole depth: one per equal stratum, the last the
 * deepest ticket, the others picked from the run's seed.
 */
export function censusSample(census: Census, count: number, label: string): Ticket[] {
  const { seed } = propertySettings(process.env);
  return windowSlots(census.tickets.length, count, (stratum) => seedFor(seed, `${label} ${stratum}`)).flatMap((slot) => census.tickets[slot - 1] ?? []);
}

/**
 * Walks at a small count that cost at most about `pages` requests: the whole list when it fits,
 * otherwise three windows starting at the head, a stratum of the middle chosen from the run's seed
 * and the tail of the census (cursors a reference walk issued), so a fault deep in a large account
 * is still met.
 */
export function windowsFor(census: Census, count: number, pages: number): WindowPlan[] {
  const fullWalk = Math.ceil(census.tickets.length / count) + 1;
  if (fullWalk <= pages || census.cursors.length === 1) return [{ maxPages: Math.max(fullWalk, pages), from: 'the first page, to the end' }];
  const each = Math.max(2, Math.floor(pages / 3));
  const last = census.cursors.length - 1;
  return censusStarts(census, 3, `moov windows at count ${count}`).map((i) => ({ cursor: census.cursors[i], maxPages: each, from: i === 0 ? 'the first page' : `the cursor of census page ${i + 1} of ${last + 1} (ticket ${i * 200 + 1})` }));
}

/** The census tickets a window walk spans, in census order: from its first to its last ticket the census knows. */
export function spannedTickets(census: Census, listed: readonly Ticket[]): Ticket[] {
  const positions = listed.map((t) => census.position.get(t.ticketID)).filter((p): p is number => p !== undefined);
  if (positions.length === 0) return [];
  return census.tickets.slice(Math.min(...positions), Math.max(...positions) + 1);
}
