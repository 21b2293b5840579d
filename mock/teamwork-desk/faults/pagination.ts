import type { Fault } from './fault';
import { forgiven } from './fault';

/** Pagination: each breaks one promise of the pagination object or of a walk over the pages. */
export const PAGINATION_FAULTS = {
  'pages-rounded-down': {
    family: 'pagination',
    breaks: 'pages follows from records and pageSize; it is rounded down',
    // No matches: zero either way (or the one page a variant reports).
    tamper: { page: (page, facts) => (facts.records === 0 ? page : { ...page, pagination: { ...page.pagination, pages: Math.floor(facts.records / facts.pageSize) } }) },
  },
  'has-more-on-last-page': {
    family: 'pagination',
    breaks: 'hasMorePages is true exactly when a later page exists; the last page says true',
    tamper: { page: (page, facts) => (facts.page === facts.pages ? { ...page, pagination: { ...page.pagination, hasMorePages: true } } : page) },
  },
  'bad-page-served': {
    family: 'pagination',
    breaks: 'page is a 1-based integer; a value that is none (abc, 0) is served as page 1',
    // What a lenient parseInt-or-1 does.
    tamper: { query: (reading) => forgiven(reading, 'page') },
  },
  'page-size-ignored': {
    family: 'pagination',
    breaks: 'pageSize sizes the page; it is ignored',
    tamper: { pageSize: () => undefined },
  },
  'page-overlap': {
    family: 'pagination',
    breaks: 'a walk lists each ticket once; every page after the first starts one ticket early',
    tamper: {
      page: (page, { matches, page: number, pageSize, records }) => {
        if (number <= 1) return page;
        const start = (number - 1) * pageSize - 1;
        return { ...page, tickets: start >= records ? [] : matches.slice(start, start + pageSize) };
      },
    },
  },
  'last-page-short': {
    family: 'pagination',
    breaks: 'a walk yields records tickets; the last page drops its final ticket',
    tamper: { page: (page, facts) => (facts.page === facts.pages ? { ...page, tickets: page.tickets.slice(0, -1) } : page) },
  },
  'records-counts-page': {
    family: 'pagination',
    breaks: 'records is the number of matches; it counts the tickets on the page',
    // Counts the page as served (after last-page-short, which comes first for that), where records is reported at all.
    tamper: { page: (page) => ('records' in page.pagination ? { ...page, pagination: { ...page.pagination, records: page.tickets.length } } : page) },
  },
} satisfies Record<string, Fault>;
