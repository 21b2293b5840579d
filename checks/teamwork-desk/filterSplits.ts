import type { Ticket, TicketFilter } from '../../lib/contract/teamworkDesk.types';
import { filterValue } from '../../lib/teamworkDesk/filterTruth';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
import { defineCheck, type Finding } from '../check';
import { orderLeavesNoTies, walkTickets, type ListWalk } from './evidence';
import { namedFields, showTicket } from './filterOnlyMatches';
import { SRC } from './sources';

export interface FilterSplitEvidence {
  /** The filter as generated (without the window's range) and its negation (lib/teamworkDesk/negation.ts). */
  filter: TicketFilter;
  negation: TicketFilter;
  /** Walks of the filter and of its negation, each within the same window. */
  matched: ListWalk;
  unmatched: ListWalk;
  /** The window's tickets as the unfiltered listing showed them. */
  all: readonly Ticket[];
}

const record = (ticket: Ticket) => ticket as unknown as Record<string, unknown>;

/** The named fields' values, when every one holds a comparable value (not null, not absent). */
function namedValues(ticket: Ticket, fields: readonly string[]): string | undefined {
  const kinds = ticketVocabulary().fieldKinds;
  const values = fields.map((f) => filterValue(record(ticket), f, kinds.get(f) ?? 'untyped'));
  return values.some((v) => v === null || v === undefined) ? undefined : JSON.stringify(values);
}

export const filterSplits = defineCheck<FilterSplitEvidence>({
  id: 'TWD-OPS-001',
  title: 'a filter and its negation do not split the tickets',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.operators,
  detects:
    'a ticket whose every named field holds a value that is in neither the list of a filter nor that of its negation ($eq/$ne, $lt/$gte, $lte/$gt, $in/$nin swapped, $and/$or swapped), or in both showing the same values: for a value, each comparison and its complement hold one way or the other whatever the collation, the null reading or the precision kept, so this judges what the filter truth leaves open (a date-time equal to the operand, text equal only under some collation)',
  triggers: 'every pair of complementary filters walked in one window, in opposite order modes, ordered by id: the fixed cases (each operator beside its complement on every field kind) and every generated filter without a null operand',
  requests: 'the negation\'s walk beside each generated filter\'s (page size up to 50); on a live target, the pair and the window again before a finding counts',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ filter, negation, matched, unmatched, all }) => {
    if (!matched.complete || !unmatched.complete || !orderLeavesNoTies(matched) || !orderLeavesNoTies(unmatched)) return [];
    const fields = [...namedFields(filter)];
    const inMatched = new Map(walkTickets(matched).map((t) => [t.id, t]));
    const inUnmatched = new Map(walkTickets(unmatched).map((t) => [t.id, t]));
    const findings: Finding[] = [];
    const neither = all.filter((t) => namedValues(t, fields) !== undefined && !inMatched.has(t.id) && !inUnmatched.has(t.id));
    if (neither.length > 0) {
      findings.push({
        expected: `every ticket with values in ${fields.join(', ')} listed by ${JSON.stringify(filter)} or by its negation ${JSON.stringify(negation)}`,
        received: `${neither.length} in neither, e.g. ${neither.slice(0, 3).map((t) => showTicket(t, filter)).join('; ')}`,
        exchange: matched.pages[0]?.exchange,
      });
    }
    const both = [...inMatched.values()].filter((t) => {
      const other = inUnmatched.get(t.id);
      return other !== undefined && JSON.stringify(fields.map((f) => record(t)[f])) === JSON.stringify(fields.map((f) => record(other)[f]));
    });
    if (both.length > 0) {
      findings.push({
        expected: `no ticket listed both by ${JSON.stringify(filter)} and by its negation ${JSON.stringify(negation)}`,
        received: `${both.length} in both, e.g. ${both.slice(0, 3).map((t) => showTicket(t, filter)).join('; ')}`,
        exchange: unmatched.pages[0]?.exchange,
      });
    }
    return findings;
  },
});
