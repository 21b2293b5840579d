import { defineCheck, type Finding } from '../check';
import type { ListWalk } from './evidence';
import { SRC } from './sources';

export const noNextPageAtEnd = defineCheck<ListWalk>({
  id: 'TKT-PAG-003',
  title: 'nextPage present when no tickets remain',
  api: 'moov',
  severity: 'error',
  source: SRC.paginated,
  detects: 'a page with nextPage whose cursor leads to a final empty page, or a cursor that keeps returning empty pages (nextPage must be omitted when there are no more pages)',
  triggers: 'every cursor walk; the walk follows nextPage until it is omitted',
  requests: 'the walk itself (one request per page)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: (walk) => {
    const findings: Finding[] = [];
    const last = walk.pages[walk.pages.length - 1];
    const previous = walk.pages[walk.pages.length - 2];
    if (walk.complete && last && previous && last.items.length === 0) {
      findings.push({ expected: `no nextPage on page ${walk.pages.length - 1} (no tickets remained)`, received: `nextPage on page ${walk.pages.length - 1}, then page ${walk.pages.length} empty`, exchange: previous.exchange });
    }
    if (walk.runaway && last) {
      findings.push({ expected: 'nextPage omitted once no tickets remain', received: `nextPage on ${walk.pages.length} pages, the last two empty`, exchange: last.exchange });
    }
    return findings;
  },
});
