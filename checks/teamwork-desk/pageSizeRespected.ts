import { defineCheck, type Finding } from '../check';
import type { ListPage } from './evidence';
import { SRC } from './sources';

export const pageSizeRespected = defineCheck<ListPage>({
  id: 'TWD-PAG-003',
  title: 'page larger than the pageSize requested',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.pageParams,
  detects: 'a page reporting a pageSize above the one requested, or holding more tickets than requested (a smaller reported pageSize is a cap, which the pages allow: the maximum is not documented)',
  triggers: 'every page requested with pageSize (walks at generated page sizes)',
  requests: 'none (judges the pages)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ body, query, exchange }) => {
    const asked = query.pageSize;
    if (asked === undefined) return [];
    const findings: Finding[] = [];
    if (body.pagination.pageSize > asked) findings.push({ expected: `pageSize at most ${asked} (requested)`, received: `pageSize ${body.pagination.pageSize}`, exchange });
    if (body.tickets.length > asked) findings.push({ expected: `at most ${asked} tickets`, received: `${body.tickets.length} tickets`, exchange });
    return findings;
  },
});
