import type { ValidationIssue } from '../../lib/contract/validation';
import type { Pagination, Ticket } from '../../lib/contract/teamworkDesk.types';
import type { FieldKind } from '../../lib/teamworkDesk/vocabulary';
import type { HttpAnswer } from '../shared/http';
import type { RelatedRecord } from './seed';

/**
 * The named seams where an injected fault may change what the correct code computed. The correct
 * code passes its own value (a result, or a step as a function) through the seam and uses what
 * comes back: without faults every seam gives back what it was given. The faults themselves live
 * in faults/<family>.ts, next to their catalogue entries, so the handlers read as the contract.
 */
export interface Tamper {
  /** server: a request in, an answer out (routing, authentication and the list; not the request log). */
  answer: (answer: Answerer) => Answerer;
  /** server: the headers an answer is sent with. */
  sentHeaders: (headers: Record<string, string>, reply: MockAnswer) => Record<string, string>;
  /** server: what a routed request presents: its Authorization header and the query the list reads. */
  credentials: (presented: Credentials) => Credentials;
  /** auth: whether the credentials presented are accepted (the correct verdict comes in). */
  accepts: (verdict: boolean, presented: Presented) => boolean;
  /** validator: how a 400's Validator body is built from the errors it reports. */
  validatorBody: (build: ValidatorBuilder) => ValidatorBuilder;
  /** listTickets: the query as coerced by the contract, and its problems, before any is answered. */
  query: (reading: QueryReading) => QueryReading;
  /** listTickets: the page of the ordered matches a request's order gives. */
  orderedPage: (pageOf: PageOf, order: Orderer) => PageOf;
  /** filter: the steps that read the `filter` parameter. */
  filterReading: (reading: FilterReading) => FilterReading;
  /** filter: what the operators and $and/$or mean. */
  filterSemantics: (semantics: FilterSemantics) => FilterSemantics;
  /** order: the key a ticket sorts by. */
  sortKey: (key: SortKey) => SortKey;
  /** order: tickets in the order a request asks for. */
  ordered: (tickets: Ticket[], request: OrderRequest) => Ticket[];
  /** paginate: the pageSize asked for, once a size over the cap has been refused. */
  pageSize: (asked: number | undefined) => number | undefined;
  /** paginate: the page and the pagination it reports, with the facts they follow from. */
  page: (page: Page, facts: PageFacts) => Page;
  /** present: a ticket as sent, with the stored ticket it shows. */
  presentedTicket: (out: Record<string, unknown>, ticket: Ticket) => Record<string, unknown>;
  /** includes: `included`, by type name. */
  included: (included: Record<string, RelatedRecord[]>) => Record<string, RelatedRecord[]>;
}

/** What the mock is asked: a request line and headers (the one operation takes no body). */
export interface MockRequest {
  method: string;
  /** The request target as sent: path and query. */
  url: string;
  headers: Record<string, string>;
}

export interface MockAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type Answerer = (request: MockRequest) => MockAnswer;

export interface Credentials {
  authorization: string | undefined;
  query: Record<string, string>;
}

/** An Authorization header as read: nothing, a bearer key, HTTP Basic's user name, or another scheme. */
export type Presented = { scheme: 'none' } | { scheme: 'bearer'; key: string } | { scheme: 'basic'; user: string } | { scheme: 'other' };

export interface QueryReading {
  values: Record<string, unknown>;
  problems: readonly ValidationIssue[];
}

export interface OrderRequest {
  orderBy?: string;
  orderMode?: string;
  /** The page asked for: under the unstable-ties variant each page breaks ties its own way. */
  page?: number;
}

export interface PageRequest {
  page?: number;
  pageSize?: number;
}

export interface Page {
  tickets: Ticket[];
  /** What the response reports (a fault may leave a property out). */
  pagination: Partial<Pagination>;
}

/** The correct facts a page follows from. */
export interface PageFacts {
  matches: readonly Ticket[];
  page: number;
  pageSize: number;
  pages: number;
  records: number;
}

export type PageOf = (order: OrderRequest) => Page;

/** Tickets in the order a request asks for (the list's store and settings bound). */
export type Orderer = (tickets: readonly Ticket[], request: OrderRequest) => Ticket[];

export type ValidatorBuilder = (errors: Readonly<Record<string, string[]>>) => Record<string, string[] | string>;

export type TicketFilter = Record<string, unknown>;

export interface FilterReading {
  /** The JSON text parsed (a 400 when it is none). */
  parse: (text: string) => unknown;
  /** A parsed value (within the depth limit) checked against the contract's filter schema (a 400 when it fails). */
  check: (value: unknown) => TicketFilter;
  /** The 400 Validator answer naming `filter`, with these messages. */
  refuse: (messages: string[]) => HttpAnswer;
}

export interface FilterSemantics {
  /** Whether a ticket's value (a reference's id) and an operand satisfy a comparison operator ($eq, $lte, $in...). */
  operator: (operator: string, value: unknown, operand: unknown, kind: FieldKind) => boolean;
  /** Whether a ticket satisfies $and or $or over the parts (nested: inside another $and/$or). */
  connective: (connective: '$and' | '$or', parts: readonly TicketFilter[], ticket: Ticket, nested: boolean) => boolean;
}

export type SortKey = number | string | null;

/** Every seam, giving back what it was given. */
export const NO_TAMPER: Tamper = {
  answer: same,
  sentHeaders: same,
  credentials: same,
  accepts: same,
  validatorBody: same,
  query: same,
  orderedPage: same,
  filterReading: same,
  filterSemantics: same,
  sortKey: same,
  ordered: same,
  pageSize: same,
  page: same,
  presentedTicket: same,
  included: same,
};

function same<T>(value: T): T {
  return value;
}

type Step = (value: unknown, context: unknown) => unknown;

/** The seams of several tamperings, each seam passing its value through them in the order given. */
export function combined(tamperings: readonly Partial<Tamper>[]): Tamper {
  const out: Record<string, Step> = { ...(NO_TAMPER as unknown as Record<string, Step>) };
  for (const seam of Object.keys(NO_TAMPER) as Array<keyof Tamper>) {
    const steps = tamperings.flatMap((t) => (t[seam] === undefined ? [] : [t[seam] as unknown as Step]));
    if (steps.length > 0) out[seam] = (value, context) => steps.reduce((v, step) => step(v, context), value);
  }
  return out as unknown as Tamper;
}
