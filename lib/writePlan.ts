/**
 * The run's write plan: tickets cannot be deleted, so a live run creates no more than its target's
 * write budget allows (MOOV_MAX_WRITES). Each test that writes declares what it needs; before the first request the budget is
 * divided among them, the same way whatever the scheduling: every write check first gets what one
 * run of it takes, then property tests get further cases, one at a time in turn, while tickets
 * remain. Refusal probes (bodies a correct target refuses) share a small reserve for the tickets a
 * lenient or faulty target creates anyway.
 */

export interface WriteNeed {
  /** Tickets one run of the check creates (a property: its first case). */
  tickets: number;
  /** Tickets each further property case creates; 0 or absent: not a property that writes. */
  perCase?: number;
  /** Most cases the property runs (CONFORMANCE_RUNS scaled); its first case is in `tickets`. */
  cases?: number;
}

export interface Allotment {
  /** Tickets the test may create. */
  tickets: number;
  /** Property cases that fit (undefined: not a property that writes). */
  cases?: number;
  /** Why the test may not write at all (budget spent before it), when tickets is 0 and it needs some. */
  unexercised?: string;
}

export interface WritePlan {
  budget: number;
  /** The setting that gives the budget (MOOV_MAX_WRITES), named in what the plan says. */
  variable: string;
  /** Tickets set aside for refusal probes a target wrongly (or leniently) accepts. */
  strayReserve: number;
  allotments: Map<string, Allotment>;
  /** Tickets planned in all, reserve included. */
  planned: number;
}

/** Tickets a run keeps for refusal probes: enough for one lenient answer per probe family. */
export const STRAY_RESERVE = 3;

/**
 * Divides `budget` among `needs` (in declaration order, which is the order of priority when even
 * one run each does not fit). Infinity (the embedded mock) gives every need everything it asks.
 */
export function planWrites(needs: ReadonlyMap<string, WriteNeed>, budget: number, variable: string): WritePlan {
  if (!(budget >= 0)) throw new Error(`planWrites: budget must be a number ≥ 0, got ${budget}`);
  const allotments = new Map<string, Allotment>();
  if (!Number.isFinite(budget)) {
    for (const [key, need] of needs) allotments.set(key, { tickets: Number.POSITIVE_INFINITY, ...(need.perCase ? { cases: need.cases ?? 1 } : {}) });
    return { budget, variable, strayReserve: Number.POSITIVE_INFINITY, allotments, planned: Number.POSITIVE_INFINITY };
  }
  const strayReserve = Math.min(STRAY_RESERVE, budget);
  let left = budget - strayReserve;
  for (const [key, need] of needs) {
    if (need.tickets <= left) {
      left -= need.tickets;
      allotments.set(key, { tickets: need.tickets, ...(need.perCase ? { cases: 1 } : {}) });
    } else {
      allotments.set(key, {
        tickets: 0,
        ...(need.perCase ? { cases: 0 } : {}),
        unexercised: `write plan: ${variable}=${budget} is spent before this check (it needs ${need.tickets} ticket(s); raise ${variable} to run it)`,
      });
    }
  }
  // Further property cases, one per property in turn, so each gets a fair share of what is left.
  for (let progress = true; progress && left > 0; ) {
    progress = false;
    for (const [key, need] of needs) {
      const allotment = allotments.get(key)!;
      if (!need.perCase || allotment.cases === undefined || allotment.cases === 0 || allotment.cases >= (need.cases ?? 1) || need.perCase > left) continue;
      allotment.cases += 1;
      allotment.tickets += need.perCase;
      left -= need.perCase;
      progress = true;
    }
  }
  return { budget, variable, strayReserve, allotments, planned: budget - left };
}

/** One line per test for the report: what each got of the budget. */
export function describeAllotment(key: string, need: WriteNeed, allotment: Allotment, plan: Pick<WritePlan, 'budget' | 'variable'>): string {
  const { budget, variable } = plan;
  if (allotment.unexercised) return allotment.unexercised;
  const of = Number.isFinite(budget) ? ` of ${variable}=${budget}` : ' (no write budget on the embedded mock)';
  const tickets = Number.isFinite(allotment.tickets) ? `${allotment.tickets} ticket(s)` : 'tickets as needed';
  const cases = need.perCase && allotment.cases !== undefined && need.cases !== undefined ? `, ${allotment.cases} of ${need.cases} cases` : '';
  return `${key}: ${tickets}${cases}${of}`;
}

/** Needs declared by several APIs, in order, as one plan's needs; a key declared twice is a programming error. */
export function mergeWriteNeeds(declared: ReadonlyArray<{ by: string; needs: ReadonlyMap<string, WriteNeed> }>): Map<string, WriteNeed> {
  const merged = new Map<string, WriteNeed>();
  for (const { by, needs } of declared) {
    for (const [key, need] of needs) {
      if (merged.has(key)) throw new Error(`write needs: "${key}" is declared twice (${by})`);
      merged.set(key, need);
    }
  }
  return merged;
}
