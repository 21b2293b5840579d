import { defineCheck } from '../check';
import type { ListWalk } from './evidence';
import { SRC } from './sources';

export const shortPageWithNext = defineCheck<ListWalk>({
  id: 'TKT-SEM-005',
  title: 'page shorter than count while more follow',
  api: 'moov',
  severity: 'advisory',
  source: SRC.count,
  detects: 'a page with fewer tickets than count although nextPage says more follow (allowed if the server caps page size, which the pages do not mention)',
  triggers: 'every walk with an explicit count of at most 50',
  requests: 'none (judges the walks)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: (walk) => {
    const count = walk.count;
    if (count === undefined || count > 50) return [];
    return walk.pages
      .filter((p) => p.nextCursor !== undefined && p.items.length < count)
      .map((p) => ({ expected: `${count} items on a page followed by nextPage`, received: `${p.items.length} items`, exchange: p.exchange }));
  },
});
