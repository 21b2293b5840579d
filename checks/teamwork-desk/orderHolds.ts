import type { Ticket } from '../../lib/contract/teamworkDesk.types';
import { compareValues } from '../../lib/teamworkDesk/compare';
import { orderKey, type OrderKind } from '../../lib/teamworkDesk/orderKey';
import { defineCheck, type Finding } from '../check';
import type { ListPage, ListWalk } from './evidence';
import { SRC } from './sources';

interface Step {
  value: unknown;
  ticket: Ticket;
  page: ListPage;
}

/** Neighbouring pairs (unreadable keys skipped: nulls, whose place is not documented, and related records not shown) that break `mode`. */
function breaks(steps: Step[], mode: 'asc' | 'desc', kind: OrderKind): Array<[Step, Step]> {
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
  detects: 'two tickets, on one page or across a page boundary, in the wrong order for orderBy/orderMode (with or without a filter); without orderMode the walk must follow one direction throughout',
  triggers:
    'walks ordered by a field whose order the ticket\'s own value defines (numbers, date-times a second or more apart, text under every common collation), or by a dotted name whose related record the page shows (.id from the reference; .name from the record in included, where it has a name); nulls, ties, lists and relationship names are not judged',
  requests: 'none (judges the walks)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: (walk) => {
    const { orderBy, orderMode } = walk.query;
    const key = orderKey(orderBy);
    if (key === undefined) return [];
    const steps: Step[] = walk.pages.flatMap((page) =>
      page.body.tickets.map((ticket) => ({ value: key.read(ticket, page.body.included), ticket, page })).filter((s) => s.value !== null && s.value !== undefined),
    );
    const modes: ReadonlyArray<'asc' | 'desc'> = orderMode === 'asc' || orderMode === 'desc' ? [orderMode] : ['asc', 'desc'];
    const perMode = modes.map((mode) => ({ mode, wrong: breaks(steps, mode, key.kind) }));
    if (perMode.some((m) => m.wrong.length === 0)) return [];
    const { mode, wrong } = perMode[0]!;
    const via = key.related ? ` (the ${key.related.field}'s ${key.related.attribute})` : '';
    return wrong.slice(0, 5).map(([a, b]): Finding => {
      const where = a.page === b.page ? `on page ${b.page.body.pagination.page}` : `across pages ${a.page.body.pagination.page}→${b.page.body.pagination.page}`;
      const filtered = walk.query.filter === undefined ? '' : ` with filter ${JSON.stringify(walk.query.filter)}`;
      return {
        expected: `${orderBy}${via} ${orderMode ?? `in one direction (${modes.join(' or ')})`}${filtered}`,
        received: `ticket ${a.ticket.id} (${JSON.stringify(a.value)}) before ticket ${b.ticket.id} (${JSON.stringify(b.value)}) ${where}${orderMode ? '' : ` (first break when read as ${mode})`}`,
        exchange: b.page.exchange,
      };
    });
  },
});
