import type { TicketFilter } from '../contract/teamworkDesk.types';

/**
 * Bounded windows of a site's data. On a large site, completeness and order are judged inside a
 * few id ranges instead of against a walk of every ticket: a window is a page (or a few
 * consecutive pages) of the listing ordered by id, the tickets at known ranks, and its id range,
 * combined with a test's own filter through the documented `$and`, keeps every later walk about
 * that size. What a run costs
 * then depends on the window size, not on the site's.
 */

/** The window's own filter: ids from `lowest` to `highest`, both included (ids identify tickets, so the range holds a known set). */
export function idRange(lowest: number, highest: number): TicketFilter {
  if (!(lowest <= highest)) throw new Error(`idRange: ${String(lowest)} is above ${String(highest)}`);
  return { id: { $gte: lowest, $lte: highest } };
}

/**
 * `filter` restricted to `range`: both must hold, through the documented `$and` (which keeps a
 * condition the filter itself puts on id apart from the range's). Either may be absent: no range
 * is the whole site, no filter is the range alone.
 */
export function withinRange(filter: TicketFilter | undefined, range: TicketFilter | undefined): TicketFilter | undefined {
  if (range === undefined) return filter;
  if (filter === undefined) return range;
  return { $and: [filter, range] };
}
