import type { Ticket } from '../contract/teamworkDesk.types';
import { compareValues, instantOrder, looseKey } from './compare';
import { filterValue } from './filterTruth';
import { ticketVocabulary, type FieldKind } from './vocabulary';

/** Per filter field, the distinct comparable values the target's tickets carry (a reference's id, a scalar). */
export type ObservedValues = ReadonlyMap<string, readonly unknown[]>;

/** Ascending where the kind has an order (instants exactly, numbers, text), else by a stable text key. */
function sortOrder(a: unknown, b: unknown, kind: FieldKind): number {
  if (kind === 'instant' && typeof a === 'string' && typeof b === 'string') return instantOrder(a, b) || (a < b ? -1 : a > b ? 1 : 0);
  const c = compareValues(a, b, kind);
  if (c === 'lt') return -1;
  if (c === 'gt') return 1;
  return looseKey(a) < looseKey(b) ? -1 : looseKey(a) > looseKey(b) ? 1 : String(a) < String(b) ? -1 : 1;
}

/**
 * What the target actually holds, so generated filters ask about real values: every filter field
 * the contract names, with the values seen on `tickets` (nulls, lists and objects left out).
 */
export function observeValues(tickets: readonly Ticket[]): ObservedValues {
  const { filter, fieldKinds } = ticketVocabulary();
  const out = new Map<string, unknown[]>();
  for (const field of filter.fields) {
    const kind = fieldKinds.get(field) ?? 'untyped';
    const seen = new Map<string, unknown>();
    for (const ticket of tickets) {
      const value = filterValue(ticket as unknown as Record<string, unknown>, field, kind);
      if (value === null || value === undefined) continue;
      // Exact duplicates only: case variants stay apart, they are what collation tolerance is for.
      const key = `${typeof value}:${String(value)}`;
      if (!seen.has(key)) seen.set(key, value);
    }
    if (seen.size > 0) out.set(field, [...seen.values()].sort((a, b) => sortOrder(a, b, kind)));
  }
  return out;
}

/** The filter fields some of `tickets` show null in: where a filter may compare with null. */
export function observeNulls(tickets: readonly Ticket[]): string[] {
  const { filter, fieldKinds } = ticketVocabulary();
  return filter.fields.filter((field) => tickets.some((t) => filterValue(t as unknown as Record<string, unknown>, field, fieldKinds.get(field) ?? 'untyped') === null));
}

/** The plural type names the tickets' references carry: the names `includes` may ask for. */
export function referenceTypes(tickets: readonly Ticket[]): string[] {
  const types = new Set<string>();
  for (const ticket of tickets) {
    for (const value of Object.values(ticket)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string' && typeof (item as { id?: unknown }).id === 'number') {
          types.add((item as { type: string }).type);
        }
      }
    }
  }
  return [...types].sort();
}
