import { defineCheck } from '../check';
import type { ListWalk } from './evidence';
import { SRC } from './sources';

export const statusFilterOnly = defineCheck<ListWalk>({
  id: 'TKT-LST-003',
  title: 'status filter returns tickets of another status',
  api: 'moov',
  severity: 'error',
  source: SRC.statusFilter,
  detects: 'a ticket whose status differs from the status query parameter',
  triggers: 'walks with a status filter (generated pagination plans, each status)',
  requests: 'none (judges the walks)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: (walk) =>
    walk.status === undefined
      ? []
      : walk.pages.flatMap((p) =>
          p.items
            .filter((t) => t.status !== walk.status)
            .map((t) => ({ expected: `only status ${walk.status}`, received: `ticket ${t.ticketID} with status ${String(t.status)}`, exchange: p.exchange })),
        ),
});
