import { HttpAnswer } from '../../shared/http';
import type { Ticket, TicketStatus } from '../../../lib/contract/moov.types';
import type { Handler, Listing } from '../context';
import { authorize } from '../auth';
import { decodeCursor, encodeCursor, type CursorPosition } from '../cursor';
import { presentTicket } from '../present';

export const listTickets: Handler = (ctx, principal) => {
  const { config, store, tamper } = ctx;
  const accountID = ctx.pathParams.accountID ?? '';
  if (principal) authorize(ctx, principal, accountID);

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
    const issue = position === undefined ? tamper.cursorIssue({ field: 'cursor', keyword: 'cursor', message: 'cursor: not a cursor this server issued' }, ctx) : undefined;
    if (issue) issues.push(issue);
  }
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

  const limit = config.variants.has('max-count-200') ? Math.min(count, 200) : count;
  const scope = tamper.listing({ accountID, status: values.status as TicketStatus | undefined }, position, ctx);
  const page = store.list(scope.accountID, tamper.pageQuery({ after: position?.after, status: scope.status, limit, newestFirst: config.variants.has('newest-first') }, ctx));
  const last = page.items[page.items.length - 1];
  const listing: Listing = tamper.listedPage({ ...page, nextAfter: page.more ? last?.number : undefined }, ctx);

  const present = (t: Ticket) => {
    const out = presentTicket(t, ctx);
    if (config.variants.has('list-omits-foreignID')) delete out.foreignID;
    return out;
  };
  const body: Record<string, unknown> = { items: listing.items.map(present) };
  if (listing.nextAfter !== undefined) body.nextPage = { cursor: encodeCursor(tamper.nextCursor({ after: listing.nextAfter }, scope, ctx)) };
  return { status: 200, body };
};
