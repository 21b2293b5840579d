import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import type { ListPage, ListWalk } from '../../checks/teamwork-desk/evidence';
import { includeSelection } from '../../generators/teamwork-desk/includeSelection';
import { invalidFilterJson } from '../../generators/teamwork-desk/invalidFilterJson';
import { orderChoice } from '../../generators/teamwork-desk/orderChoice';
import { pageSize } from '../../generators/teamwork-desk/pageSize';
import { ticketFilter } from '../../generators/teamwork-desk/ticketFilter';
import { unknownFieldFilter } from '../../generators/teamwork-desk/unknownFieldFilter';
import { unknownName } from '../../generators/teamwork-desk/unknownName';
import { teamworkDeskContract } from '../../lib/contract/teamworkDesk';
import type { Ticket, TicketsAPIBody } from '../../lib/contract/teamworkDesk.types';
import type { Exchange } from '../../lib/http/exchange';
import { compareInstants, compareText, definitelyDistinct } from '../../lib/teamworkDesk/compare';
import { filterTruth } from '../../lib/teamworkDesk/filterTruth';
import { negateFilter } from '../../lib/teamworkDesk/negation';
import { instantNanos, respellInstant } from '../../lib/teamworkDesk/instant';
import { observeValues } from '../../lib/teamworkDesk/observed';
import { includesFor, orderKey, orderKeys } from '../../lib/teamworkDesk/orderKey';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';

const contract = teamworkDeskContract();

const ticket = (id: number, extra: Record<string, unknown> = {}): Ticket =>
  ({ id, createdAt: '2024-03-01T08:00:00.000Z', updatedAt: '2024-03-01T08:00:00.000Z', state: 'active', agent: null, subject: 'Login problem', ...extra }) as Ticket;
const SAMPLE: Ticket[] = [
  ticket(1, { agent: { id: 5, type: 'users' }, responseTimeMins: 20, subject: 'apple' }),
  ticket(2, { agent: { id: 6, type: 'users' }, responseTimeMins: 100, subject: 'Banana', createdAt: '2024-03-02T08:00:00.000Z' }),
  ticket(3, { responseTimeMins: null, subject: 'cherry', state: 'deleted' }),
];

const exchange = { url: 'http://x', method: 'GET', status: 200, responseBody: '' } as unknown as Exchange;
function page(tickets: Ticket[], pagination: TicketsAPIBody['pagination'], query: ListPage['query'] = {}): ListPage {
  return { query: { ...query, page: pagination.page }, body: { tickets, pagination }, exchange };
}

test.describe('Teamwork Desk model', () => {
  test('text compares definitely only where every common collation agrees', () => {
    expect(compareText('apple', 'banana')).toBe('lt');
    expect(compareText('same', 'same')).toBe('eq');
    expect(compareText('apple', 'Banana')).toBe('ne'); // binary puts B first, *_ci puts a first
    expect(compareText('Login', 'login')).toBe('unknown'); // equal under *_ci
    expect(compareText('Écran', 'ecran')).toBe('unknown');
    expect(compareText('abc ', 'abc')).toBe('unknown'); // PAD SPACE collations
  });

  test('filter truth: Kleene logic, nulls and collation left open where the notes are', () => {
    const [a, b, c] = SAMPLE as [Ticket, Ticket, Ticket];
    const t = (filter: unknown, x: Ticket) => filterTruth(filter, x as unknown as Record<string, unknown>);
    expect(t({ agent: 5 }, a)).toBe('true');
    expect(t({ agent: 5 }, b)).toBe('false');
    expect(t({ agent: 5 }, c)).toBe('false');
    expect(t({ agent: { $ne: 5 } }, c)).toBe('unknown'); // MongoDB keeps it, SQL drops it
    expect(t({ agent: { $nin: [5] } }, c)).toBe('unknown');
    expect(t({ agent: { $in: [5, 6] } }, b)).toBe('true');
    expect(t({ responseTimeMins: { $gte: 20, $lt: 100 } }, a)).toBe('true');
    expect(t({ responseTimeMins: { $lte: 20 } }, b)).toBe('false');
    expect(t({ createdAt: { $gt: '2024-03-01T09:00:00+02:00' } }, a)).toBe('true'); // 07:00Z
    expect(t({ subject: 'APPLE' }, a)).toBe('unknown');
    expect(t({ subject: { $lt: 'b' } }, b)).toBe('unknown');
    expect(t({ $or: [{ agent: 5 }, { agent: { $ne: 5 } }] }, c)).toBe('unknown');
    expect(t({ $or: [{ agent: 5 }, { agent: { $ne: 5 } }] }, b)).toBe('true');
    expect(t({ $and: [{ state: 'deleted' }, { agent: { $ne: 5 } }] }, a)).toBe('false');
    expect(t({ $and: [{ $or: [{ agent: 6 }, { state: 'deleted' }] }], responseTimeMins: 100 }, b)).toBe('true');
    expect(t({ spam_score: 1 }, a)).toBe('unknown'); // absent field
    // null operands: MongoDB and SQL agree only on what a comparison with null leaves out.
    expect(t({ agent: null }, a)).toBe('false');
    expect(t({ agent: null }, c)).toBe('unknown'); // SQL's agent = NULL holds nowhere
    expect(t({ agent: { $ne: null } }, c)).toBe('false');
    expect(t({ agent: { $ne: null } }, a)).toBe('unknown');
    expect(t({ agent: { $in: [null, 6] } }, b)).toBe('true');
    expect(t({ agent: { $nin: [null, 6] } }, c)).toBe('false');
  });

  test('negation: De Morgan with each comparison\'s complement; a filter and its negation split the tickets', () => {
    expect(negateFilter({ agent: 5 })).toEqual({ agent: { $ne: 5 } });
    expect(negateFilter({ responseTimeMins: { $gte: 20, $lt: 100 } })).toEqual({ $or: [{ responseTimeMins: { $lt: 20 } }, { responseTimeMins: { $gte: 100 } }] });
    expect(negateFilter({ $and: [{ agent: { $in: [5] } }, { $or: [{ subject: { $lte: 'b' } }, { id: { $gt: 2 } }] }] })).toEqual({
      $or: [{ agent: { $nin: [5] } }, { $and: [{ subject: { $gt: 'b' } }, { id: { $lte: 2 } }] }],
    });
    expect(negateFilter({ agent: null })).toBeUndefined();
    expect(negateFilter({ agent: { $in: [null, 5] } })).toBeUndefined();
    // Every generated filter without null, and its negation: never both true, and on tickets with every field set one of them is.
    const observed = observeValues(SAMPLE);
    fc.assert(
      fc.property(ticketFilter({ observed }), (filter) => {
        const negation = negateFilter(filter);
        if (negation === undefined) return;
        expect(contract.validate('TicketFilter', negation).issues).toEqual([]);
        for (const x of SAMPLE) {
          const truths = [filterTruth(filter, x as unknown as Record<string, unknown>), filterTruth(negation, x as unknown as Record<string, unknown>)];
          expect(truths.filter((v) => v === 'true').length, JSON.stringify(filter)).toBeLessThanOrEqual(1);
          if (!truths.includes('unknown')) expect(truths.filter((v) => v === 'true').length).toBe(1);
        }
      }),
      { numRuns: 200 },
    );
    const walk = (tickets: Ticket[], orderMode: string): ListWalk => ({ query: { orderBy: 'id', orderMode }, pages: [page(tickets, { records: tickets.length, pageSize: 10, pages: 1, page: 1, hasMorePages: false })], complete: true, runaway: false });
    const [a, b, c] = SAMPLE as [Ticket, Ticket, Ticket];
    const split = (matched: Ticket[], unmatched: Ticket[]) =>
      C.filterSplits.evaluate({ filter: { createdAt: { $lte: a.createdAt } }, negation: { createdAt: { $gt: a.createdAt } }, matched: walk(matched, 'asc'), unmatched: walk(unmatched, 'desc'), all: SAMPLE });
    expect(split([a, c], [b])).toEqual([]);
    expect(split([c], [b])).toHaveLength(1); // a, equal to the operand, in neither list
    expect(split([a, c], [a, b])).toHaveLength(1); // a in both
  });

  test('generators derive from the contract and produce what they promise', () => {
    const observed = observeValues(SAMPLE);
    fc.assert(fc.property(ticketFilter({ observed, maxDepth: 3 }), (filter) => expect(contract.validate('TicketFilter', filter).issues).toEqual([])), { numRuns: 300 });
    fc.assert(
      fc.property(unknownFieldFilter({ companion: { agent: 5 } }), ({ filter, field }) => {
        const issues = contract.validate('TicketFilter', filter).issues;
        expect(issues.some((i) => i.field.split('.').includes(field))).toBe(true);
      }),
      { numRuns: 200 },
    );
    fc.assert(fc.property(invalidFilterJson({ fields: ticketVocabulary().filter.fields }), (text) => expect(() => JSON.parse(text)).toThrow()), { numRuns: 200 });
    fc.assert(fc.property(unknownName({ known: ticketVocabulary().orderBy, dotted: true }), (name) => expect(contract.operation('listTickets').coerceQuery({ orderBy: name }).issues[0]?.field).toBe('orderBy')), { numRuns: 200 });
    fc.assert(fc.property(orderChoice({ values: 'all' }), (c) => expect(contract.operation('listTickets').coerceQuery(c as Record<string, string>).issues).toEqual([])), { numRuns: 100 });
    fc.assert(fc.property(pageSize({ records: 103 }), (n) => expect(n >= 1 && n <= 108).toBe(true)), { numRuns: 100 });
    fc.assert(fc.property(includeSelection({ types: ['users', 'customers'] }), (s) => expect(s.length).toBeGreaterThan(0)), { numRuns: 20 });
    expect(() => ticketFilter({ observed: new Map() })).toThrow(/ticketFilter: observed/);
    expect(() => pageSize({ records: -1 })).toThrow(/pageSize: records/);
    expect(respellInstant('2024-03-01T08:00:00.000Z', 120)).toBe('2024-03-01T10:00:00.000+02:00');
    expect(respellInstant('2024-03-01T08:00:00.000Z', -300)).toBe('2024-03-01T03:00:00.000-05:00');
  });

  test('pagination checks accept an empty result as 0 or 1 page and catch inconsistent objects', () => {
    expect(C.paginationConsistent.evaluate(page([], { records: 0, pageSize: 10, pages: 0, page: 1, hasMorePages: false }))).toEqual([]);
    expect(C.paginationConsistent.evaluate(page([], { records: 0, pageSize: 10, pages: 1, page: 1, hasMorePages: false }))).toEqual([]);
    expect(C.paginationConsistent.evaluate(page([], { records: 21, pageSize: 10, pages: 2, page: 3, hasMorePages: false }))).toHaveLength(1);
    expect(C.paginationConsistent.evaluate(page([], { records: 21, pageSize: 10, pages: 3, page: 3, hasMorePages: true }))).toHaveLength(1);
    expect(C.pageLengthAgrees.evaluate(page(SAMPLE.slice(0, 1), { records: 21, pageSize: 10, pages: 3, page: 3, hasMorePages: false }))).toEqual([]);
    expect(C.pageLengthAgrees.evaluate(page(SAMPLE.slice(0, 2), { records: 21, pageSize: 10, pages: 3, page: 3, hasMorePages: false }))).toHaveLength(1);
    expect(C.pageSizeRespected.evaluate(page(SAMPLE, { records: 3, pageSize: 2, pages: 2, page: 1, hasMorePages: true }, { pageSize: 5 }))).toEqual([]);
    expect(C.pageSizeRespected.evaluate(page(SAMPLE, { records: 3, pageSize: 3, pages: 1, page: 1, hasMorePages: false }, { pageSize: 2 }))).toHaveLength(2);
  });

  test('order check: judges own-value orders only, tolerates collations, nulls and either direction without orderMode', () => {
    const walk = (tickets: Ticket[], query: ListWalk['query']): ListWalk => ({ query, pages: [page(tickets, { records: tickets.length, pageSize: 10, pages: 1, page: 1, hasMorePages: false })], complete: true, runaway: false });
    const bySubject = [ticket(1, { subject: 'apple' }), ticket(2, { subject: 'Banana' }), ticket(3, { subject: null }), ticket(4, { subject: 'cherry' })];
    expect(C.orderHolds.evaluate(walk(bySubject, { orderBy: 'subject', orderMode: 'asc' }))).toEqual([]);
    expect(C.orderHolds.evaluate(walk([...bySubject].reverse(), { orderBy: 'subject', orderMode: 'asc' }))).not.toEqual([]);
    expect(C.orderHolds.evaluate(walk([...bySubject].reverse(), { orderBy: 'subject' }))).toEqual([]);
    expect(C.orderHolds.evaluate(walk([ticket(1, { responseTimeMins: 100 }), ticket(2, { responseTimeMins: 20 })], { orderBy: 'responseTimeMins', orderMode: 'asc' }))).toHaveLength(1);
    expect(C.orderHolds.evaluate(walk([ticket(2), ticket(1)], { orderBy: 'customer', orderMode: 'asc' }))).toEqual([]);
    // Ties make a walk's count unjudgeable; a unique key does not. The default order is not
    // documented, so it may tie: a walk without orderBy is not judged either.
    const dup = walk([ticket(1), ticket(1)], { orderBy: 'state' });
    expect(C.walkNoDuplicates.evaluate(dup)).toEqual([]);
    expect(C.walkNoDuplicates.evaluate({ ...dup, query: {} })).toEqual([]);
    expect(C.walkNoDuplicates.evaluate({ ...dup, query: { orderBy: 'id' } })).toHaveLength(1);
    expect(C.walkYieldsRecords.evaluate(walk([ticket(1), ticket(1)], {}))).toEqual([]);
    expect(C.walkYieldsRecords.evaluate(walk([ticket(1), ticket(1)], { orderBy: 'id', orderMode: 'desc' }))).toHaveLength(1);
  });

  test('instants: every digit read, a second of slack where server precision could differ', () => {
    expect(respellInstant('2024-03-01T08:00:00.123456Z', 120)).toBe('2024-03-01T10:00:00.123456+02:00');
    expect(respellInstant('2024-03-01T23:30:00Z', 60)).toBe('2024-03-02T00:30:00+01:00');
    expect(respellInstant('2024-03-01 08:00', 60)).toBeUndefined();
    expect(instantNanos('2024-03-01T10:00:00.123456789+02:00')).toBe(instantNanos('2024-03-01T08:00:00.123456789Z'));
    expect(compareInstants('2024-03-01T08:00:00.123Z', '2024-03-01T08:00:00.123Z')).toBe('unknown'); // kept with more digits than written
    expect(compareInstants('2024-03-01T08:00:00.999Z', '2024-03-01T08:00:00Z')).toBe('unknown');
    expect(compareInstants('2024-03-01T08:00:01Z', '2024-03-01T08:00:00Z')).toBe('gt');
    expect(compareInstants('2024-03-01T08:00:00.5Z', '2024-03-01T10:00:01.5+02:00')).toBe('lt');
    expect(compareInstants('2024-03-01T08:00:00Z', 'yesterday')).toBe('unknown');
    const t = (filter: unknown) => filterTruth(filter, ticket(1, { updatedAt: '2024-03-01T08:00:00.123Z' }) as unknown as Record<string, unknown>);
    expect(t({ updatedAt: { $eq: '2024-03-01T08:00:00.123Z' } })).toBe('unknown'); // Node + pg: kept as .123456
    expect(t({ updatedAt: { $lte: '2024-03-01T08:00:00.123Z' } })).toBe('unknown');
    expect(t({ updatedAt: { $eq: '2024-03-01T08:00:02Z' } })).toBe('false');
    expect(t({ updatedAt: { $lt: '2024-03-01T10:00:02+02:00' } })).toBe('true');
    expect(definitelyDistinct(['2024-03-01T08:00:00Z', '2024-03-01T08:00:02Z', '2024-03-01T08:00:01Z'], 'instant')).toBe(true);
    expect(definitelyDistinct(['2024-03-01T08:00:00Z', '2024-03-01T08:00:02Z', '2024-03-01T08:00:00.5Z'], 'instant')).toBe(false);
  });

  test('text: a glibc locale ignores spaces and punctuation first, so such pairs are left open', () => {
    expect(compareText('reboot', 're: foo')).toBe('ne'); // code units: ':' before 'b'; glibc: "reboot" < "refoo"
    expect(compareText('Refund request', 'Re: refund request')).toBe('ne');
    expect(compareText('re foo', 're: foo')).toBe('ne'); // equal letters: later levels decide, direction open
    expect(compareText('billing', 'invoice')).toBe('lt');
    expect(filterTruth({ subject: { $lt: 'Refund request' } }, ticket(1, { subject: 'Re: refund request' }) as unknown as Record<string, unknown>)).toBe('unknown');
  });

  test('dotted orders: .id from the reference, .name from the included record that has one', () => {
    expect([...orderKeys().keys()].filter((k) => k.includes('.'))).toEqual(['users.id', 'users.name', 'customers.id', 'customers.name', 'priorities.id', 'companies.id', 'companies.name', 'inboxes.id', 'statuses.id', 'businesshours.id', 'businesshours.name']);
    const byCustomer = orderKey('customers.id')!;
    expect(byCustomer.related).toEqual({ field: 'customer', attribute: 'id' });
    expect(byCustomer.read(ticket(1, { customer: { id: 7, type: 'customers' } }), undefined)).toBe(7);
    expect(orderKey('tags.id')).toBeUndefined(); // which tag orders is not documented
    expect(orderKey('customer')).toBeUndefined(); // a relationship's own order is not documented
    const byCompany = orderKey('companies.name')!;
    const included = { companies: [{ id: 3, name: 'Acme' }], customers: [{ id: 7, firstName: 'Ada' }] };
    expect(byCompany.read(ticket(1, { company: { id: 3, type: 'companies' } }), included)).toBe('Acme');
    expect(byCompany.read(ticket(1, { company: { id: 4, type: 'companies' } }), included)).toBeUndefined();
    expect(orderKey('customers.name')!.read(ticket(1, { customer: { id: 7, type: 'customers' } }), included)).toBeUndefined(); // no name: first or last?
    expect(includesFor(byCompany, [ticket(1, { company: { id: 3, type: 'companies' } }), ticket(2, { company: null })])).toEqual(['companies']);
    expect(includesFor(byCustomer, [ticket(1, { customer: { id: 7, type: 'customers' } })])).toBeUndefined();

    const walk = (tickets: Ticket[], query: ListWalk['query'], includedRecords = {}): ListWalk => ({
      query,
      pages: [{ ...page(tickets, { records: tickets.length, pageSize: 10, pages: 1, page: 1, hasMorePages: false }), body: { tickets, included: includedRecords, pagination: { records: tickets.length, pageSize: 10, pages: 1, page: 1, hasMorePages: false } } }],
      complete: true,
      runaway: false,
    });
    const customers = [ticket(1, { customer: { id: 9, type: 'customers' } }), ticket(2, { customer: null }), ticket(3, { customer: { id: 7, type: 'customers' } })];
    expect(C.orderHolds.evaluate(walk(customers, { orderBy: 'customers.id', orderMode: 'desc' }))).toEqual([]);
    expect(C.orderHolds.evaluate(walk(customers, { orderBy: 'customers.id', orderMode: 'asc' }))).toHaveLength(1);
    const companies = [ticket(1, { company: { id: 4, type: 'companies' } }), ticket(2, { company: { id: 3, type: 'companies' } })];
    const names = { companies: [{ id: 3, name: 'Acme' }, { id: 4, name: 'Zeta' }] };
    expect(C.orderHolds.evaluate(walk(companies, { orderBy: 'companies.name', orderMode: 'asc' }, names))).toHaveLength(1);
    expect(C.orderHolds.evaluate(walk(companies, { orderBy: 'companies.name', orderMode: 'asc' }))).toEqual([]); // nothing included: nothing to judge
  });

  test('filter completeness is judged only on walks whose order leaves no ties', () => {
    const all = SAMPLE;
    // Ticket 2 satisfies the filter but is missing; the walk's two tickets have subjects equal under *_ci.
    const shown = [SAMPLE[0]!, ticket(4, { agent: { id: 5, type: 'users' }, subject: 'APPLE' })];
    const filtered = (query: ListWalk['query']): ListWalk => ({ query, pages: [page(shown, { records: 2, pageSize: 10, pages: 1, page: 1, hasMorePages: false })], complete: true, runaway: false });
    const filter = { agent: { $in: [5, 6] } };
    expect(C.filterComplete.evaluate({ filtered: filtered({ filter, orderBy: 'id', orderMode: 'asc' }), all })).toHaveLength(1);
    expect(C.filterComplete.evaluate({ filtered: filtered({ filter }), all })).toEqual([]); // default order: a tie may have hidden it
    expect(C.filterComplete.evaluate({ filtered: filtered({ filter, orderBy: 'subject' }), all })).toEqual([]);
    expect(C.filterComplete.evaluate({ filtered: filtered({ filter, orderBy: 'agent' }), all })).toEqual([]);
  });
});
