import type { Ticket } from '../../lib/contract/moov.types';
import type { MoovMockConfig } from './config';

const DAY = 86_400_000;

/**
 * A stored ticket as the mock sends it. Schema and semantic faults are applied here, at the
 * edge, so the stored state stays correct and each fault breaks exactly one promise.
 */
export function presentTicket(ticket: Ticket, config: MoovMockConfig): Record<string, unknown> {
  const out: Record<string, unknown> = { ...ticket, contact: { ...ticket.contact } };
  const fault = (name: Parameters<typeof config.faults.has>[0]) => config.faults.has(name);
  if (fault('number-as-string')) out.number = String(ticket.number);
  if (fault('status-outside-enum') && ticket.status === 'in-progress') out.status = 'in_progress';
  if (fault('missing-updatedOn')) delete out.updatedOn;
  if (fault('date-without-timezone')) out.createdOn = ticket.createdOn.replace(/(\.\d+)?Z$/, '');
  if (fault('closed-without-closedOn')) delete out.closedOn;
  if (fault('updated-before-created')) out.updatedOn = new Date(Date.parse(ticket.createdOn) - DAY).toISOString();
  if (config.variants.has('contact-key-order') && ticket.contact.name !== undefined) out.contact = { name: ticket.contact.name, email: ticket.contact.email };
  if (config.variants.has('extra-fields')) {
    out.priority = 'normal';
    out.channel = { kind: 'api', tags: ['mock'] };
  }
  return out;
}
