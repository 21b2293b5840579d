import type { Reference, Ticket } from '../../lib/contract/teamworkDesk.types';
import { writeMicros } from './instants';

/** A related record as `included` serves it: an id and whatever else its type carries. */
export type RelatedRecord = { id: number } & Record<string, unknown>;

/**
 * 'milliseconds': kept and written as JavaScript does. 'microseconds': kept and written with
 * microseconds (Go + Postgres). 'microseconds-sent-as-milliseconds': kept with microseconds,
 * written with milliseconds (Node + pg), so a ticket shows fewer digits than filters compare.
 */
export type TimestampPrecision = 'milliseconds' | 'microseconds' | 'microseconds-sent-as-milliseconds';

export interface StateValues {
  active: string | number;
  deleted: string | number;
}

/** How the seed spells what the notes leave open: date-time precision and state values. */
export interface SeedShape {
  timestamps: TimestampPrecision;
  states: StateValues;
}

const DEFAULT_SHAPE: SeedShape = { timestamps: 'milliseconds', states: { active: 'active', deleted: 'deleted' } };

export interface SeedData {
  /** Related records by plural type name, the key `included` uses and references name. */
  related: Map<string, RelatedRecord[]>;
  tickets: Ticket[];
}

const EPOCH = Date.parse('2024-03-01T08:00:00.000Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Tickets are created at most this long after EPOCH, however many there are: no site holds tickets from the future. */
const HISTORY = 2 * 365 * 24 * HOUR;

/**
 * How far apart consecutive tickets are created, and the extra minutes some get within that gap:
 * five hours and 17-minute steps for the default seed; on large seeds the gap shrinks (in whole
 * seconds) so the history stays within two years, and the steps with it, so creation still follows
 * the id order and distinct instants stay whole seconds apart.
 */
function cadence(ticketCount: number): { gap: number; step: number } {
  const gap = Math.min(5 * HOUR, Math.floor(HISTORY / Math.max(1, ticketCount) / SECOND) * SECOND);
  return { gap, step: Math.floor((gap * 17) / 300 / SECOND) * SECOND };
}

// Mixed case, accents, punctuation and repeats on purpose: text order and equality differ between
// collations ("Re: refund request" sorts before "Refund request" by code unit, after it where
// punctuation is ignored), and equal subjects make ties an order has to break.
const SUBJECTS = [
  'Refund request', 'login problem', 'Login problem', 'Écran noir après mise à jour', 'billing question',
  'Billing Question', 'API error 500', 'api error 500', 'Zebra printer offline', 'ärger mit der Rechnung',
  'Cannot reset password', 'Feature request: dark mode', 'invoice missing', 'Invoice Missing', 'Shipping delay',
  'upgrade plan', 'Über uns page broken', 'Re: refund request', 'Reboot loop after update',
];
const FIRST = ['Ada', 'grace', 'Émile', 'Zoë', 'linus', 'Margaret', 'Ken', 'Barbara', 'dennis', 'Ólafur'];
const LAST = ['Lovelace', 'Hopper', 'Zola', 'Saldana', 'Torvalds', 'Hamilton', 'thompson', 'Liskov', 'Ritchie', 'Arnalds'];

function records(count: number, firstId: number, make: (i: number) => Record<string, unknown>): RelatedRecord[] {
  return Array.from({ length: count }, (_, i) => ({ id: firstId + i * 2, ...make(i) }));
}

function ref(type: string, list: RelatedRecord[], index: number): Reference {
  const record = list[((index % list.length) + list.length) % list.length];
  if (!record) throw new Error(`seed: no ${type} records`);
  return { id: record.id, type };
}

/**
 * A date-time as the store keeps it. With microseconds, each instant gets sub-millisecond digits
 * of its own (derived from the instant, so equal instants stay equal).
 */
function writer(precision: TimestampPrecision): (ms: number) => string {
  if (precision === 'milliseconds') return (ms) => new Date(ms).toISOString();
  // Whole microseconds: instants of large seeds fall on seconds, not only on minutes.
  return (ms) => writeMicros(ms * 1000 + (Math.floor((Math.floor(ms / SECOND) * 7919) / 60) % 1_000_000));
}

/**
 * `ticketCount` tickets (about a hundred by default, tens of thousands to measure cost) and their
 * related records, the same on every start. Values are spread
 * so every filter operator and every order has something to bite on: nulls in optional fields,
 * equal timestamps, numbers of different widths, deleted tickets.
 */
export function seedData(ticketCount: number, shape: SeedShape = DEFAULT_SHAPE): SeedData {
  const iso = writer(shape.timestamps);
  const companies = records(6, 41, (i) => ({ name: ['Acme', 'globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries'][i], domain: `company${i}.example.com` }));
  const users = records(8, 501, (i) => ({ firstName: FIRST[i], lastName: LAST[(i * 3) % LAST.length], email: `agent${i}@desk.example.com`, state: 'active' }));
  const customers = records(40, 2001, (i) => ({
    firstName: FIRST[(i * 7) % FIRST.length],
    lastName: LAST[i % LAST.length],
    email: `customer${i}@example.org`,
    company: i % 5 === 4 ? null : ref('companies', companies, i),
  }));
  const contacts = records(30, 3001, (i) => ({ value: `contact${i}@example.org`, contactType: 'email' }));
  const inboxes = records(4, 11, (i) => ({ name: ['Support', 'Billing', 'Sales', 'Partners'][i], email: `${['support', 'billing', 'sales', 'partners'][i]}@desk.example.com` }));
  const statuses = records(5, 1, (i) => ({ name: ['Active', 'Waiting on customer', 'On hold', 'Solved', 'Closed'][i], displayOrder: 5 - i }));
  const priorities = records(4, 2, (i) => ({ name: ['low', 'medium', 'high', 'urgent'][i], color: ['grey', 'blue', 'orange', 'red'][i] }));
  const tags = records(12, 901, (i) => ({ name: `tag-${String.fromCharCode(97 + ((i * 5) % 12))}`, color: i % 2 === 0 ? 'green' : 'purple' }));
  const types = records(4, 61, (i) => ({ name: ['Question', 'Problem', 'Incident', 'Task'][i] }));
  const sources = records(4, 71, (i) => ({ name: ['Email', 'Helpdocs', 'API', 'Phone'][i] }));
  const businesshours = records(2, 81, (i) => ({ name: ['Office hours', 'Around the clock'][i] }));

  const related = new Map<string, RelatedRecord[]>([
    ['companies', companies],
    ['users', users],
    ['customers', customers],
    ['contacts', contacts],
    ['inboxes', inboxes],
    ['ticketstatuses', statuses],
    ['ticketpriorities', priorities],
    ['tags', tags],
    ['tickettypes', types],
    ['ticketsources', sources],
    ['businesshours', businesshours],
  ]);

  const { gap, step } = cadence(ticketCount);
  const tickets = Array.from({ length: ticketCount }, (_, i): Ticket => {
    // Tickets 40 and 41 were created in the same second: an order by createdAt has a tie to break.
    const createdMs = EPOCH + (i === 41 ? 40 : i) * gap + (i === 41 ? 0 : (i % 4) * step);
    const updatedMs = createdMs + ((i * 37) % 90) * HOUR;
    const status = ref('ticketstatuses', statuses, (i * 3) % 5);
    const solved = status.id >= 7; // Solved and Closed
    const deleted = i % 13 === 6;
    const customerRecord = customers[(i * 7) % customers.length];
    const company = customerRecord?.company as Reference | null | undefined;
    const inbox = ref('inboxes', inboxes, i);
    const subject = SUBJECTS[i % SUBJECTS.length] ?? 'Ticket';
    return {
      id: 10_000 + i * 3 + (i % 2),
      subject,
      previewText: i % 11 === 10 ? null : `${subject.toLowerCase()}: message ${i}`,
      originalRecipient: i % 7 === 3 ? null : String(inboxes[i % inboxes.length]?.email),
      responseTimeMins: i % 9 === 0 ? null : (i * 137) % 2600,
      resolutionTimeMins: solved ? (i * 251) % 9000 : null,
      happinessSurveySentAt: i % 5 === 0 ? iso(updatedMs + 2 * HOUR) : null,
      spam_score: [0, 0.5, 1, 2.5, 3, 7.2, 10][i % 7] ?? 0,
      spam_rules: i % 6 === 0 ? 'BAYES_50,HTML_MESSAGE' : i % 6 === 3 ? 'BAYES_00' : null,
      customer: ref('customers', customers, (i * 7) % customers.length),
      contact: i % 4 === 0 ? null : ref('contacts', contacts, (i * 11) % contacts.length),
      inbox,
      agent: i % 6 === 5 ? null : ref('users', users, (i * 5) % users.length),
      status,
      priority: i % 8 === 7 ? null : ref('ticketpriorities', priorities, i),
      source: ref('ticketsources', sources, (i * 13) % sources.length),
      type: i % 10 === 9 ? null : ref('tickettypes', types, i),
      businesshours: i % 3 === 0 ? null : ref('businesshours', businesshours, i),
      company: company ?? null,
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
      deletedAt: deleted ? iso(updatedMs) : null,
      updatedBy: i % 4 === 1 ? null : ref('users', users, (i * 3) % users.length),
      deletedBy: deleted ? ref('users', users, i) : null,
      state: deleted ? shape.states.deleted : shape.states.active,
      tags: [...new Set([i % 12, (i * 5 + 3) % 12, (i * 7 + 1) % 12].slice(0, i % 4))].map((t) => ref('tags', tags, t)),
      files: [],
      messages: [],
    };
  });
  return { related, tickets };
}
