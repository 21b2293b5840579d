import type { ListQuery } from '../../../checks/teamwork-desk/evidence';
import type { OrderChoice } from '../../../generators/teamwork-desk/orderChoice';
import type { Ticket } from '../../../lib/contract/teamworkDesk.types';
import { includesFor, orderKey } from '../../../lib/teamworkDesk/orderKey';

/**
 * An order without ties on any server: ids identify tickets. The default order is not documented
 * and may tie (and break ties differently per request), so walks that must meet every ticket
 * exactly once (pagination counts, filter completeness) ask for this one.
 */
export const UNIQUE_ORDER = { orderBy: 'id', orderMode: 'asc' } as const satisfies ListQuery;

/**
 * A query ordered by `order`, asking `includes` for the related records its key reads (a dotted
 * `.name`), with the types the target's own tickets carry: the order check can then judge it.
 */
export function orderedQuery(order: OrderChoice, tickets: readonly Ticket[], rest: ListQuery = {}): ListQuery {
  const includes = includesFor(orderKey(order.orderBy), tickets);
  return { ...rest, ...order, ...(includes === undefined ? {} : { includes }) };
}
