import assert from 'node:assert/strict';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { moovContract } from '../../lib/contract/moov';
import type { Ticket } from '../../lib/contract/moov.types';
import { IDS, MockClient } from './support/moovMock';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const contract = moovContract();

let client: MockClient;
test.beforeAll(async () => {
  client = await MockClient.start();
});
test.afterAll(async () => client.close());

const tickets = (account: string) => `/accounts/${account}/tickets`;
const newTicket = { title: 'Printer on fire', body: '<p>It is on fire.</p>', contact: { email: 'ops@example.com', name: 'Ops' }, foreignID: 'unit-1' };

async function walk(account: string, count: number, auth?: string, status?: string): Promise<Ticket[]> {
  const out: Ticket[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const query = new URLSearchParams({ count: String(count), ...(cursor ? { cursor } : {}), ...(status ? { status } : {}) });
    const reply = await client.send('GET', `${tickets(account)}?${query}`, { auth });
    expect(reply.status).toBe(200);
    expect(contract.operation('listTickets').responses.get(200)!.validateBody!(reply.body).issues).toEqual([]);
    const body = reply.body as { items: Ticket[]; nextPage?: { cursor: string } };
    out.push(...body.items);
    if (!body.nextPage) return out;
    expect(body.items.length).toBe(count);
    cursor = body.nextPage.cursor;
  }
  throw new Error('runaway walk');
}

test.describe('Moov mock', () => {
  test('a full cursor walk lists every ticket exactly once, at any count', async () => {
    const all = await walk(IDS.partner, 1000);
    expect(all.length).toBeGreaterThanOrEqual(30);
    for (const count of [1, 3, 7, 29, 30, 31]) {
      const ids = (await walk(IDS.partner, count)).map((t) => t.ticketID);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(all.map((t) => t.ticketID)));
    }
  });

  test('count defaults to 200 and the status filter returns only, and all, of a status', async () => {
    const all = await walk(IDS.connected, 1000);
    const page = await client.send('GET', tickets(IDS.connected));
    expect((page.body as { items: unknown[] }).items.length).toBe(Math.min(200, all.length));
    for (const status of ['new', 'in-progress', 'on-hold', 'closed']) {
      const filtered = await walk(IDS.connected, 4, undefined, status);
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.every((t) => t.status === status)).toBe(true);
      expect(filtered.length).toBe(all.filter((t) => t.status === status).length);
    }
  });

  test('create, get and close: status new, timestamps, a number; closedOn once closed', async () => {
    const created = await client.send('POST', tickets(IDS.partner), { json: newTicket });
    expect(created.status).toBe(200);
    const ticket = created.body as Ticket;
    expect(contract.validate('Ticket', ticket).issues).toEqual([]);
    expect(ticket).toMatchObject({ title: newTicket.title, contact: newTicket.contact, status: 'new', foreignID: 'unit-1' });
    expect(created.headers.get('x-request-id')).toMatch(UUID);

    const read = await client.send('GET', `${tickets(IDS.partner)}/${ticket.ticketID}`);
    expect(read.body).toEqual(ticket);
    const closed = await client.send('PATCH', `${tickets(IDS.partner)}/${ticket.ticketID}`, { json: { status: 'closed' } });
    expect(closed.body).toMatchObject({ ticketID: ticket.ticketID, status: 'closed' });
    expect((closed.body as Ticket).closedOn).toBeDefined();
    expect(Date.parse((closed.body as Ticket).updatedOn)).toBeGreaterThanOrEqual(Date.parse(ticket.createdOn));
    const again = await client.send('GET', `${tickets(IDS.partner)}/${ticket.ticketID}`);
    expect((again.body as Ticket).status).toBe('closed');
    const unchanged = await client.send('PATCH', `${tickets(IDS.partner)}/${ticket.ticketID}`, { json: {} });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toEqual(again.body);
    const listed = await walk(IDS.partner, 50);
    expect(listed.find((t) => t.ticketID === ticket.ticketID)?.status).toBe('closed');
  });

  test('every error path answers with its documented status, body and x-request-id', async () => {
    const partner = tickets(IDS.partner);
    const seeded = ((await client.send('GET', `${partner}?count=1`)).body as { items: Ticket[] }).items[0]!;
    const cases: Array<[string, Promise<{ status: number; body: unknown; headers: Headers }>, number, string?]> = [
      ['no credentials', client.send('GET', partner, { auth: null }), 401],
      ['wrong secret', client.send('GET', partner, { auth: client.basic('unit-public', 'nope') }), 401],
      ['unknown bearer', client.send('GET', partner, { auth: 'Bearer nope' }), 401],
      ['unrelated account', client.send('GET', tickets(IDS.unrelated)), 403],
      ['unknown account', client.send('GET', tickets('nobody')), 403],
      ['unknown ticket', client.send('GET', `${partner}/00000000-0000-4000-8000-000000000000`), 404],
      ["another account's ticket", client.send('GET', `${tickets(IDS.connected)}/${seeded.ticketID}`), 404],
      ['malformed JSON', client.send('POST', partner, { body: '{"title":', headers: { 'content-type': 'application/json' } }), 400, 'GenericError'],
      ['a JSON array', client.send('POST', partner, { json: [] }), 400, 'GenericError'],
      ['missing title', client.send('POST', partner, { json: { body: 'b', contact: { email: 'a@b.co' } } }), 422, 'CreateTicketError'],
      ['wrong type', client.send('POST', partner, { json: { ...newTicket, title: 5 } }), 422, 'CreateTicketError'],
      ['blank title', client.send('POST', partner, { json: { ...newTicket, title: '  ' } }), 422, 'CreateTicketError'],
      ['status other than closed', client.send('PATCH', `${partner}/${seeded.ticketID}`, { json: { status: 'new' } }), 422, 'UpdateTicketError'],
      ['malformed update', client.send('PATCH', `${partner}/${seeded.ticketID}`, { body: 'nope', headers: { 'content-type': 'application/json' } }), 400, 'GenericError'],
      ['bad count', client.send('GET', `${partner}?count=abc`), 400, 'GenericError'],
      ['bad status filter', client.send('GET', `${partner}?status=open`), 400, 'GenericError'],
      ['foreign cursor', client.send('GET', `${partner}?cursor=abc`), 400, 'GenericError'],
      ['bad version header', client.send('GET', partner, { headers: { 'x-moov-version': 'v1' } }), 400, 'GenericError'],
      ['unknown route', client.send('GET', '/nothing'), 404],
      ['wrong method', client.send('DELETE', partner), 405],
      ['oversized body', client.send('POST', partner, { body: 'x'.repeat(300 * 1024), headers: { 'content-type': 'application/json' } }), 413],
      ['token without scope', client.send('POST', '/oauth2/token', { body: 'grant_type=client_credentials', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 422],
      ['token with another grant', client.send('POST', '/oauth2/token', { body: 'grant_type=password&scope=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 400],
      ['token without credentials', client.send('POST', '/oauth2/token', { auth: null, body: 'grant_type=client_credentials&scope=/accounts/a/tickets.read' }), 401],
    ];
    for (const [label, pending, status, schema] of cases) {
      const reply = await pending;
      expect(reply.status, label).toBe(status);
      expect(reply.headers.get('x-request-id'), label).toMatch(UUID);
      expect(reply.headers.get('content-type'), label).toContain('application/json');
      if (schema) expect(contract.validate(schema, reply.body).issues, label).toEqual([]);
    }
    const missing = await client.send('POST', partner, { json: { body: 'b', contact: {} } });
    expect(missing.body).toEqual({ title: expect.any(String), contact: { email: expect.any(String) } });
  });

  test('scopes are enforced exactly as the pages say', async () => {
    const p = IDS.partner;
    const c = IDS.connected;
    const matrix: Array<[string[], string, string, number]> = [
      [[`/accounts/${p}/tickets.read`], 'GET', tickets(p), 200],
      [[`/accounts/${p}/tickets.write`], 'GET', tickets(p), 403],
      [[`/accounts/${p}/profile.read`], 'GET', tickets(p), 403],
      [[`/accounts/${p}/tickets.read`], 'POST', tickets(p), 403],
      [[`/accounts/${p}/tickets.write`], 'POST', tickets(p), 200],
      [[`/accounts/${p}/tickets.read`, `/accounts/${c}/profile.read`], 'GET', tickets(c), 200],
      [[`/accounts/${p}/tickets.read`], 'GET', tickets(c), 403],
      [[`/accounts/${c}/profile.read`], 'GET', tickets(c), 403],
      [[`/accounts/${p}/tickets.write`, `/accounts/${c}/profile.read`], 'POST', tickets(c), 200],
      [[`/accounts/${p}/tickets.write`], 'POST', tickets(c), 403],
      [[`/accounts/${IDS.unrelated}/tickets.read`], 'GET', tickets(IDS.unrelated), 403],
      [[`/accounts/${p}/tickets.read`, `/accounts/${IDS.unrelated}/profile.read`], 'GET', tickets(IDS.unrelated), 403],
    ];
    for (const [scopes, method, path, status] of matrix) {
      const auth = await client.token(scopes);
      const reply = await client.send(method, path, { auth, ...(method === 'POST' ? { json: newTicket } : {}) });
      expect(reply.status, `${method} ${path} with ${scopes.join(' ')}`).toBe(status);
    }
  });

  test('tokens carry exactly the requested scopes', async () => {
    const scope = `/accounts/${IDS.partner}/tickets.read /accounts/${IDS.connected}/profile.read`;
    const reply = await client.send('POST', '/oauth2/token', { body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(contract.operation('createAccessToken').responses.get(200)!.validateBody!(reply.body).issues).toEqual([]);
    expect((reply.body as { scope: string }).scope).toBe(scope);
  });

  test('thousands of generated hostile requests: never a 5xx, always JSON with x-request-id', async () => {
    test.setTimeout(120_000);
    const segment = fc.oneof(fc.constantFrom('accounts', 'tickets', IDS.partner, IDS.connected, IDS.unrelated, 'oauth2', 'token', '%', '%zz', '..', ''), fc.string({ maxLength: 12 }).map(encodeURIComponent));
    const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => `/${parts.join('/')}`);
    const realPath = fc.constantFrom(tickets(IDS.partner), `${tickets(IDS.partner)}/x`, '/oauth2/token', `${tickets(IDS.connected)}?count=`);
    const query = fc.dictionary(fc.constantFrom('count', 'cursor', 'status', 'x'), fc.string({ maxLength: 20 }), { maxKeys: 3 }).map((q) => new URLSearchParams(q).toString());
    const body = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 200 }), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.constant(JSON.stringify(newTicket)));
    const auth = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')), fc.constant('Bearer x'), fc.constant('Basic Og=='));
    const headers = fc.record({ 'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), 'x-moov-version': fc.constantFrom('v2024.01.00', 'latest', 'v9', '') }, { requiredKeys: [] });
    const request = fc.record({ method: fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'), path: fc.oneof(path, realPath), query, body, auth, headers });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const sendBody = r.method === 'GET' || r.method === 'OPTIONS' ? undefined : r.body;
        const reply = await client.send(r.method, `${r.path}${r.query ? (r.path.includes('?') ? '&' : '?') + r.query : ''}`, { auth: r.auth, body: sendBody, headers: r.headers });
        // Plain assertions: each Playwright expect() records a step with its stack, which at
        // 3,000 requests cost ten times the requests themselves.
        const what = `${r.method} ${r.path} answered ${reply.status}`;
        assert.ok(reply.status < 500, `${what}: a 5xx`);
        assert.match(reply.headers.get('x-request-id') ?? '', UUID, `${what} without a uuid x-request-id`);
        if (reply.status !== 204) assert.notEqual(reply.body, undefined, `${what} with a body that is not JSON`);
      }),
      { numRuns: 3000, seed: 42 },
    );
  });

  test('the optional rate limit answers 429 with Retry-After and x-request-id', async () => {
    const limited = await MockClient.start({ rateLimit: 2 });
    try {
      const replies = [];
      for (let i = 0; i < 5; i++) replies.push(await limited.send('GET', tickets(IDS.partner)));
      const refused = replies.filter((r) => r.status === 429);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused[0]!.headers.get('x-request-id')).toMatch(UUID);
    } finally {
      await limited.close();
    }
  });

  test('the request log records each request and its contract violations', async () => {
    await fetch(`${client.mock.url}/_mock/requests`, { method: 'DELETE' });
    await client.send('POST', tickets(IDS.partner), { json: { title: 1 }, headers: { 'x-moov-version': 'v2026.01.00' } });
    const log = (await (await fetch(`${client.mock.url}/_mock/requests`)).json()) as Array<{ operationId: string; version: string; violations: string[] }>;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ operationId: 'createTicket', version: 'v2026.01.00' });
    expect(log[0]!.violations.join(' ')).toContain('title');
  });
});
