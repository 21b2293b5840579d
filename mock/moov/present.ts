import type { Ticket } from '../../lib/contract/moov.types';
import type { MoovRequestContext } from './context';

/**
 * A stored ticket as the mock sends it. Deviations in how tickets are sent go through the
 * presentedTicket seam, here at the edge, so the stored state stays correct.
 */
export function presentTicket(ticket: Ticket, ctx: Pick<MoovRequestContext, 'config' | 'tamper'>): Record<string, unknown> {
  const { config } = ctx;
  const out = ctx.tamper.presentedTicket({ ...ticket, contact: { ...ticket.contact } }, ticket);
  if (config.variants.has('contact-key-order') && ticket.contact.name !== undefined) out.contact = { name: ticket.contact.name, email: ticket.contact.email };
  if (config.variants.has('extra-fields')) {
    out.priority = 'normal';
    out.channel = { kind: 'api', tags: ['mock'] };
  }
  return out;
}
