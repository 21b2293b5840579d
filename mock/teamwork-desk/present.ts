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
 * A stored ticket as the mock sends it. Schema faults are applied here, at the edge, so the
 * stored data, the filter and the order stay correct and each fault breaks one promise.
 */
export function presentTicket(ticket: Ticket, config: TeamworkDeskMockConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ticket)) {
    if (isPlainObject(value)) out[key] = presentReference(value, config);
    else if (Array.isArray(value)) out[key] = value.map((item: unknown) => (isPlainObject(item) ? presentReference(item, config) : item));
    else out[key] = written(key, value, config);
  }
  if (config.faults.has('id-as-string')) out.id = String(ticket.id);
  if (config.faults.has('timestamp-without-offset')) out.createdAt = ticket.createdAt.replace(/(\.\d+)?Z$/, '');
  if (config.variants.has('extra-fields')) {
    out.messageCount = ticket.id % 5;
    out.isRead = ticket.id % 2 === 0;
    out.cc = [];
  }
  return out;
}

function presentReference(reference: Record<string, unknown>, config: TeamworkDeskMockConfig): Record<string, unknown> {
  const out: Record<string, unknown> = { ...reference };
  if (config.faults.has('reference-without-type')) delete out.type;
  if (config.variants.has('extra-fields')) out.meta = {};
  return out;
}
