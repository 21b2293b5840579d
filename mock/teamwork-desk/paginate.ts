import type { Pagination, Ticket } from '../../lib/contract/teamworkDesk.types';
import type { TeamworkDeskMockConfig } from './config';
import type { Page, PageRequest } from './seams';
import { invalidParameters } from './validator';

export type { Page, PageRequest } from './seams';

/**
 * One page of the ordered matches and its pagination object: records is the number of matches,
 * pages follows from records and pageSize, hasMorePages is true exactly when a later page exists.
 */
export function paginate(matches: readonly Ticket[], request: PageRequest, config: TeamworkDeskMockConfig): Page {
  if (config.overPageSizeCap === 'refuse' && config.maxPageSize !== undefined && (request.pageSize ?? 0) > config.maxPageSize) {
    throw invalidParameters(config, { pageSize: [`pageSize: at most ${config.maxPageSize}, got ${request.pageSize}`] });
  }
  let pageSize = config.tamper.pageSize(request.pageSize) ?? config.defaultPageSize;
  if (config.maxPageSize !== undefined) pageSize = Math.min(pageSize, config.maxPageSize);
  const page = request.page ?? 1;
  const records = matches.length;
  const pages = Math.ceil(records / pageSize);
  if (config.variants.has('past-end-400') && page > Math.max(1, pages)) {
    throw invalidParameters(config, { page: [`page: ${page} is past the last page (${Math.max(1, pages)})`] });
  }

  const start = (page - 1) * pageSize;
  const tickets = start >= records ? [] : matches.slice(start, start + pageSize);
  const pagination: Pagination = {
    records,
    pageSize,
    pages: records === 0 && config.variants.has('empty-result-one-page') ? 1 : pages,
    page,
    hasMorePages: page < pages,
  };
  return config.tamper.page({ tickets, pagination }, { matches, page, pageSize, pages, records });
}
