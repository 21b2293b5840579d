import type { Ticket } from '../../lib/contract/teamworkDesk.types';
import { isPlainObject } from '../shared/http';
import type { TeamworkDeskMockConfig } from './config';
import type { RelatedRecord } from './seed';
import type { TicketStore } from './store';
import { invalidParameters } from './validator';

/** Asks for every type the store holds (the vendor's own client sends includes=all). */
const ALL = 'all';

/** The type names `includes` asks for, in the order given. Unknown names are ignored (variant: a 400). */
export function parseIncludes(raw: string | undefined, store: TicketStore, config: TeamworkDeskMockConfig): string[] {
  if (raw === undefined) return [];
  const names = [...new Set(raw.split(',').map((n) => n.trim()).filter((n) => n !== ''))];
  if (names.includes(ALL)) return store.types();
  const known = new Set(store.types());
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0 && config.variants.has('unknown-includes-400')) {
    throw invalidParameters(config, { includes: [`includes: unknown type ${unknown.slice(0, 5).map((n) => JSON.stringify(n.slice(0, 40))).join(', ')}`] });
  }
  return names.filter((n) => known.has(n));
}

function referencesOf(ticket: Ticket): Array<{ id: number; type: string }> {
  const out: Array<{ id: number; type: string }> = [];
  const visit = (value: unknown) => {
    if (isPlainObject(value) && typeof value.id === 'number' && typeof value.type === 'string') out.push({ id: value.id, type: value.type });
  };
  for (const value of Object.values(ticket)) {
    if (Array.isArray(value)) value.forEach(visit);
    else visit(value);
  }
  return out;
}

/** `included` for a page: the records its tickets reference, for each requested type, by id. */
export function buildIncluded(types: string[], tickets: Ticket[], store: TicketStore, config: TeamworkDeskMockConfig): Record<string, RelatedRecord[]> {
  const ids = new Map<string, Set<number>>(types.map((type) => [type, new Set<number>()]));
  for (const ticket of tickets) for (const ref of referencesOf(ticket)) ids.get(ref.type)?.add(ref.id);
  const included: Record<string, RelatedRecord[]> = {};
  for (const [type, set] of ids) {
    included[type] = [...set].sort((a, b) => a - b).map((id) => store.record(type, id)).filter((r): r is RelatedRecord => r !== undefined);
  }
  return config.tamper.included(included);
}
