import type { Ticket } from '../../lib/contract/teamworkDesk.types';
import { filterTruth } from '../../lib/teamworkDesk/filterTruth';
import { defineCheck, type Finding } from '../check';
import type { ListWalk } from './evidence';
import { SRC } from './sources';

/** The fields a filter names (nested ones too), to show a ticket's values in a failure. */
export function namedFields(filter: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(filter)) filter.forEach((part) => namedFields(part, into));
  else if (filter && typeof filter === 'object') {
    for (const [key, value] of Object.entries(filter)) {
      if (key.startsWith('$')) namedFields(value, into);
      else into.add(key);
    }
  }
  return into;
}

export function showTicket(ticket: Ticket, filter: unknown): string {
  const record = ticket as unknown as Record<string, unknown>;
  const shown = [...namedFields(filter)].map((f) => `${f}=${JSON.stringify(record[f])}`).join(', ');
  return `ticket ${String(ticket.id)} (${shown})`;
}

export const filterOnlyMatches = defineCheck<ListWalk>({
  id: 'TWD-FLT-001',
  title: 'filter returns a ticket that does not satisfy it',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.filter,
  detects: 'a returned ticket that the filter rules out by the notes\' rules (where null handling, collation or types leave the outcome to the server, either way is accepted)',
  triggers: 'every filtered walk: one filter per operator and field kind, generated filters with nested $and/$or and values taken from the target\'s own tickets',
  requests: 'none (judges the walks)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: (walk) => {
    const filter = walk.query.filter;
    if (filter === undefined) return [];
    const findings: Finding[] = [];
    for (const page of walk.pages) {
      for (const ticket of page.body.tickets) {
        if (filterTruth(filter, ticket as unknown as Record<string, unknown>) === 'false') {
          findings.push({ expected: `only tickets satisfying ${JSON.stringify(filter)}`, received: showTicket(ticket, filter), exchange: page.exchange });
        }
      }
    }
    return findings;
  },
});
