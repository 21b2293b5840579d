import type { TicketFilter } from '../contract/teamworkDesk.types';

/**
 * Bounded windows of a site's data. On a large site, completeness and order are judged inside a
 * few id ranges instead of against a walk of every ticket: a window is a page (or a few
 * consecutive pages) of the listing ordered by id, the tickets at known ranks, and its id range,
 * combined with a test's own filter through the documented `$and`, keeps every later walk about
 * that size. What a run costs
 * then depends on the window size, not on the site's.
 */

/**
 * Which of `slots` equal stretches of the listing by id (a page each, or a few consecutive pages
 * where the server serves small ones) become windows: `count` of them, one per equal stratum, so
 * they are spread from the first ids to the last. The last stratum always gives its last slot (the
 * deepest full one: a fault that only shows deep in a site is still met); the others give a slot
 * picked by `pick(stratum)`, a number derived from the run's seed, so runs with other seeds look
 * at other depths and one seed always looks at the same. Slots are numbered from 1.
 */
export function windowSlots(slots: number, count: number, pick: (stratum: number) => number): number[] {
  if (!Number.isInteger(slots) || slots < 0) throw new Error(`windowSlots: slots must be a whole number, got ${String(slots)}`);
  if (!Number.isInteger(count) || count < 1) throw new Error(`windowSlots: count must be a positive integer, got ${String(count)}`);
  if (slots <= count) return Array.from({ length: slots }, (_, i) => i + 1);
  const chosen: number[] = [];
  for (let stratum = 0; stratum < count; stratum++) {
    const first = Math.floor((stratum * slots) / count) + 1;
    const last = Math.floor(((stratum + 1) * slots) / count);
    const span = last - first + 1;
    chosen.push(stratum === count - 1 ? last : first + (((pick(stratum) % span) + span) % span));
  }
  return chosen;
}

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
