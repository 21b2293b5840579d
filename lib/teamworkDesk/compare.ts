import type { FieldKind } from './vocabulary';

/**
 * How two values compare when the pages do not say how the server collates. 'ne' means
 * "different under every reasonable reading, order not pinned down"; 'unknown' means even
 * equality depends on the server's choice (case- or accent-insensitive text, types that differ).
 */
export type Comparison = 'lt' | 'eq' | 'gt' | 'ne' | 'unknown';

type Collation = (a: string, b: string) => number;

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** UTF-16 code units (JavaScript, many in-memory servers). */
const codeUnits: Collation = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Code points (a binary utf8 column). */
const codePoints: Collation = (a, b) => {
  const x = [...a].map((c) => c.codePointAt(0) ?? 0);
  const y = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
};

/** Case- and accent-insensitive, trailing spaces ignored (MySQL's default *_ci collations pad). */
const folded = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ +$/, '');
const caseInsensitive: Collation = (a, b) => codeUnits(folded(a), folded(b));

/** A linguistic collation at base strength (ICU / utf8mb4_0900_ai_ci style). */
const linguistic: Collation = new Intl.Collator('en', { sensitivity: 'base' }).compare;

const COLLATIONS: readonly Collation[] = [codeUnits, codePoints, caseInsensitive, linguistic];

/** Text under every collation a correct server might use: a definite answer only when all agree. */
export function compareText(a: string, b: string): Comparison {
  if (a === b) return 'eq';
  const signs = new Set(COLLATIONS.map((collate) => sign(collate(a, b))));
  if (signs.has(0)) return 'unknown';
  return signs.size === 1 ? (signs.has(-1) ? 'lt' : 'gt') : 'ne';
}

function compareNumbers(a: number, b: number): Comparison {
  return a < b ? 'lt' : a > b ? 'gt' : 'eq';
}

/**
 * Compares a ticket's value (already reduced: a reference's id, a scalar) with another value of
 * the same field. Values of different JSON types compare 'unknown': a server may coerce them.
 */
export function compareValues(a: unknown, b: unknown, kind: FieldKind): Comparison {
  if (typeof a === 'number' && typeof b === 'number') return compareNumbers(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 'eq' : 'ne';
  if (typeof a !== 'string' || typeof b !== 'string') return 'unknown';
  switch (kind) {
    case 'instant': {
      const x = Date.parse(a);
      const y = Date.parse(b);
      return Number.isNaN(x) || Number.isNaN(y) ? 'unknown' : compareNumbers(x, y);
    }
    case 'enum':
      return a === b ? 'eq' : 'ne';
    default:
      return compareText(a, b);
  }
}

/**
 * A key equal for any two values some collation could call equal (for text: case, accents and
 * trailing spaces folded away), so distinct keys mean distinct values under every reading.
 */
export function looseKey(value: unknown, kind: FieldKind): string {
  if (kind === 'instant' && typeof value === 'string') return `t:${Date.parse(value)}`;
  // NFKD and ß→ss as well: a linguistic collation also equates compatibility forms.
  if (typeof value === 'string') return `s:${folded(value.normalize('NFKD')).replace(/ß/g, 'ss')}`;
  return `${typeof value}:${String(value)}`;
}
