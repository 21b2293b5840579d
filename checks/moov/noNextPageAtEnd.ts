import { defineCheck, type Finding } from '../check';
import type { ListWalk } from './evidence';
import { SRC } from './sources';

export const noNextPageAtEnd = defineCheck<ListWalk>({
  id: 'TKT-PAG-003',
  title: 'nextPage present when no tickets remain',
  api: 'moov',
  severity: 'error',
  source: SRC.paginated,
  detects: 'a page with nextPage whose cursor leads to an empty page (nextPage must be omitted when there are no more pages)',
  triggers: 'every cursor walk; the walk follows nextPage until it is omitted',
  requests: 'the walk itself (one request per page)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: (walk) => {
    const findings: Finding[] = [];
    walk.pages.forEach((page, i) => {
      const previous = walk.pages[i - 1];
      if (i > 0 && page.items.length === 0 && previous?.nextCursor !== undefined) {
        findings.push({ expected: `no nextPage on page ${i} (no tickets remained)`, received: `nextPage on page ${i}, then page ${i + 1} empty`, exchange: previous.exchange });
      }
    });
    return findings;
  },
});
