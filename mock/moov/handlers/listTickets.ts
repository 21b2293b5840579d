import { HttpAnswer } from '../../shared/http';
import type { Ticket, TicketStatus } from '../../../lib/contract/moov.types';
import type { Handler } from '../context';
import { authorize } from '../auth';
import { decodeCursor, encodeCursor, type CursorPosition } from '../cursor';
import { presentTicket } from '../present';

export const listTickets: Handler = (ctx, principal) => {
  const { config, store } = ctx;
  const accountID = ctx.pathParams.accountID ?? '';
  const filteredPastReach = config.faults.has('filtered-list-past-reach') && ctx.query.status !== undefined && accountID === config.unrelatedAccountID;
  if (principal && !filteredPastReach) authorize(principal, ctx.operation, accountID, store, config);

  const query = { ...ctx.query };
  if (config.variants.has('lenient-count') && query.count !== undefined) {
    const parsed = Number.parseInt(query.count, 10);
    if (!Number.isNaN(parsed)) query.count = String(Math.min(parsed, 200));
  }
  const { values, issues } = ctx.operation.coerceQuery(query);
  const count = values.count as number;
  if (issues.length === 0 && count < 1) issues.push({ field: 'count', keyword: 'minimum', message: 'count: must be at least 1' });
  let position: CursorPosition | undefined;
  if (typeof values.cursor === 'string') {
    position = decodeCursor(values.cursor);
    if (position === undefined) {
      if (config.faults.has('bad-cursor-500')) throw new HttpAnswer(500, { error: 'cannot decode cursor' });
      if (!config.faults.has('bad-cursor-first-page')) issues.push({ field: 'cursor', keyword: 'cursor', message: 'cursor: not a cursor this server issued' });
    }
  }
  const after = position?.after;
  if (issues.length > 0) {
    ctx.violations.push(...issues.map((i) => i.message));
    throw new HttpAnswer(config.variants.has('invalid-query-422') ? 422 : 400, { error: issues.map((i) => i.message).join('; ') });
  }
  // A count above the documented default, refused with its own status (a client sees 400 and 422 apart).
  const overStatus = config.variants.has('count-over-200-422') ? 422 : config.variants.has('count-over-200-refused') ? 400 : undefined;
  if (count > 200 && overStatus !== undefined) {
    ctx.violations.push('count: must be at most 200');
    throw new HttpAnswer(overStatus, { error: 'count: must be at most 200' });
  }

  let limit = config.faults.has('default-count-10') && ctx.query.count === undefined ? 10 : count;
  if (config.variants.has('max-count-200')) limit = Math.min(limit, 200);
  const ignored = config.faults.has('status-filter-ignored') || (config.faults.has('status-filter-ignored-on-connected') && accountID === config.connectedAccountID);
  const status = ignored ? undefined : ((position?.status ?? values.status) as TicketStatus | undefined);
  const listed = position?.accountID ?? accountID;
  const page = store.list(listed, {
    after,
    status,
    limit: config.faults.has('count-off-by-one') ? limit + 1 : limit,
    newestFirst: config.variants.has('newest-first'),
  });
  let items = page.items;
  if (config.faults.has('created-ticket-not-listed')) items = items.filter((t) => t.number <= config.seedTicketsPerAccount);

  const last = items[items.length - 1];
  let nextAfter: number | undefined = page.more ? last?.number : undefined;
  if (config.faults.has('next-page-on-last-page') && !page.more && last) nextAfter = last.number;
  if (config.faults.has('page-overlap') && nextAfter !== undefined && items.length >= 2) nextAfter = items[items.length - 2]?.number;
  if (config.faults.has('page-gap') && page.more && items.length >= 2) items = items.slice(0, -1);

  const present = (t: Ticket) => {
    const out = presentTicket(t, config);
    if (config.variants.has('list-omits-foreignID')) delete out.foreignID;
    if (config.faults.has('list-title-shortened')) out.title = Array.from(t.title).slice(0, 200).join('');
    return out;
  };
  const body: Record<string, unknown> = { items: items.map(present) };
  if (nextAfter !== undefined) {
    const carried = {
      ...(config.faults.has('cursor-carries-account') ? { accountID: listed } : {}),
      ...(config.faults.has('cursor-keeps-filter') && status !== undefined ? { status } : {}),
    };
    body.nextPage = config.faults.has('next-page-without-cursor') ? {} : { cursor: encodeCursor({ after: nextAfter, ...carried }) };
  }
  return { status: 200, body };
};
