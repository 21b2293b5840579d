import fc from 'fast-check';

export interface PageSizeConstraints {
  /** How many tickets the walk covers (the target's `records`): sizes cluster around its edges. */
  records: number;
  /** Largest size generated. Default records + 5. */
  max?: number;
}

/**
 * Page sizes: tiny ones (many pages, many boundaries), sizes around `records` (exactly one page,
 * one page and a bit, one short), and anything in between.
 */
export function pageSize(constraints: PageSizeConstraints): fc.Arbitrary<number> {
  const { records } = constraints;
  if (!Number.isInteger(records) || records < 0) throw new Error(`pageSize: records must be a whole number, got ${String(records)}`);
  const max = constraints.max ?? records + 5;
  if (!Number.isInteger(max) || max < 1) throw new Error(`pageSize: max must be a positive integer, got ${String(max)}`);
  const edges = [records - 1, records, records + 1, Math.ceil(records / 2), Math.floor(records / 2)].filter((n) => n >= 1 && n <= max);
  return fc.oneof(
    fc.integer({ min: 1, max: Math.min(10, max) }),
    fc.integer({ min: 1, max }),
    ...(edges.length > 0 ? [fc.constantFrom(...edges)] : []),
  );
}
