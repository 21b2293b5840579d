import type { Ticket } from '../../lib/contract/teamworkDesk.types';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
import { isPlainObject } from '../shared/http';
import { compareText } from './collation';
import type { TeamworkDeskMockConfig } from './config';
import { toMicros } from './instants';
import type { OrderRequest, SortKey } from './seams';
import type { TicketStore } from './store';

export type { OrderRequest } from './seams';

/**
 * Dotted orderBy names order by a related record (notes: "customers.name by the ticket's
 * customer, users.name by its agent, and so on"): which ticket field holds that record. Names
 * whose records the mock does not keep (messages, tasks, reviewStatus, tickets_users_deck) order
 * as if every key were equal, i.e. by id; the pages say nothing the suite could check there.
 */
const RELATED_FIELD: Readonly<Record<string, string>> = {
  users: 'agent',
  customers: 'customer',
  priorities: 'priority',
  companies: 'company',
  inboxes: 'inbox',
  statuses: 'status',
  businesshours: 'businesshours',
};

function field(ticket: Ticket, name: string): unknown {
  return (ticket as unknown as Record<string, unknown>)[name];
}

function displayName(record: Record<string, unknown> | undefined): SortKey {
  if (!record) return null;
  if (typeof record.name === 'string') return record.name;
  const parts = [record.firstName, record.lastName].filter((p) => typeof p === 'string');
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The value a ticket sorts by for `orderBy`. */
export function sortKey(orderBy: string, ticket: Ticket, store: TicketStore): SortKey {
  const kind = ticketVocabulary().fieldKinds.get(orderBy);
  if (kind !== undefined) {
    const value = field(ticket, orderBy);
    if (kind === 'reference') return isPlainObject(value) && typeof value.id === 'number' ? value.id : null;
    if (kind === 'instant') return typeof value === 'string' ? toMicros(value) ?? null : null;
    return typeof value === 'number' || typeof value === 'string' ? value : null;
  }
  const [prefix, attribute] = orderBy.split('.');
  if (prefix === 'tags' && attribute === 'id') return ticket.tags && ticket.tags.length > 0 ? Math.min(...ticket.tags.map((t) => t.id)) : null;
  const relation = RELATED_FIELD[prefix ?? ''];
  const reference = relation === undefined ? undefined : field(ticket, relation);
  if (!isPlainObject(reference) || typeof reference.id !== 'number' || typeof reference.type !== 'string') return null;
  if (attribute === 'id') return reference.id;
  if (attribute === 'name') return displayName(store.record(reference.type, reference.id));
  return null;
}

function compareKeys(a: SortKey, b: SortKey, config: TeamworkDeskMockConfig): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    const nullFirst = config.variants.has('nulls-last') ? 1 : -1;
    return a === null ? nullFirst : -nullFirst;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a), String(b), config);
}

/**
 * How tickets with equal keys follow each other, as a sign applied to their id order: by id, or
 * under variants by descending id, or (as a database without a unique tie-breaker may) one way
 * on odd pages and the other way on even ones, so a tie at a page boundary repeats one ticket and
 * skips the other.
 */
function tieDirection(request: OrderRequest, config: TeamworkDeskMockConfig): number {
  if (config.variants.has('default-newest-unstable-ties')) return (request.page ?? 1) % 2 === 1 ? 1 : -1;
  return config.variants.has('ties-broken-descending') ? -1 : 1;
}

/**
 * What, besides the tickets, decides the order orderTickets gives: requests with the same key
 * order any set of tickets the same way. Every order here is total (equal keys fall back to the
 * ids), so the order of a subset is the order of all tickets with the others left out.
 */
export function orderingKey(request: OrderRequest, config: TeamworkDeskMockConfig): string {
  return JSON.stringify([request.orderBy ?? null, request.orderMode ?? null, tieDirection(request, config)]);
}

/** The order without orderBy: by id, or newest first under variants. */
function defaultOrder(tickets: readonly Ticket[], config: TeamworkDeskMockConfig, tie: number): Ticket[] {
  const newestFirst = config.variants.has('default-newest-first') || config.variants.has('default-newest-unstable-ties');
  if (!newestFirst) return [...tickets].sort((x, y) => x.id - y.id);
  // Each date-time parsed once, not once per comparison.
  const keyed = tickets.map((ticket) => ({ ticket, created: toMicros(ticket.createdAt) ?? 0 }));
  const idOrder = config.variants.has('default-newest-first') ? -1 : tie;
  keyed.sort((x, y) => y.created - x.created || idOrder * (x.ticket.id - y.ticket.id));
  return keyed.map((k) => k.ticket);
}

/**
 * Tickets in the requested order. Without orderBy: by id (variants: newest first). Ties are broken
 * by id, so every page of a walk sees the same order (variants: see tieDirection).
 */
export function orderTickets(tickets: readonly Ticket[], request: OrderRequest, store: TicketStore, config: TeamworkDeskMockConfig): Ticket[] {
  const tie = tieDirection(request, config);
  const { orderBy } = request;
  if (orderBy === undefined) return config.tamper.ordered(defaultOrder(tickets, config, tie), request);
  const direction = request.orderMode === 'desc' ? -1 : 1;
  const keyed = tickets.map((ticket) => ({ ticket, key: config.tamper.sortKey(sortKey(orderBy, ticket, store)) }));
  keyed.sort((x, y) => direction * compareKeys(x.key, y.key, config) || tie * (x.ticket.id - y.ticket.id));
  return config.tamper.ordered(keyed.map((k) => k.ticket), request);
}
