import { createHash } from 'node:crypto';
import type { Ticket, TicketMessage, TicketStatus } from '../../lib/contract/moov.types';

export interface SeededTicket {
  ticket: Ticket;
  messages: TicketMessage[];
}

/** A uuid-shaped id derived from `text`, so seeded tickets keep their ids across restarts. */
export function stableUuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// Uneven on purpose, so each status has a different number of tickets.
const STATUS_CYCLE: TicketStatus[] = ['new', 'in-progress', 'new', 'on-hold', 'closed', 'in-progress', 'closed', 'new'];
const SEED_EPOCH = Date.parse('2025-01-06T09:00:00.000Z');
const HOUR = 3_600_000;

/** Tickets in every status, dated in the past, some with optional fields, some without. */
export function seedTickets(accountID: string, count: number): SeededTicket[] {
  return Array.from({ length: count }, (_, i) => {
    const status = STATUS_CYCLE[i % STATUS_CYCLE.length] ?? 'new';
    const createdOn = new Date(SEED_EPOCH + i * 7 * HOUR);
    const messages: TicketMessage[] = Array.from({ length: i % 3 }, (_unused, m) => ({
      author: m % 2 === 0 ? `customer${i}@example.com` : 'Moov Support',
      body: `<p>Message ${m + 1} on seeded ticket ${i + 1}</p>`,
      sentOn: new Date(createdOn.getTime() + (m + 1) * HOUR).toISOString(),
    }));
    const lastActivity = new Date(createdOn.getTime() + (messages.length + 1) * HOUR);
    const ticket: Ticket = {
      ticketID: stableUuid(`${accountID}/ticket/${i}`),
      number: i + 1,
      title: `Seeded ticket ${i + 1}: ${status}`,
      contact: i % 2 === 0 ? { email: `customer${i}@example.com`, name: `Customer ${i}` } : { email: `customer${i}@example.com` },
      status,
      createdOn: createdOn.toISOString(),
      updatedOn: lastActivity.toISOString(),
      ...(messages.length > 0 ? { latestMessageOn: messages[messages.length - 1]?.sentOn } : {}),
      ...(status === 'closed' ? { closedOn: lastActivity.toISOString() } : {}),
      ...(i % 4 === 0 ? { foreignID: `seed-${i}` } : {}),
    };
    return { ticket, messages };
  });
}
