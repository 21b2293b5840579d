import { compareValues } from '../../lib/teamworkDesk/compare';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
import { defineCheck, type Finding } from '../check';
import type { ListPage, ListWalk } from './evidence';
import { SRC } from './sources';

interface Step {
  value: unknown;
  id: number;
  page: ListPage;
}

/** Neighbouring pairs (nulls skipped: where nulls sort is not documented) that break `mode`. */
function breaks(steps: Step[], mode: 'asc' | 'desc', kind: 'number' | 'instant' | 'text'): Array<[Step, Step]> {
  const wrong = mode === 'asc' ? 'gt' : 'lt';
  const out: Array<[Step, Step]> = [];
  for (let i = 1; i < steps.length; i++) {
    const a = steps[i - 1]!;
    const b = steps[i]!;
    if (compareValues(a.value, b.value, kind) === wrong) out.push([a, b]);
  }
  return out;
}

export const orderHolds = defineCheck<ListWalk>({
  id: 'TWD-ORD-001',
  title: 'tickets out of the requested order',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.orderBy,
  detects: 'two tickets, on one page or across a page boundary, in the wrong order for orderBy/orderMode; without orderMode the walk must follow one direction throughout',
  triggers: 'walks ordered by a field whose order the ticket\'s own value defines (numbers, date-times, text under every common collation); nulls, ties and relationship or dotted names are not judged',
  requests: 'none (judges the walks)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: (walk) => {
    const { orderBy, orderMode } = walk.query;
    const kind = orderBy === undefined ? undefined : ticketVocabulary().ownValueOrder.get(orderBy);
    if (orderBy === undefined || kind === undefined) return [];
    const steps: Step[] = walk.pages.flatMap((page) =>
      page.body.tickets
        .map((t) => ({ value: (t as unknown as Record<string, unknown>)[orderBy], id: t.id, page }))
        .filter((s) => s.value !== null && s.value !== undefined),
    );
    const modes: ReadonlyArray<'asc' | 'desc'> = orderMode === 'asc' || orderMode === 'desc' ? [orderMode] : ['asc', 'desc'];
    const perMode = modes.map((mode) => ({ mode, wrong: breaks(steps, mode, kind) }));
    if (perMode.some((m) => m.wrong.length === 0)) return [];
    const { mode, wrong } = perMode[0]!;
    return wrong.slice(0, 5).map(([a, b]): Finding => {
      const where = a.page === b.page ? `on page ${b.page.body.pagination.page}` : `across pages ${a.page.body.pagination.page}→${b.page.body.pagination.page}`;
      return {
        expected: `${orderBy} ${orderMode ?? `in one direction (${modes.join(' or ')})`}`,
        received: `ticket ${a.id} (${JSON.stringify(a.value)}) before ticket ${b.id} (${JSON.stringify(b.value)}) ${where}${orderMode ? '' : ` (first break when read as ${mode})`}`,
        exchange: b.page.exchange,
      };
    });
  },
});
