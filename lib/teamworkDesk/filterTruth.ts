import { isRecord } from '../json';
import { compareValues, type Comparison } from './compare';
import { ticketVocabulary, type FieldKind } from './vocabulary';

/**
 * Whether a ticket satisfies a filter, by the notes' rules alone, in three values. 'unknown'
 * marks what the pages leave to the server: null against $ne/$nin/ranges (MongoDB keeps such
 * tickets, SQL drops them), text whose order or equality depends on the collation, date-times
 * less than a second apart (a server may keep more digits than it writes), values of another
 * type. Checks require tickets that are 'true' and refuse tickets that are 'false'; 'unknown'
 * tickets may be either way. Kleene logic: false AND unknown is false, true OR unknown is true.
 *
 * This is the suite's own model of a filter, written from the notes; it shares no code with the
 * mock's filter engine, so a mistake in one shows as a disagreement with the other.
 */
export type Truth = 'true' | 'false' | 'unknown';

const not = (t: Truth): Truth => (t === 'true' ? 'false' : t === 'false' ? 'true' : 'unknown');

function all(truths: Truth[]): Truth {
  if (truths.includes('false')) return 'false';
  return truths.includes('unknown') ? 'unknown' : 'true';
}

function any(truths: Truth[]): Truth {
  if (truths.includes('true')) return 'true';
  return truths.includes('unknown') ? 'unknown' : 'false';
}

/** A ticket's value for a filter field: a reference's id, a scalar, null; undefined when absent or not comparable. */
export function filterValue(ticket: Record<string, unknown>, field: string, kind: FieldKind): unknown {
  if (!(field in ticket)) return undefined;
  const raw = ticket[field];
  if (raw === null) return null;
  if (kind === 'reference') return isRecord(raw) && typeof raw.id === 'number' ? raw.id : undefined;
  return typeof raw === 'object' ? undefined : raw;
}

function equals(comparison: Comparison): Truth {
  return comparison === 'eq' ? 'true' : comparison === 'unknown' ? 'unknown' : 'false';
}

function operatorTruth(value: unknown, operator: string, operand: unknown, kind: FieldKind): Truth {
  if (operator === '$in' || operator === '$nin') {
    if (!Array.isArray(operand)) return 'unknown';
    // null IN (...) is false both ways; null NOT IN (...) is true for MongoDB, unknown (dropped) for SQL,
    // unless the list holds null: then MongoDB leaves the ticket out too.
    if (value === null) return operator === '$in' ? (operand.includes(null) ? 'unknown' : 'false') : operand.includes(null) ? 'false' : 'unknown';
    const inList = any(operand.map((item) => operatorTruth(value, '$eq', item, kind)));
    return operator === '$in' ? inList : not(inList);
  }
  if (value === null || operand === null) {
    // null = x is false both for MongoDB and SQL, and so is null <> null (MongoDB: null equals null;
    // SQL: unknown, dropped); every other comparison with null differs between them.
    if (operator === '$eq' && value !== operand) return 'false';
    return operator === '$ne' && value === operand ? 'false' : 'unknown';
  }
  const comparison = compareValues(value, operand, kind);
  switch (operator) {
    case '$eq':
      return equals(comparison);
    case '$ne':
      return not(equals(comparison));
    case '$lt':
      return comparison === 'lt' ? 'true' : comparison === 'eq' || comparison === 'gt' ? 'false' : 'unknown';
    case '$lte':
      return comparison === 'lt' || comparison === 'eq' ? 'true' : comparison === 'gt' ? 'false' : 'unknown';
    case '$gt':
      return comparison === 'gt' ? 'true' : comparison === 'eq' || comparison === 'lt' ? 'false' : 'unknown';
    case '$gte':
      return comparison === 'gt' || comparison === 'eq' ? 'true' : comparison === 'lt' ? 'false' : 'unknown';
    default:
      return 'unknown';
  }
}

function conditionTruth(ticket: Record<string, unknown>, field: string, condition: unknown): Truth {
  const kind = ticketVocabulary().fieldKinds.get(field) ?? 'untyped';
  const value = filterValue(ticket, field, kind);
  if (value === undefined) return 'unknown';
  if (!isRecord(condition)) return operatorTruth(value, '$eq', condition, kind);
  return all(Object.entries(condition).map(([operator, operand]) => operatorTruth(value, operator, operand, kind)));
}

/** The truth of `filter` (a TicketFilter) for one ticket as the target returned it. */
export function filterTruth(filter: unknown, ticket: Record<string, unknown>): Truth {
  if (!isRecord(filter)) return 'unknown';
  const { logical } = ticketVocabulary().filter;
  return all(
    Object.entries(filter).map(([key, condition]) => {
      if (!logical.includes(key)) return conditionTruth(ticket, key, condition);
      if (!Array.isArray(condition)) return 'unknown';
      const parts = condition.map((part) => filterTruth(part, ticket));
      // The contract has two logical operators; which is which is in their names.
      return key === '$or' ? any(parts) : all(parts);
    }),
  );
}
