import type { Ticket } from '../../lib/contract/teamworkDesk.types';
import { isPlainObject } from '../shared/http';
import type { TeamworkDeskMockConfig } from './config';

/**
 * A stored ticket as the mock sends it. Schema faults are applied here, at the edge, so the
 * stored data, the filter and the order stay correct and each fault breaks one promise.
 */
export function presentTicket(ticket: Ticket, config: TeamworkDeskMockConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ticket)) {
    if (isPlainObject(value)) out[key] = presentReference(value, config);
    else if (Array.isArray(value)) out[key] = value.map((item: unknown) => (isPlainObject(item) ? presentReference(item, config) : item));
    else out[key] = value;
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
