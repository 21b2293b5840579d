import type { Ticket } from '../../lib/contract/teamworkDesk.types';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
import { isPlainObject } from '../shared/http';
import type { TeamworkDeskMockConfig } from './config';
import type { TicketStore } from './store';

type Key = number | string | null;

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

function displayName(record: Record<string, unknown> | undefined): Key {
  if (!record) return null;
  if (typeof record.name === 'string') return record.name;
  const parts = [record.firstName, record.lastName].filter((p) => typeof p === 'string');
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The value a ticket sorts by for `orderBy`. */
export function sortKey(orderBy: string, ticket: Ticket, store: TicketStore): Key {
  const kind = ticketVocabulary().fieldKinds.get(orderBy);
  if (kind !== undefined) {
    const value = field(ticket, orderBy);
    if (kind === 'reference') return isPlainObject(value) && typeof value.id === 'number' ? value.id : null;
    if (kind === 'instant') return typeof value === 'string' ? Date.parse(value) : null;
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

const collator = new Intl.Collator('en', { sensitivity: 'base' });

function compareKeys(a: Key, b: Key, config: TeamworkDeskMockConfig): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    const nullFirst = config.variants.has('nulls-last') ? 1 : -1;
    return a === null ? nullFirst : -nullFirst;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    return config.faults.has('numbers-ordered-as-text') ? compareText(String(a), String(b), config) : a - b;
  }
  return compareText(String(a), String(b), config);
}

function compareText(a: string, b: string, config: TeamworkDeskMockConfig): number {
  if (config.variants.has('case-insensitive-text')) return collator.compare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface OrderRequest {
  orderBy?: string;
  orderMode?: string;
}

/**
 * Tickets in the requested order. Without orderBy: by id (variant: newest first). Ties are broken
 * by id, so every page of a walk sees the same order.
 */
export function orderTickets(tickets: Ticket[], request: OrderRequest, store: TicketStore, config: TeamworkDeskMockConfig): Ticket[] {
  const tie = config.variants.has('ties-broken-descending') ? -1 : 1;
  const byId = (x: Ticket, y: Ticket) => tie * (x.id - y.id);
  if (request.orderBy === undefined) {
    if (!config.variants.has('default-newest-first')) return [...tickets].sort((x, y) => x.id - y.id);
    return [...tickets].sort((x, y) => Date.parse(y.createdAt) - Date.parse(x.createdAt) || y.id - x.id);
  }
  const orderBy = request.orderBy;
  const direction = request.orderMode === 'desc' && !config.faults.has('order-mode-ignored') ? -1 : 1;
  const keyed = tickets.map((ticket) => ({ ticket, key: sortKey(orderBy, ticket, store) }));
  keyed.sort((x, y) => direction * compareKeys(x.key, y.key, config) || byId(x.ticket, y.ticket));
  return keyed.map((k) => k.ticket);
}
