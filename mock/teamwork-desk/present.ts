import type { Ticket } from '../../lib/contract/teamworkDesk.types';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
import { isPlainObject } from '../shared/http';
import type { TeamworkDeskMockConfig } from './config';
import { toMicros, writeMillis } from './instants';

/** A kept date-time as written: with milliseconds only where the store keeps more than it sends (Node + pg). */
function written(field: string, value: unknown, config: TeamworkDeskMockConfig): unknown {
  if (config.timestamps !== 'microseconds-sent-as-milliseconds' || typeof value !== 'string') return value;
  if (ticketVocabulary().fieldKinds.get(field) !== 'instant') return value;
  const micros = toMicros(value);
  return micros === undefined ? value : writeMillis(micros);
}

/**
 * A stored ticket as the mock sends it. The presentedTicket seam is here, at the edge, so a fault
 * that changes what is sent leaves the stored data, the filter and the order correct.
 */
export function presentTicket(ticket: Ticket, config: TeamworkDeskMockConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ticket)) {
    if (isPlainObject(value)) out[key] = presentReference(value, config);
    else if (Array.isArray(value)) out[key] = value.map((item: unknown) => (isPlainObject(item) ? presentReference(item, config) : item));
    else out[key] = written(key, value, config);
  }
  if (config.variants.has('extra-fields')) {
    out.messageCount = ticket.id % 5;
    out.isRead = ticket.id % 2 === 0;
    out.cc = [];
  }
  return config.tamper.presentedTicket(out, ticket);
}

function presentReference(reference: Record<string, unknown>, config: TeamworkDeskMockConfig): Record<string, unknown> {
  const out: Record<string, unknown> = { ...reference };
  if (config.variants.has('extra-fields')) out.meta = {};
  return out;
}
