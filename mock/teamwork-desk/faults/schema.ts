import { isPlainObject } from '../../shared/http';
import type { Fault } from './fault';

/** A reference as sent, without its type; anything else as it is. */
function untyped(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const out = { ...value };
  delete out.type;
  return out;
}

/** Response schema: each breaks one property of TicketsAPIBody's schema, at the edge, so stored data stays correct. */
export const SCHEMA_FAULTS = {
  'id-as-string': {
    family: 'schema',
    breaks: 'a ticket id is an integer; it is sent as a string',
    tamper: { presentedTicket: (out, ticket) => ({ ...out, id: String(ticket.id) }) },
  },
  'timestamp-without-offset': {
    family: 'schema',
    breaks: 'createdAt is an RFC 3339 date-time; it is sent without an offset',
    tamper: { presentedTicket: (out, ticket) => ({ ...out, createdAt: ticket.createdAt.replace(/(\.\d+)?Z$/, '') }) },
  },
  'reference-without-type': {
    family: 'schema',
    breaks: 'a relationship is a reference {id, type}; type is left out',
    // A presented ticket's objects, alone or in lists, are its references.
    tamper: { presentedTicket: (out) => Object.fromEntries(Object.entries(out).map(([key, value]) => [key, Array.isArray(value) ? value.map(untyped) : untyped(value)])) },
  },
  'pagination-records-missing': {
    family: 'schema',
    breaks: 'pagination carries records; it is left out',
    tamper: {
      page: (page) => {
        const pagination = { ...page.pagination };
        delete pagination.records;
        return { ...page, pagination };
      },
    },
  },
} satisfies Record<string, Fault>;
