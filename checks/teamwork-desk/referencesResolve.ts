import { isRecord } from '../../lib/json';
import { defineCheck, type Finding } from '../check';
import type { ListPage } from './evidence';
import { SRC } from './sources';

/** Every {id, type} reference on a ticket, lists (tags, files, messages) included. */
export function referencesOf(ticket: unknown): Array<{ field: string; id: number; type: string }> {
  if (!isRecord(ticket)) return [];
  const out: Array<{ field: string; id: number; type: string }> = [];
  const visit = (field: string, value: unknown) => {
    if (isRecord(value) && typeof value.id === 'number' && typeof value.type === 'string') out.push({ field, id: value.id, type: value.type });
  };
  for (const [field, value] of Object.entries(ticket)) {
    if (Array.isArray(value)) value.forEach((item) => visit(field, item));
    else visit(field, value);
  }
  return out;
}

export const referencesResolve = defineCheck<ListPage>({
  id: 'TWD-INC-001',
  title: 'reference does not resolve in included',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.includes,
  detects: 'a reference {id, type} on a returned ticket, of a type named in includes, with no record of that id under included[type]',
  triggers: 'pages requested with includes = the reference types the target\'s own tickets carry (all of them, and generated subsets)',
  requests: 'none (judges the pages)',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ body, query, exchange }) => {
    const asked = new Set(query.includes ?? []);
    const findings: Finding[] = [];
    for (const ticket of body.tickets) {
      for (const ref of referencesOf(ticket)) {
        if (!asked.has(ref.type)) continue;
        const records = body.included?.[ref.type];
        if (records?.some((r) => r.id === ref.id)) continue;
        findings.push({
          expected: `a record with id ${ref.id} under included.${ref.type}`,
          received: records === undefined ? `no included.${ref.type} (keys: ${Object.keys(body.included ?? {}).join(', ') || 'none'}) for ticket ${ticket.id} ${ref.field}` : `none among ${records.length} ${ref.type} records, for ticket ${ticket.id} ${ref.field}`,
          exchange,
        });
      }
    }
    return findings.slice(0, 20);
  },
});
