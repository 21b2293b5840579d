import type { Pagination, Ticket } from '../../lib/contract/teamworkDesk.types';
import type { TeamworkDeskMockConfig } from './config';
import { invalidParameters } from './validator';

export interface PageRequest {
  page?: number;
  pageSize?: number;
}

export interface Page {
  tickets: Ticket[];
  /** What the response reports; `records` is absent under the pagination-records-missing fault. */
  pagination: Partial<Pagination>;
}

/**
 * One page of the ordered matches and its pagination object: records is the number of matches,
 * pages follows from records and pageSize, hasMorePages is true exactly when a later page exists.
 */
export function paginate(matches: readonly Ticket[], request: PageRequest, config: TeamworkDeskMockConfig): Page {
  const faults = config.faults;
  if (config.overPageSizeCap === 'refuse' && config.maxPageSize !== undefined && (request.pageSize ?? 0) > config.maxPageSize) {
    throw invalidParameters(config, { pageSize: [`pageSize: at most ${config.maxPageSize}, got ${request.pageSize}`] });
  }
  let pageSize = faults.has('page-size-ignored') ? config.defaultPageSize : request.pageSize ?? config.defaultPageSize;
  if (config.maxPageSize !== undefined) pageSize = Math.min(pageSize, config.maxPageSize);
  const page = request.page ?? 1;
  const records = matches.length;
  const pages = Math.ceil(records / pageSize);
  if (config.variants.has('past-end-400') && page > Math.max(1, pages)) {
    throw invalidParameters(config, { page: [`page: ${page} is past the last page (${Math.max(1, pages)})`] });
  }

  const start = (page - 1) * pageSize - (faults.has('page-overlap') && page > 1 ? 1 : 0);
  let tickets = start >= records ? [] : matches.slice(start, start + pageSize);
  if (faults.has('last-page-short') && page === pages) tickets = tickets.slice(0, -1);

  let reportedPages = pages;
  if (faults.has('pages-rounded-down')) reportedPages = Math.floor(records / pageSize);
  if (records === 0 && config.variants.has('empty-result-one-page')) reportedPages = 1;
  const hasMorePages = page < pages || (faults.has('has-more-on-last-page') && page === pages);
  const pagination: Partial<Pagination> = {
    records: faults.has('records-counts-page') ? tickets.length : records,
    pageSize,
    pages: reportedPages,
    page,
    hasMorePages,
  };
  if (faults.has('pagination-records-missing')) delete pagination.records;
  return { tickets, pagination };
}
