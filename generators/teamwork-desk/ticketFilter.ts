import fc from 'fast-check';
import type { FilterCondition, TicketFilter } from '../../lib/contract/teamworkDesk.types';
import { respellInstant } from '../../lib/teamworkDesk/instant';
import type { ObservedValues } from '../../lib/teamworkDesk/observed';
import { ticketVocabulary, type FieldKind } from '../../lib/teamworkDesk/vocabulary';

export interface TicketFilterConstraints {
  /** Values the target's tickets carry, per field (observeValues). Required: filters ask about real data. */
  observed: ObservedValues;
  /** Deepest nesting of $and/$or. Default 2. */
  maxDepth?: number;
  /** Most conditions in one filter object, and most branches of one $and/$or. Default 3. */
  maxWidth?: number;
  /** Longest $in/$nin list. Default 3. */
  maxListLength?: number;
  /**
   * Fields a ticket shows null in (observeNulls): equality ($eq, $ne, the plain value) may compare
   * them with null, and an $in list may hold null. Not ranges or $nin: what those do with null is
   * where MongoDB and SQL part ways with no answer both would accept. Default none.
   */
  nullable?: readonly string[];
}

/** Operators that only ask "equal or not": for values whose order the server chooses. */
const EQUALITY_ONLY: ReadonlySet<FieldKind> = new Set(['enum', 'boolean', 'untyped']);

function validated(constraints: TicketFilterConstraints): Required<TicketFilterConstraints> {
  const out = { maxDepth: 2, maxWidth: 3, maxListLength: 3, nullable: [], ...constraints };
  for (const key of ['maxDepth', 'maxWidth', 'maxListLength'] as const) {
    if (!Number.isInteger(out[key]) || out[key] < (key === 'maxDepth' ? 0 : 1)) throw new Error(`ticketFilter: ${key} must be a ${key === 'maxDepth' ? 'non-negative' : 'positive'} integer, got ${String(out[key])}`);
  }
  if (out.observed.size === 0) throw new Error('ticketFilter: observed holds no values: the target returned no tickets to draw filter values from');
  return out;
}

/** Offsets other than Z a date-time operand is re-spelled with: whole hours both ways, half and quarter hours, the widest zones. */
const OFFSETS = [120, -300, 330, 345, -570, 840, -720];

/**
 * One field's condition: a plain value (equality), or one or two operators from the contract;
 * lists of one value and of several; null on a field that may hold it.
 */
function condition(field: string, values: readonly unknown[], maxListLength: number, nullable: boolean): fc.Arbitrary<FilterCondition> {
  const kind = ticketVocabulary().fieldKinds.get(field) ?? 'untyped';
  const operators = ticketVocabulary().filter.comparisons.filter((op) => op.takesList || !EQUALITY_ONLY.has(kind) || op.name === '$eq' || op.name === '$ne');
  const observed = fc.constantFrom(...values) as fc.Arbitrary<string | number | boolean>;
  // A date-time also comes with another offset: the same instant, spelled differently.
  const value =
    kind === 'instant'
      ? fc.oneof(observed, fc.tuple(observed, fc.constantFrom(...OFFSETS)).map(([v, offset]) => (typeof v === 'string' ? respellInstant(v, offset) ?? v : v)))
      : observed;
  const orNull = (arb: fc.Arbitrary<unknown>) => (nullable ? fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) }) : arb);
  const longest = Math.min(maxListLength, values.length);
  // A list of one value, or of several (as many as the data has, up to maxListLength).
  const list = fc.oneof(fc.uniqueArray(value, { minLength: 1, maxLength: 1 }), fc.uniqueArray(value, { minLength: Math.min(2, longest), maxLength: longest }));
  const operand = (op: string, takesList: boolean): fc.Arbitrary<unknown> => {
    if (!takesList) return op === '$eq' || op === '$ne' ? orNull(value) : value;
    return op === '$in' && nullable ? fc.tuple(list, fc.boolean()).map(([items, withNull]) => (withNull ? [...items, null] : items)) : list;
  };
  const single = fc.constantFrom(...operators).chain((op) => operand(op.name, op.takesList).map((v) => ({ [op.name]: v }) as FilterCondition));
  const pair = fc.tuple(single, single).map(([a, b]) => ({ ...(a as object), ...(b as object) }) as FilterCondition);
  return fc.oneof({ weight: 1, arbitrary: orNull(value) as fc.Arbitrary<FilterCondition> }, { weight: 4, arbitrary: single }, { weight: 1, arbitrary: pair });
}

/**
 * Filters over the contract's fields and operators, with values the target actually returned
 * (so equal values, date-times equal to the operand included, sit on every boundary), nesting
 * $and/$or up to maxDepth; date-times are sometimes re-spelled with another UTC offset.
 * Fields without observed values are left out; operators that order (lt, gte...) are not used on
 * enumerations, booleans or untyped fields.
 */
export function ticketFilter(constraints: TicketFilterConstraints): fc.Arbitrary<TicketFilter> {
  const { observed, maxDepth, maxWidth, maxListLength, nullable } = validated(constraints);
  const fields = ticketVocabulary().filter.fields.filter((f) => (observed.get(f)?.length ?? 0) > 0);
  const { logical } = ticketVocabulary().filter;
  const conditions = fc
    .uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: Math.min(maxWidth, fields.length) })
    .chain((chosen) => fc.tuple(...chosen.map((f) => condition(f, observed.get(f) ?? [], maxListLength, nullable.includes(f)).map((c) => [f, c] as const))))
    .map((pairs) => Object.fromEntries(pairs) as TicketFilter);

  const node = (depth: number): fc.Arbitrary<TicketFilter> => {
    if (depth >= maxDepth || logical.length === 0) return conditions;
    const branch = fc.tuple(fc.constantFrom(...logical), fc.array(node(depth + 1), { minLength: 1, maxLength: maxWidth }));
    return fc.oneof(
      { weight: 2, arbitrary: conditions },
      { weight: 2, arbitrary: branch.map(([op, parts]) => ({ [op]: parts }) as TicketFilter) },
      // A logical operator next to plain conditions: the object's keys all hold (implicit $and).
      { weight: 1, arbitrary: fc.tuple(conditions, branch).map(([c, [op, parts]]) => ({ ...c, [op]: parts }) as TicketFilter) },
    );
  };
  return node(0);
}
