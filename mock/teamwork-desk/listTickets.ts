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
  const { values, issues } = ctx.operation.coerceQuery(ctx.query);
  let problems = issues;
  if (config.faults.has('unknown-order-by-ignored') && problems.some((i) => i.field === 'orderBy')) {
    problems = problems.filter((i) => i.field !== 'orderBy');
    delete values.orderBy;
  }
  // A page number that is no positive integer read as the first page (what a lenient parseInt-or-1 does).
  if (config.faults.has('bad-page-served') && problems.some((i) => i.field === 'page')) {
    problems = problems.filter((i) => i.field !== 'page');
    delete values.page;
  }
  if (problems.length > 0) {
    const errors: Record<string, string[]> = {};
    // Query parameters are flat, so an issue's field is the parameter it concerns.
    for (const issue of problems) (errors[issue.field.split('.')[0] || 'query'] ??= []).push(issue.message);
    throw invalidParameters(config, errors);
  }

  const filter = typeof values.filter === 'string' ? parseFilter(values.filter, config) : undefined;
  if (filter !== undefined && config.faults.has('valid-filter-refused')) throw invalidParameters(config, { filter: ['filtering is not available'] });
  const includes = parseIncludes(values.includes as string | undefined, store, config);
  const dropOrder = filter !== undefined && config.faults.has('order-dropped-with-filter');
  const request = { orderBy: dropOrder ? undefined : (values.orderBy as string | undefined), orderMode: values.orderMode as string | undefined, page: values.page as number | undefined };
  const withinPageOnly = config.faults.has('order-within-page-only') && request.orderBy !== undefined;
  const orderRequest = withinPageOnly ? { page: request.page } : request;
  const filterText = typeof values.filter === 'string' ? values.filter : '';
  const ordering = orderingKey(orderRequest, config);
  // Ordering every ticket and keeping the matches is ordering the matches: the orders are total.
  const ordered = ctx.memos.lists.get(JSON.stringify([filterText, ordering]), () => {
    const matching = ctx.memos.matches.get(filterText, () => new Set(filterTickets(store.tickets, filter, config).map((t) => t.id)));
    return ctx.memos.orders.get(ordering, () => orderTickets(store.tickets, orderRequest, store, config)).filter((t) => matching.has(t.id));
  });
  const page = paginate(ordered, { page: values.page as number | undefined, pageSize: values.pageSize as number | undefined }, config);
  const tickets = withinPageOnly ? orderTickets(page.tickets, request, store, config) : page.tickets;

  const body: Record<string, unknown> = { tickets: tickets.map((t) => presentTicket(t, config)) };
  if (includes.length > 0 || !config.variants.has('no-included-unless-asked')) {
    body.included = buildIncluded(includes, tickets, store, config);
    body.meta = config.variants.has('extra-fields') ? { generatedBy: 'teamwork-desk-mock' } : {};
  }
  body.pagination = config.variants.has('extra-fields') ? { ...page.pagination, offset: ((page.pagination.page ?? 1) - 1) * (page.pagination.pageSize ?? 0) } : page.pagination;
  return { status: 200, body };
}
