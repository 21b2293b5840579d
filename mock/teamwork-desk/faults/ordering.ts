import type { Ticket } from '../../../lib/contract/teamworkDesk.types';
import type { Fault } from './fault';
import { withoutValue } from './fault';

/** Ids only a large site has: the mock's start at 10,000 and grow by three a ticket, so only its 1,667th ticket on. */
const LARGE_ID = 15_000;

/** Tickets with ids from LARGE_ID on hold their slots in the other direction. */
function largeIdsReversed(ordered: readonly Ticket[]): Ticket[] {
  const large = ordered.filter((t) => t.id >= LARGE_ID).reverse();
  let next = 0;
  return ordered.map((t) => (t.id >= LARGE_ID ? large[next++]! : t));
}

/** Ordering: each breaks one promise of orderBy and orderMode. */
export const ORDERING_FAULTS = {
  'order-mode-ignored': {
    family: 'ordering',
    breaks: 'orderMode desc reverses the order; it is ignored',
    tamper: { query: (reading) => withoutValue(reading, 'orderMode') },
  },
  'order-within-page-only': {
    family: 'ordering',
    breaks: 'orderBy orders the whole list; only each page is sorted',
    tamper: {
      // The page is cut from the list in the default order, then sorted.
      orderedPage: (pageOf, order) => (request) => {
        if (request.orderBy === undefined) return pageOf(request);
        const page = pageOf({ page: request.page });
        return { ...page, tickets: order(page.tickets, request) };
      },
    },
  },
  'numbers-ordered-as-text': {
    family: 'ordering',
    breaks: 'numeric fields order by value; they order as text ("100" before "20")',
    tamper: { sortKey: (key) => (typeof key === 'number' ? String(key) : key) },
  },
  'dotted-order-ignored': {
    family: 'ordering',
    breaks: 'a dotted orderBy orders by the related record (customers.id by the customer); it is accepted and ignored',
    tamper: { query: (reading) => (typeof reading.values.orderBy === 'string' && reading.values.orderBy.includes('.') ? withoutValue(reading, 'orderBy') : reading) },
  },
  'order-dropped-with-filter': {
    family: 'ordering',
    breaks: 'orderBy orders the filtered list too; with a filter the default order is used',
    tamper: { query: (reading) => (typeof reading.values.filter === 'string' ? withoutValue(reading, 'orderBy') : reading) },
  },
  'large-ids-reversed-without-mode': {
    family: 'ordering',
    breaks: 'orderBy=id without orderMode lists tickets in one direction; tickets with ids from 15,000 on (only a large site\'s) come in the other',
    tamper: { ordered: (tickets, request) => (request.orderBy === 'id' && request.orderMode === undefined ? largeIdsReversed(tickets) : tickets) },
  },
} satisfies Record<string, Fault>;
