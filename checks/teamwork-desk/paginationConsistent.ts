import { defineCheck, type Finding } from '../check';
import type { ListPage } from './evidence';
import { SRC } from './sources';

/** pages as records and pageSize make it; an empty result may report 0 or 1 page. */
export function expectedPages(records: number, pageSize: number): number {
  return Math.ceil(records / pageSize);
}

export const paginationConsistent = defineCheck<ListPage>({
  id: 'TWD-PAG-001',
  title: 'pagination object not self-consistent',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.selfConsistent,
  detects: 'pages ≠ ⌈records / pageSize⌉ (0 or 1 when nothing matches), hasMorePages not exactly "page < ⌈records / pageSize⌉", or page not the page requested',
  triggers: 'every 200 page the suite receives (walks, filters, orders, includes)',
  requests: 'none (judges the pages)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ body, query, exchange }) => {
    const { records, pageSize, pages, page, hasMorePages } = body.pagination;
    const findings: Finding[] = [];
    const want = expectedPages(records, pageSize);
    if (pages !== want && !(records === 0 && pages === 1)) {
      findings.push({ expected: `pages ${want} (records ${records}, pageSize ${pageSize})`, received: `pages ${pages}`, exchange });
    }
    if (hasMorePages !== page < want) {
      findings.push({ expected: `hasMorePages ${page < want} on page ${page} of ${want}`, received: `hasMorePages ${hasMorePages}`, exchange });
    }
    if (query.page !== undefined && page !== query.page) findings.push({ expected: `page ${query.page} (requested)`, received: `page ${page}`, exchange });
    return findings;
  },
});
