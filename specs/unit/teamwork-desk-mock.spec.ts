import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { teamworkDeskContract } from '../../lib/contract/teamworkDesk';
import type { Ticket, TicketsAPIBody } from '../../lib/contract/teamworkDesk.types';
import { ticketFilter } from '../../generators/teamwork-desk/ticketFilter';
import { compareValues } from '../../lib/teamworkDesk/compare';
import { filterTruth } from '../../lib/teamworkDesk/filterTruth';
import { observeNulls, observeValues, referenceTypes } from '../../lib/teamworkDesk/observed';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
import { MOCK_DEFAULTS, teamworkDeskMockConfigFromEnv, type TeamworkDeskMockConfig } from '../../mock/teamwork-desk/config';
import type { FaultName, VariantName } from '../../mock/teamwork-desk/faults';
import { startTeamworkDeskMock, teamworkDeskMock, type MockAnswer } from '../../mock/teamwork-desk/server';

const KEY = 'unit-teamwork-key';
const PATH = '/desk/api/v2/tickets.json';
const list = teamworkDeskContract().operation('listTickets');

function config(variants: VariantName[] = [], faults: FaultName[] = []): TeamworkDeskMockConfig {
  return teamworkDeskMockConfigFromEnv({ TEAMWORK_DESK_API_KEY: KEY, TEAMWORK_DESK_MOCK_VARIANTS: variants.join(','), TEAMWORK_DESK_MOCK_FAULTS: faults.join(',') });
}

/** A filter nested `depth` levels deep in $and. */
function nested(depth: number): unknown {
  let filter: unknown = { id: 1 };
  for (let i = 0; i < depth; i++) filter = { $and: [filter] };
  return filter;
}

const mock = teamworkDeskMock(config());

/** `authorization` null sends no header. */
function get(query: Record<string, string | number> = {}, authorization: string | null = `Bearer ${KEY}`, target = mock): MockAnswer {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return target.answer({ method: 'GET', url: `${PATH}${search ? `?${search}` : ''}`, headers: authorization === null ? {} : { authorization } });
}

function ok(query: Record<string, string | number> = {}, target = mock): TicketsAPIBody {
  const reply = get(query, `Bearer ${KEY}`, target);
  expect(reply.status, JSON.stringify(reply.body).slice(0, 300)).toBe(200);
  expect(list.responses.get(200)!.validateBody!(reply.body).issues).toEqual([]);
  return reply.body as TicketsAPIBody;
}

function walk(query: Record<string, string | number> = {}, target = mock): Ticket[] {
  const out: Ticket[] = [];
  for (let page = 1; page < 1000; page++) {
    const body = ok({ ...query, page }, target);
    out.push(...body.tickets);
    if (!body.pagination.hasMorePages) return out;
  }
  throw new Error('runaway walk');
}

function validatorKeys(reply: MockAnswer): string[] {
  expect(reply.status).toBe(400);
  expect(list.responses.get(400)!.validateBody!(reply.body).issues).toEqual([]);
  return Object.keys((reply.body as { errors: Record<string, string[]> }).errors);
}

const all = walk({ pageSize: 1000 });

test.describe('Teamwork Desk mock', () => {
  test('holds about a hundred tickets with every related type, some deleted, some null relationships', () => {
    expect(all.length).toBeGreaterThanOrEqual(90);
    expect(all.some((t) => t.state === 'deleted')).toBe(true);
    expect(all.some((t) => t.agent === null)).toBe(true);
    expect(referenceTypes(all)).toEqual(expect.arrayContaining(['customers', 'users', 'inboxes', 'companies', 'tags', 'contacts', 'businesshours']));
    expect(referenceTypes(all).length).toBeGreaterThanOrEqual(11);
  });

  test('pagination: self-consistent at every page size, and a walk yields every ticket once', () => {
    for (const pageSize of [1, 2, 7, 25, all.length - 1, all.length, all.length + 1]) {
      const first = ok({ pageSize, page: 1 });
      expect(first.pagination).toEqual({ records: all.length, pageSize, pages: Math.ceil(all.length / pageSize), page: 1, hasMorePages: pageSize < all.length });
      const ids = walk({ pageSize }).map((t) => t.id);
      expect(ids).toEqual(all.map((t) => t.id));
    }
    expect(ok().pagination.pageSize).toBe(MOCK_DEFAULTS.defaultPageSize);
    expect(ok({ page: 99, pageSize: 10 }).tickets).toEqual([]);
    expect(validatorKeys(get({ page: 99, pageSize: 10 }, `Bearer ${KEY}`, teamworkDeskMock(config(['past-end-400']))))).toEqual(['page']);
    expect(ok({ pageSize: 500 }, teamworkDeskMock(config(['max-page-size-50']))).pagination.pageSize).toBe(50);
  });

  test('filter engine agrees with the suite\'s own model on generated filters', () => {
    const observed = observeValues(all);
    fc.assert(
      fc.property(ticketFilter({ observed, nullable: observeNulls(all) }), (filter) => {
        const ids = new Set(walk({ filter: JSON.stringify(filter), pageSize: 1000 }).map((t) => t.id));
        // One expect per run: Playwright records a step for every expect call.
        const disagreements = all.flatMap((ticket) => {
          const truth = filterTruth(filter, ticket as unknown as Record<string, unknown>);
          if (truth === 'true' && !ids.has(ticket.id)) return [`${ticket.id} satisfies it but is missing`];
          if (truth === 'false' && ids.has(ticket.id)) return [`${ticket.id} does not satisfy it but is returned`];
          return [];
        });
        expect(disagreements, JSON.stringify(filter)).toEqual([]);
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  test('filter operators on references, numbers, date-times, text and nesting', () => {
    const count = (filter: unknown) => ok({ filter: JSON.stringify(filter), pageSize: 1000 }).pagination.records;
    const agentNull = all.filter((t) => t.agent === null).length;
    const agent = all.find((t) => t.agent)!.agent!.id;
    const withAgent = all.filter((t) => t.agent?.id === agent).length;
    expect(count({ agent })).toBe(withAgent);
    expect(count({ agent: { $ne: agent } })).toBe(all.length - withAgent);
    expect(count({ agent: { $ne: agent } }) - count({ agent: { $nin: [agent] } })).toBe(0);
    // SQL reading: a null agent is neither equal nor unequal.
    const sql = teamworkDeskMock(config(['null-excluded-by-ne']));
    expect(ok({ filter: JSON.stringify({ agent: { $ne: agent } }), pageSize: 1000 }, sql).pagination.records).toBe(all.length - withAgent - agentNull);
    const created = all[40]!.createdAt;
    expect(count({ createdAt: { $lte: created } }) - count({ createdAt: { $lt: created } })).toBe(all.filter((t) => t.createdAt === created).length);
    // The same instant with another offset selects the same tickets.
    const shifted = new Date(Date.parse(created) + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    expect(count({ createdAt: { $lte: shifted } })).toBe(count({ createdAt: { $lte: created } }));
    expect(count({ subject: 'Login problem' })).toBe(all.filter((t) => t.subject === 'Login problem').length);
    const ci = teamworkDeskMock(config(['case-insensitive-text']));
    expect(ok({ filter: JSON.stringify({ subject: 'Login problem' }), pageSize: 1000 }, ci).pagination.records).toBe(all.filter((t) => t.subject?.toLowerCase() === 'login problem').length);
    expect(count({ $or: [{ agent }, { agent: null }] })).toBe(withAgent + agentNull);
    expect(count({ $and: [{ $or: [{ agent }, { agent: null }] }, { state: 'deleted' }] })).toBe(all.filter((t) => (t.agent === null || t.agent?.id === agent) && t.state === 'deleted').length);
    expect(count({ id: { $lt: all[0]!.id } })).toBe(0);
  });

  test('orders every own-value field both ways, ties by id, and accepts every documented orderBy', () => {
    const { ownValueOrder, orderBy } = ticketVocabulary();
    for (const [name, kind] of ownValueOrder) {
      for (const mode of ['asc', 'desc'] as const) {
        const ordered = walk({ orderBy: name, orderMode: mode, pageSize: 9 });
        expect(ordered.length).toBe(all.length);
        const values = ordered.map((t) => (t as unknown as Record<string, unknown>)[name]).filter((v) => v !== null && v !== undefined);
        const breaks = values.slice(1).flatMap((v, i) => (compareValues(values[i], v, kind) === (mode === 'asc' ? 'gt' : 'lt') ? [`${JSON.stringify(values[i])} before ${JSON.stringify(v)}`] : []));
        expect(breaks, `${name} ${mode}`).toEqual([]);
      }
    }
    for (const name of orderBy) expect(get({ orderBy: name, pageSize: 3 }).status).toBe(200);
  });

  test('date-times: microseconds kept and written (Go + Postgres), or kept but written as milliseconds (Node + pg)', () => {
    const go = teamworkDeskMock(config(['microsecond-timestamps']));
    const goTickets = walk({ pageSize: 1000 }, go);
    expect(goTickets.every((t) => /:\d\d(\.\d{1,6})?Z$/.test(t.createdAt))).toBe(true);
    expect(goTickets.some((t) => /\.\d{4,6}Z$/.test(t.createdAt))).toBe(true);
    const sample = goTickets.find((t) => /\.\d{4,6}Z$/.test(t.createdAt))!;
    const equal = (target: typeof mock, value: string) => ok({ filter: JSON.stringify({ createdAt: { $eq: value } }), pageSize: 1000 }, target).tickets.map((t) => t.id);
    expect(equal(go, sample.createdAt)).toContain(sample.id);
    // Millisecond digits alone name another instant on a server that keeps microseconds.
    expect(equal(go, sample.createdAt.replace(/(\.\d{3})\d+Z$/, '$1Z'))).not.toContain(sample.id);

    const pg = teamworkDeskMock(config(['microseconds-sent-as-milliseconds']));
    const pgTickets = walk({ pageSize: 1000 }, pg);
    expect(pgTickets.every((t) => /\.\d{3}Z$/.test(t.createdAt) && /\.\d{3}Z$/.test(t.updatedAt))).toBe(true);
    const shown = pgTickets.find((t) => t.id === sample.id)!; // kept with sub-millisecond digits
    expect(equal(pg, shown.createdAt)).not.toContain(shown.id); // kept with more digits than shown
    expect(ok({ filter: JSON.stringify({ createdAt: { $gte: shown.createdAt } }), pageSize: 1000 }, pg).tickets.map((t) => t.id)).toContain(shown.id);
  });

  test('unstable ties: without orderBy newest first, tied tickets swap between odd and even pages', () => {
    const unstable = teamworkDeskMock(config(['default-newest-unstable-ties']));
    const first = ok({ pageSize: 1000 }, unstable).tickets;
    expect(first.map((t) => t.createdAt)).toEqual([...first.map((t) => t.createdAt)].sort().reverse());
    const tied = first.findIndex((t, i) => first[i + 1]?.createdAt === t.createdAt);
    expect(tied).toBeGreaterThanOrEqual(0);
    // A page boundary between the tied pair: the walk repeats one and skips the other.
    const ids = walk({ pageSize: tied + 1 }, unstable).map((t) => t.id);
    expect(ids.length).toBe(all.length);
    expect(new Set(ids).size).toBe(all.length - 1);
    // By id there is no tie to break: every ticket once.
    expect(new Set(walk({ pageSize: tied + 1, orderBy: 'id' }, unstable).map((t) => t.id)).size).toBe(all.length);
  });

  test('glibc collation: spaces and punctuation count only where letters and digits tie', () => {
    const glibc = teamworkDeskMock(config(['glibc-collation']));
    const subjects = walk({ orderBy: 'subject', orderMode: 'asc', pageSize: 1000 }, glibc).map((t) => t.subject);
    const at = (subject: string) => subjects.indexOf(subject);
    expect(at('Reboot loop after update')).toBeLessThan(at('Refund request'));
    expect(at('Refund request')).toBeLessThan(at('Re: refund request'));
    const below = ok({ filter: JSON.stringify({ subject: { $lt: 'Refund request' } }), pageSize: 1000 }, glibc).tickets.map((t) => t.subject);
    expect(below).toContain('Reboot loop after update');
    expect(below).not.toContain('Re: refund request');
    // By code unit ':' comes before 'b'.
    expect(ok({ filter: JSON.stringify({ subject: { $lt: 'Refund request' } }), pageSize: 1000 }).tickets.map((t) => t.subject)).toContain('Re: refund request');
  });

  test('state spellings: names in capitals, or numeric codes, filtered by what is kept', () => {
    for (const [variant, deleted] of [['state-uppercase', 'DELETED'], ['state-as-integer', 0]] as const) {
      const target = teamworkDeskMock(config([variant]));
      const tickets = walk({ pageSize: 1000 }, target);
      expect(tickets.filter((t) => t.state === deleted).length).toBe(all.filter((t) => t.state === 'deleted').length);
      expect(ok({ filter: JSON.stringify({ state: deleted }), pageSize: 1000 }, target).pagination.records).toBe(all.filter((t) => t.state === 'deleted').length);
    }
  });

  test('ordering faults: a dotted orderBy ignored, orderBy dropped beside a filter', () => {
    const byCustomer = (target: typeof mock, query: Record<string, string | number> = {}) =>
      walk({ orderBy: 'customers.id', orderMode: 'desc', pageSize: 1000, ...query }, target).map((t) => t.customer?.id ?? 0);
    const descending = (ids: number[]) => ids.every((id, i) => i === 0 || (ids[i - 1] ?? 0) >= id);
    expect(descending(byCustomer(mock))).toBe(true);
    expect(descending(byCustomer(teamworkDeskMock(config([], ['dotted-order-ignored']))))).toBe(false);
    const filter = JSON.stringify({ id: { $gt: 0 } });
    expect(descending(byCustomer(mock, { filter }))).toBe(true);
    const dropped = teamworkDeskMock(config([], ['order-dropped-with-filter']));
    expect(descending(byCustomer(dropped))).toBe(true);
    expect(descending(byCustomer(dropped, { filter }))).toBe(false);
  });

  test('includes: every reference of the types asked for resolves; unknown names ignored (or a 400 in the variant)', () => {
    const types = referenceTypes(all);
    const body = ok({ includes: types.join(','), pageSize: 30 });
    for (const ticket of body.tickets) {
      for (const value of Object.values(ticket)) {
        for (const ref of (Array.isArray(value) ? value : [value]) as Array<{ id?: number; type?: string } | null>) {
          if (ref && typeof ref === 'object' && typeof ref.id === 'number' && typeof ref.type === 'string') {
            expect(body.included?.[ref.type]?.some((r) => r.id === ref.id), `${ref.type} ${ref.id}`).toBe(true);
          }
        }
      }
    }
    expect(Object.keys(ok({ includes: 'customers,nonsense' }).included ?? {})).toEqual(['customers']);
    expect(validatorKeys(get({ includes: 'nonsense' }, `Bearer ${KEY}`, teamworkDeskMock(config(['unknown-includes-400']))))).toEqual(['includes']);
  });

  test('refuses invalid filters and orderBy values with a Validator body naming the parameter', () => {
    expect(get({ filter: JSON.stringify(nested(3)) }).status).toBe(200);
    for (const filter of ['{', 'not json', '{"bogus":1}', '{"$or":[{"bogus":1}]}', '[]', '"text"', '{"id":{"$regex":"x"}}', JSON.stringify(nested(MOCK_DEFAULTS.maxFilterDepth + 1)), `${'['.repeat(1000)}${']'.repeat(1000)}`]) {
      expect(validatorKeys(get({ filter })), filter).toEqual(['filter']);
    }
    expect(validatorKeys(get({ orderBy: 'bogus' }))).toEqual(['orderBy']);
    expect(validatorKeys(get({ orderMode: 'up' }))).toEqual(['orderMode']);
    expect(validatorKeys(get({ page: 0 }))).toEqual(['page']);
    expect(validatorKeys(get({ pageSize: 'ten' }))).toEqual(['pageSize']);
    expect(validatorKeys(get({ pageSize: 0, orderBy: 'bogus' })).sort()).toEqual(['orderBy', 'pageSize']);
  });

  test('authenticates with the key as Bearer or as Basic user name (any password); anything else is a 401', () => {
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    expect(get({}, `Bearer ${KEY}`).status).toBe(200);
    expect(get({}, basic(KEY, 'x')).status).toBe(200);
    expect(get({}, basic(KEY, '')).status).toBe(200);
    for (const header of [null, '', 'Bearer nope', `Bearer ${KEY}x`, basic('nope', 'x'), `Token ${KEY}`, 'Basic !!!', `bearer`]) {
      expect(get({}, header).status, String(header)).toBe(401);
    }
    // Authentication comes before validation: no key and a bad filter is still a 401.
    expect(get({ filter: '{' }, null).status).toBe(401);
  });

  test('a few thousand hostile requests: never a 5xx, always a JSON object', () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('', '0', '-1', '1e9', '99999999999999999999', 'null', '[]', '{}', '%', '%zz', 'all', ' , ,'));
    const jsonish = fc.oneof(fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), ticketFilter({ observed: observeValues(all), maxDepth: 3 }).map((f) => JSON.stringify(f)), text);
    const params = fc.dictionary(fc.constantFrom('filter', 'orderBy', 'orderMode', 'page', 'pageSize', 'includes', 'other', 'filter[]'), fc.oneof(jsonish, text), { maxKeys: 6 });
    const request = fc.record({
      method: fc.constantFrom('GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'BREW'),
      path: fc.constantFrom(PATH, PATH, PATH, '/desk/api/v2/tickets', '/', '//', '/desk/api/v2/tickets.json/1', `${PATH}%00`, '/%2e%2e/x'),
      params,
      authorization: fc.oneof(fc.constant(`Bearer ${KEY}`), fc.constant(`Bearer ${KEY}`), fc.constant(undefined), text, text.map((t) => `Basic ${t}`)),
      raw: fc.boolean(),
    });
    fc.assert(
      fc.property(request, ({ method, path, params: query, authorization, raw }) => {
        const search = raw ? Object.entries(query).map(([k, v]) => `${k}=${v}`).join('&') : new URLSearchParams(query).toString();
        const reply = mock.answer({ method, url: `${path}?${search}`, headers: authorization === undefined ? {} : { authorization } });
        // Plain conditions and one expect: Playwright records a step for every expect call.
        const problems: string[] = [];
        if (reply.status < 200 || reply.status >= 500) problems.push(`status ${reply.status}`);
        if (typeof reply.body !== 'object' || reply.body === null || Array.isArray(reply.body)) problems.push('body is not a JSON object');
        const documented = list.responses.get(reply.status)?.validateBody;
        if (documented) problems.push(...documented(reply.body).issues.map((i) => i.message));
        JSON.stringify(reply.body);
        expect(problems, `${method} ${path}?${search}`).toEqual([]);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  test('over a socket: oversized targets and bodies are refused with JSON, the server keeps serving', async () => {
    const running = await startTeamworkDeskMock(config());
    expect(MOCK_DEFAULTS.maxUrlBytes).toBeLessThan(16 * 1024); // below Node's own header limit, so the mock answers, not Node
    try {
      const headers = { authorization: `Bearer ${KEY}` };
      const long = await fetch(`${running.url}${PATH}?filter=${'x'.repeat(MOCK_DEFAULTS.maxUrlBytes)}`, { headers });
      expect(long.status).toBe(414);
      expect(await long.json()).toHaveProperty('error');
      const body = await fetch(`${running.url}${PATH}`, { method: 'POST', headers, body: 'x'.repeat(MOCK_DEFAULTS.maxBodyBytes + 1) });
      expect(body.status).toBe(413);
      const wrongMethod = await fetch(`${running.url}${PATH}`, { method: 'DELETE', headers });
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toBe('GET');
      const fine = await fetch(`${running.url}${PATH}?pageSize=2`, { headers });
      expect(fine.status).toBe(200);
      expect(fine.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await fine.json()) as TicketsAPIBody).tickets.length).toBe(2);
    } finally {
      await running.close();
    }
  });
});
