import type { Included, Ticket } from '../contract/teamworkDesk.types';
import { isRecord } from '../json';
import { ticketVocabulary } from './vocabulary';

export type OrderKind = 'number' | 'instant' | 'text';

/** What a ticket sorts by for one orderBy value, where the pages pin that down. */
export interface OrderKey {
  orderBy: string;
  kind: OrderKind;
  /** For a dotted name: the ticket field referencing the related record, and what is read from that record. */
  related?: { field: string; attribute: 'id' | 'name' };
  /**
   * The ticket's key as its page shows it; undefined where the page does not show it (null or
   * absent field, related record not in `included` or without the attribute).
   */
  read(ticket: Ticket, included: Included | undefined): unknown;
}

/**
 * Which ticket field holds the record a dotted orderBy name orders by. The notes name two
 * ("customers.name by the ticket's customer, users.name by its agent") and add "and so on": the
 * others are the list's prefixes whose singular is a relationship field of the ticket. Prefixes
 * naming a list (tags, messages) or nothing on the ticket (tasks, tickets_users_deck) are left
 * out: which record, if any, sets the order there is not documented.
 */
const RELATED_FIELD: Readonly<Record<string, string>> = {
  customers: 'customer',
  users: 'agent',
  companies: 'company',
  inboxes: 'inbox',
  statuses: 'status',
  priorities: 'priority',
  businesshours: 'businesshours',
};

function field(ticket: Ticket, name: string): unknown {
  return (ticket as unknown as Record<string, unknown>)[name];
}

function ownKey(orderBy: string, kind: OrderKind): OrderKey {
  return { orderBy, kind, read: (ticket) => field(ticket, orderBy) ?? undefined };
}

/**
 * A dotted key. `.id` is the related record's id, which the ticket's reference carries. `.name` is
 * read from the record in `included` (the walk asks for its type) and only where the record has a
 * `name`: for a record with first and last names the pages do not say which one, or what
 * combination, `name` means.
 */
function relatedKey(orderBy: string, relation: string, attribute: 'id' | 'name'): OrderKey {
  return {
    orderBy,
    kind: attribute === 'id' ? 'number' : 'text',
    related: { field: relation, attribute },
    read: (ticket, included) => {
      const reference = field(ticket, relation);
      if (!isRecord(reference) || typeof reference.id !== 'number') return undefined;
      if (attribute === 'id') return reference.id;
      if (typeof reference.type !== 'string') return undefined;
      const record: unknown = included?.[reference.type]?.find((r) => r.id === reference.id);
      return isRecord(record) && typeof record.name === 'string' ? record.name : undefined;
    },
  };
}

function build(): Map<string, OrderKey> {
  const { orderBy, ownValueOrder, fieldKinds } = ticketVocabulary();
  const keys = new Map<string, OrderKey>();
  for (const name of orderBy) {
    const own = ownValueOrder.get(name);
    if (own !== undefined) {
      keys.set(name, ownKey(name, own));
      continue;
    }
    const [prefix = '', attribute, ...rest] = name.split('.');
    const relation = RELATED_FIELD[prefix];
    if (relation === undefined || rest.length > 0 || (attribute !== 'id' && attribute !== 'name')) continue;
    if (fieldKinds.get(relation) !== 'reference') throw new Error(`teamwork-desk order keys: ${name} orders by ${relation}, which the contract does not define as a relationship`);
    keys.set(name, relatedKey(name, relation, attribute));
  }
  return keys;
}

let cached: Map<string, OrderKey> | undefined;

/** Every orderBy value whose order the suite can judge, by name. */
export function orderKeys(): ReadonlyMap<string, OrderKey> {
  cached ??= build();
  return cached;
}

/** The key for `orderBy`, or undefined when the pages leave its order to the server. */
export function orderKey(orderBy: string | undefined): OrderKey | undefined {
  return orderBy === undefined ? undefined : orderKeys().get(orderBy);
}

/**
 * The `includes` names a walk ordered by `key` needs so `read` can see the related record: the
 * types the key's field carries on `tickets` (the target's own data). None for other keys.
 */
export function includesFor(key: OrderKey | undefined, tickets: readonly Ticket[]): string[] | undefined {
  if (key?.related?.attribute !== 'name') return undefined;
  const relation = key.related.field;
  const types = new Set<string>();
  for (const ticket of tickets) {
    const reference = field(ticket, relation);
    if (isRecord(reference) && typeof reference.type === 'string') types.add(reference.type);
  }
  return types.size === 0 ? undefined : [...types].sort();
}
