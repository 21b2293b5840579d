import { defineCheck } from '../check';
import type { ListPage } from './evidence';
import { expectedPages } from './paginationConsistent';
import { SRC } from './sources';

export const pageLengthAgrees = defineCheck<ListPage>({
  id: 'TWD-PAG-002',
  title: 'page length disagrees with the pagination object',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.selfConsistent,
  detects: 'a page holding other than min(pageSize, records − (page − 1) × pageSize) tickets: every page but the last is full, the last holds the rest',
  triggers: 'every 200 page up to the last one (pages past the end are not documented and not judged)',
  requests: 'none (judges the pages)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ body, exchange }) => {
    const { records, pageSize, page } = body.pagination;
    if (page > Math.max(1, expectedPages(records, pageSize))) return [];
    const want = Math.max(0, Math.min(pageSize, records - (page - 1) * pageSize));
    const got = body.tickets.length;
    return got === want ? [] : [{ expected: `${want} tickets on page ${page} (records ${records}, pageSize ${pageSize})`, received: `${got} tickets`, exchange }];
  },
});
