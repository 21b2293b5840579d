import type { OperationSpec } from '../../lib/contract/loadContract';
import type { Ticket } from '../../lib/contract/teamworkDesk.types';
import type { TeamworkDeskOperationId } from '../../lib/contract/teamworkDesk';
import type { TeamworkDeskMockConfig } from './config';
import { filterTickets, parseFilter } from './filter';
import { buildIncluded, parseIncludes } from './includes';
import type { Memo } from './memo';
import { orderingKey, orderTickets } from './order';
import { paginate } from './paginate';
import { presentTicket } from './present';
import type { OrderRequest, Orderer, TicketFilter } from './seams';
import type { TicketStore } from './store';
import { invalidParameters } from './validator';

/** Results kept between requests (the store never changes): what keeps a page's cost independent of the store's size. */
export interface ListMemos {
  /** Every ticket, by orderingKey. */
  orders: Memo<readonly Ticket[]>;
  /** The ids of the tickets a filter (as sent, '' for none) matches. */
  matches: Memo<ReadonlySet<number>>;
  /** The ordered matches, by filter and orderingKey: the pages of one walk share them. */
  lists: Memo<readonly Ticket[]>;
}

export interface ListContext {
  config: TeamworkDeskMockConfig;
  store: TicketStore;
  memos: ListMemos;
  operation: OperationSpec<TeamworkDeskOperationId>;
  query: Record<string, string>;
}

/** GET /desk/api/v2/tickets.json: validate the query against the contract, filter, order, page, include. */
export function listTickets(ctx: ListContext): { status: number; body: unknown } {
  const { config, store } = ctx;
  const coerced = ctx.operation.coerceQuery(ctx.query);
  const { values, problems } = config.tamper.query({ values: coerced.values, problems: coerced.issues });
  if (problems.length > 0) {
    const errors: Record<string, string[]> = {};
    // Query parameters are flat, so an issue's field is the parameter it concerns.
    for (const issue of problems) (errors[issue.field.split('.')[0] || 'query'] ??= []).push(issue.message);
    throw invalidParameters(config, errors);
  }

  const filterText = typeof values.filter === 'string' ? values.filter : undefined;
  const filter = filterText === undefined ? undefined : parseFilter(filterText, config);
  const includes = parseIncludes(values.includes as string | undefined, store, config);
  const order: Orderer = (tickets, request) => orderTickets(tickets, request, store, config);
  const pageRequest = { page: values.page as number | undefined, pageSize: values.pageSize as number | undefined };
  const pageOf = config.tamper.orderedPage((request) => paginate(orderedMatches(ctx, filterText ?? '', filter, request, order), pageRequest, config), order);
  const page = pageOf({ orderBy: values.orderBy as string | undefined, orderMode: values.orderMode as string | undefined, page: pageRequest.page });
  const { tickets } = page;

  const body: Record<string, unknown> = { tickets: tickets.map((t) => presentTicket(t, config)) };
  if (includes.length > 0 || !config.variants.has('no-included-unless-asked')) {
    body.included = buildIncluded(includes, tickets, store, config);
    body.meta = config.variants.has('extra-fields') ? { generatedBy: 'teamwork-desk-mock' } : {};
  }
  body.pagination = config.variants.has('extra-fields') ? { ...page.pagination, offset: ((page.pagination.page ?? 1) - 1) * (page.pagination.pageSize ?? 0) } : page.pagination;
  return { status: 200, body };
}

/**
 * The tickets a filter (as sent, '' for none) matches, in a request's order. Ordering every
 * ticket and keeping the matches is ordering the matches: the orders are total. Memoised by what
 * decides the result, so the pages of one walk share it.
 */
function orderedMatches(ctx: ListContext, filterText: string, filter: TicketFilter | undefined, request: OrderRequest, order: Orderer): readonly Ticket[] {
  const { config, store, memos } = ctx;
  const ordering = orderingKey(request, config);
  return memos.lists.get(JSON.stringify([filterText, ordering]), () => {
    const matching = memos.matches.get(filterText, () => new Set(filterTickets(store.tickets, filter, config).map((t) => t.id)));
    return memos.orders.get(ordering, () => order(store.tickets, request)).filter((t) => matching.has(t.id));
  });
}
