import { defineCheck, type Finding } from '../check';
import { orderLeavesNoTies, walkTickets, type ListWalk } from './evidence';
import { SRC } from './sources';

export const walkYieldsRecords = defineCheck<ListWalk>({
  id: 'TWD-PAG-005',
  title: 'walking every page does not yield records tickets',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.selfConsistent,
  detects: 'a complete walk whose distinct tickets number other than `records`, `records` changing from page to page, or hasMorePages staying true on empty pages',
  triggers: 'every walk (unfiltered, filtered, ordered, at generated page sizes); counts are judged where an explicit order leaves no ties (not in the undocumented default order)',
  requests: 'none (judges the walks)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: (walk) => {
    const first = walk.pages[0];
    const last = walk.pages[walk.pages.length - 1];
    if (!first || !last) return [];
    const findings: Finding[] = [];
    if (walk.runaway) {
      findings.push({ expected: 'hasMorePages false once the tickets run out', received: `hasMorePages true on ${walk.pages.length} pages, the last ones empty`, exchange: last.exchange });
    }
    const records = first.body.pagination.records;
    const changed = walk.pages.find((p) => p.body.pagination.records !== records);
    if (changed) findings.push({ expected: `records ${records} on every page (as on page 1)`, received: `records ${changed.body.pagination.records} on page ${changed.body.pagination.page}`, exchange: changed.exchange });
    if (walk.complete && orderLeavesNoTies(walk)) {
      const distinct = new Set(walkTickets(walk).map((t) => t.id)).size;
      if (distinct !== records) findings.push({ expected: `${records} tickets over the walk (records)`, received: `${distinct} distinct tickets on ${walk.pages.length} pages (pageSize ${last.body.pagination.pageSize})`, exchange: last.exchange });
    }
    return findings;
  },
});
