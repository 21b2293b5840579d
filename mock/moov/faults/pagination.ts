import type { TicketStatus } from '../../../lib/contract/moov.types';
import { HttpAnswer } from '../../shared/http';
import type { PageQuery } from '../store';
import { DEEP } from './deep';
import type { Fault } from './fault';

/** The query without its status filter. */
function unfiltered({ status: _ignored, ...query }: PageQuery): PageQuery {
  return query;
}

/** Pagination and filtering: each breaks one promise about walking or filtering a list. */
export const PAGINATION_FAULTS = {
  'page-overlap': {
    family: 'pagination',
    breaks: 'a cursor walk lists each ticket once; pages overlap by one ticket',
    deviation: () => ({
      listedPage: (listing) => {
        const { items } = listing;
        return listing.nextAfter !== undefined && items.length >= 2 ? { ...listing, nextAfter: items[items.length - 2]?.number } : listing;
      },
    }),
  },
  'page-gap': {
    family: 'pagination',
    breaks: 'a cursor walk lists every ticket; one ticket is skipped at each page boundary',
    deviation: () => ({ listedPage: (listing) => (listing.more && listing.items.length >= 2 ? { ...listing, items: listing.items.slice(0, -1) } : listing) }),
  },
  'next-page-on-last-page': {
    family: 'pagination',
    breaks: 'nextPage is omitted when there are no more pages; the last page has one',
    deviation: () => ({
      listedPage: (listing) => {
        const last = listing.items[listing.items.length - 1];
        return !listing.more && last ? { ...listing, nextAfter: last.number } : listing;
      },
    }),
  },
  'count-off-by-one': {
    family: 'pagination',
    breaks: 'count bounds the page; one ticket more is returned',
    deviation: () => ({ pageQuery: (query) => ({ ...query, limit: query.limit + 1 }) }),
  },
  'default-count-10': {
    family: 'pagination',
    breaks: 'count defaults to 200; it defaults to 10',
    deviation: () => ({ pageQuery: (query, ctx) => (ctx.query.count === undefined ? { ...query, limit: 10 } : query) }),
  },
  'status-filter-ignored': {
    family: 'pagination',
    breaks: 'status filters the list; it is ignored',
    deviation: () => ({ pageQuery: unfiltered }),
  },
  'status-filter-ignored-on-connected': {
    family: 'pagination',
    breaks: "status filters every account's list; the connected account's list ignores it",
    deviation: (settings) => ({ pageQuery: (query, ctx) => (ctx.pathParams.accountID === settings.connectedAccountID ? unfiltered(query) : query) }),
  },
  'bad-cursor-500': {
    family: 'pagination',
    breaks: 'a cursor the server never issued is invalid input (4xx); it is a 500',
    deviation: () => ({
      cursorIssue: () => {
        throw new HttpAnswer(500, { error: 'cannot decode cursor' });
      },
    }),
  },
  'bad-cursor-first-page': {
    family: 'pagination',
    breaks: 'a cursor the server never issued is invalid input (4xx); the first page is served instead',
    deviation: () => ({ cursorIssue: () => undefined }),
  },
  'cursor-carries-account': {
    family: 'pagination',
    breaks: "a cursor is a position in one account's list; it names its account and serves that account's tickets on any account's path",
    deviation: () => ({
      nextCursor: (position, scope) => ({ ...position, accountID: scope.accountID }),
      listing: (scope, cursor) => (cursor?.accountID ? { ...scope, accountID: cursor.accountID } : scope),
    }),
  },
  'cursor-keeps-filter': {
    family: 'pagination',
    breaks: 'status filters the list; a cursor carries the status it was issued under and overrides the one asked for',
    deviation: () => ({
      nextCursor: (position, scope) => (scope.status === undefined ? position : { ...position, status: scope.status }),
      listing: (scope, cursor) => (cursor?.status ? { ...scope, status: cursor.status as TicketStatus } : scope),
    }),
  },
  'status-filter-deep-gap': {
    family: 'pagination',
    breaks: 'status filters the list; past its 300th match the filtered listing skips every fourth ticket (only a large account shows it)',
    deviation: () => ({ statusFilter: (filter) => (tickets, status) => filter(tickets, status).filter((_, i) => i < DEEP || i % 4 !== 0) }),
  },
  'status-filter-stale': {
    family: 'pagination',
    breaks: 'status filters by the current status; tickets closed through the API are filtered by their old one',
    deviation: () => {
      // What a stale status index still says: the status each ticket had before its first close.
      const before = new Map<string, TicketStatus>();
      return {
        closedTicket: (closed, previous) => {
          if (!before.has(closed.ticketID)) before.set(closed.ticketID, previous.status);
          return closed;
        },
        statusFilter: () => (tickets, status) => tickets.filter((t) => (before.get(t.ticketID) ?? t.status) === status),
      };
    },
  },
} satisfies Record<string, Fault>;
