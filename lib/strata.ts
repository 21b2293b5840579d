/**
 * Evidence drawn from the whole depth of the data at a bounded cost: a few places spread over
 * equal strata of a listing, the last always at its deepest, the others chosen from the run's seed
 * (so one seed always looks at the same places and other seeds look elsewhere). Used for the
 * Teamwork Desk windows, the Moov census windows and the tickets read by ID.
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
