import { instantNanos, ONE_SECOND_NANOS } from './instant';
import type { FieldKind } from './vocabulary';

/**
 * How two values compare when the pages do not say how the server collates. 'ne' means
 * "different under every reasonable reading, order not pinned down"; 'unknown' means even
 * equality depends on the server's choice (case- or accent-insensitive text, types that differ,
 * instants closer than the server's precision might tell apart).
 */
export type Comparison = 'lt' | 'eq' | 'gt' | 'ne' | 'unknown';

/** A sign, or NaN for "different, but which comes first is left to levels not modelled here". */
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

/** Case and accents folded away. */
const unmarked = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Case- and accent-insensitive, trailing spaces ignored (MySQL's default *_ci collations pad). */
const folded = (s: string): string => unmarked(s).replace(/ +$/, '');
const caseInsensitive: Collation = (a, b) => codeUnits(folded(a), folded(b));

/** A linguistic collation at base strength (ICU / utf8mb4_0900_ai_ci style). */
const linguistic: Collation = new Intl.Collator('en', { sensitivity: 'base' }).compare;

/**
 * glibc locales (Postgres on en_US.UTF-8): spaces and punctuation are ignored at the first level,
 * so "reboot" sorts before "re: foo". Letters and digits decide first, case- and
 * accent-insensitively; strings equal there are told apart by later levels whose order is not
 * modelled, so either direction is admitted (NaN).
 */
const alphanumeric = (s: string): string => unmarked(s).replace(/[^\p{L}\p{N}]/gu, '');
const letterFirst: Collation = (a, b) => codeUnits(alphanumeric(a), alphanumeric(b)) || Number.NaN;

const COLLATIONS: readonly Collation[] = [codeUnits, codePoints, caseInsensitive, linguistic, letterFirst];

/** Text under every collation a correct server might use: a definite answer only when all agree. */
export function compareText(a: string, b: string): Comparison {
  if (a === b) return 'eq';
  const signs = new Set(COLLATIONS.flatMap((collate) => {
    const verdict = collate(a, b);
    return Number.isNaN(verdict) ? [-1, 1] : [sign(verdict)];
  }));
  if (signs.has(0)) return 'unknown';
  return signs.size === 1 ? (signs.has(-1) ? 'lt' : 'gt') : 'ne';
}

function compareNumbers(a: number, b: number): Comparison {
  return a < b ? 'lt' : a > b ? 'gt' : 'eq';
}

/**
 * Two date-times as instants. A server may keep whole seconds, milliseconds or microseconds, may
 * write fewer digits than it keeps (Node + pg keeps microseconds, writes milliseconds) and cuts
 * an operand to its own precision; so instants less than a second apart, equal spellings
 * included, may compare either way. Only a gap of a second or more is a definite answer.
 */
export function compareInstants(a: string, b: string): Comparison {
  const x = instantNanos(a);
  const y = instantNanos(b);
  if (x === undefined || y === undefined) return 'unknown';
  const gap = x - y;
  if (gap > -ONE_SECOND_NANOS && gap < ONE_SECOND_NANOS) return 'unknown';
  return gap < 0n ? 'lt' : 'gt';
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
    case 'instant':
      return compareInstants(a, b);
    case 'enum':
      return a === b ? 'eq' : 'ne';
    default:
      return compareText(a, b);
  }
}

/**
 * A key equal for any two texts or scalars some collation could call equal (for text: case,
 * accents and trailing spaces folded away), so distinct keys mean distinct values under every
 * reading. Instants have no such key (nearness is not an equivalence): see definitelyDistinct.
 */
export function looseKey(value: unknown): string {
  // NFKD and ß→ss as well: a linguistic collation also equates compatibility forms.
  if (typeof value === 'string') return `s:${folded(value.normalize('NFKD')).replace(/ß/g, 'ss')}`;
  return `${typeof value}:${String(value)}`;
}

/** Exact order of two date-times (every digit counts), for sorting; unreadable ones last. */
export function instantOrder(a: string, b: string): number {
  const x = instantNanos(a);
  const y = instantNanos(b);
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether no two of `values` could be equal on any correct server: an order by them has no tie to break. */
export function definitelyDistinct(values: readonly unknown[], kind: FieldKind): boolean {
  if (kind === 'instant') {
    if (!values.every((v): v is string => typeof v === 'string')) return false;
    // Sorted exactly, neighbours at least a second apart means every pair is.
    const sorted = [...values].sort(instantOrder);
    return sorted.every((v, i) => i === 0 || compareInstants(sorted[i - 1] ?? '', v) === 'lt');
  }
  return new Set(values.map(looseKey)).size === values.length;
}
