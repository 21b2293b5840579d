import { defineCheck } from '../check';
import type { ListWalk } from './evidence';
import { SRC } from './sources';

export const pageCountRespected = defineCheck<ListWalk>({
  id: 'TKT-LST-001',
  title: 'page larger than count',
  api: 'moov',
  severity: 'error',
  source: SRC.count,
  detects: 'a list page holding more tickets than the count the request asked for',
  triggers: 'every page of every walk made with an explicit count (generated pagination plans)',
  requests: 'none (judges the walks)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: (walk) =>
    walk.count === undefined
      ? []
      : walk.pages
          .filter((p) => p.items.length > (walk.count ?? 0))
          .map((p) => ({ expected: `at most ${walk.count} items`, received: `${p.items.length} items`, exchange: p.exchange })),
});
