import { defineCheck, type Finding } from '../check';
import { orderLeavesNoTies, type ListWalk } from './evidence';
import { SRC } from './sources';

export const walkNoDuplicates = defineCheck<ListWalk>({
  id: 'TWD-PAG-004',
  title: 'ticket listed twice in one walk',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.selfConsistent,
  detects: 'a ticket id on two pages (or twice on one page) of a walk through pages 1, 2, ...',
  triggers: 'every walk in an order without ties (orderBy id, or another key distinct on every ticket); the default order and tied keys are not judged (the default order is not documented, and ties may be broken differently per page)',
  requests: 'none (judges the walks)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: (walk) => {
    if (!orderLeavesNoTies(walk)) return [];
    const firstSeen = new Map<number, number>();
    const findings: Finding[] = [];
    walk.pages.forEach((page) => {
      for (const ticket of page.body.tickets) {
        const earlier = firstSeen.get(ticket.id);
        if (earlier !== undefined) {
          findings.push({ expected: 'each ticket once per walk', received: `ticket ${ticket.id} on page ${earlier} and page ${page.body.pagination.page} (pageSize ${page.body.pagination.pageSize})`, exchange: page.exchange });
        } else firstSeen.set(ticket.id, page.body.pagination.page);
      }
    });
    return findings;
  },
});
