import { defineCheck, type Finding } from '../check';
import type { ListWalk } from './evidence';
import { SRC } from './sources';


export const walkNoDuplicates = defineCheck<ListWalk>({
  id: 'TKT-PAG-001',
  title: 'duplicate ticket across pages',
  api: 'moov',
  severity: 'error',
  source: SRC.paginated,
  detects: 'a ticket listed twice in one cursor walk',
  triggers: 'every cursor walk (generated counts and filters)',
  requests: 'none (judges the walks)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: (walk) => {
    // A ticket whose status changed mid-walk may legitimately move; one that did not, may not.
    const firstSeen = new Map<string, { page: number; status: unknown }>();
    const findings: Finding[] = [];
    walk.pages.forEach((page, index) => {
      for (const ticket of page.items) {
        const earlier = firstSeen.get(ticket.ticketID);
        if (earlier !== undefined && earlier.status === ticket.status) {
          findings.push({ expected: 'each ticket once per walk', received: `ticket #${ticket.number} ${ticket.ticketID} on page ${earlier.page + 1} and page ${index + 1} (count ${walk.count ?? 'default'})`, exchange: page.exchange });
        }
        if (earlier === undefined) firstSeen.set(ticket.ticketID, { page: index, status: ticket.status });
      }
    });
    return findings;
  },
});
