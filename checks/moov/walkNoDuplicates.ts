import { defineCheck, type Finding } from '../check';
import type { ListWalk, Volatility } from './evidence';
import { SRC } from './sources';

export interface WalkEvidence {
  walk: ListWalk;
  volatility: Volatility;
}

export const walkNoDuplicates = defineCheck<WalkEvidence>({
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
  evaluate: ({ walk, volatility }) => {
    const firstSeen = new Map<string, number>();
    const findings: Finding[] = [];
    walk.pages.forEach((page, index) => {
      for (const ticket of page.items) {
        const earlier = firstSeen.get(ticket.ticketID);
        if (earlier !== undefined && !volatility.isVolatile(ticket)) {
          findings.push({ expected: 'each ticket once per walk', received: `ticket #${ticket.number} ${ticket.ticketID} on page ${earlier + 1} and page ${index + 1} (count ${walk.count ?? 'default'})`, exchange: page.exchange });
        }
        if (earlier === undefined) firstSeen.set(ticket.ticketID, index);
      }
    });
    return findings;
  },
});
