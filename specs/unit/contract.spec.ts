import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Contract } from '../../lib/contract/loadContract';
import { moovContract, MOOV_OPERATIONS } from '../../lib/contract/moov';
import { teamworkDeskContract } from '../../lib/contract/teamworkDesk';

const contract = moovContract();

/** The example payloads printed on the seed pages, verbatim. */
const PAGE_EXAMPLES = {
  ticket: {
    ticketID: 'string',
    number: 0,
    title: 'string',
    contact: { email: 'string', name: 'string' },
    status: 'new',
    createdOn: '2019-08-24T14:15:22Z',
    updatedOn: '2019-08-24T14:15:22Z',
    latestMessageOn: '2019-08-24T14:15:22Z',
    closedOn: '2019-08-24T14:15:22Z',
    foreignID: 'string',
  },
  createBody: { title: 'string', body: 'string', contact: { email: 'string' } },
  createError: { title: 'string', body: 'string', author: 'string', contact: { email: 'string', name: 'string' }, foreignID: 'string' },
  updateError: { status: 'string' },
  genericError: { error: 'string' },
};

test.describe('the Moov contract', () => {
  test('defines every operation with the statuses its page lists', () => {
    expect(contract.operations().map((o) => o.id).sort()).toEqual([...MOOV_OPERATIONS].sort());
    expect(contract.operation('listTickets').documentedStatuses).toEqual([200, 401, 403, 429, 500, 504]);
    expect(contract.operation('getTicket').documentedStatuses).toEqual([200, 401, 403, 404, 429, 500, 504]);
    expect(contract.operation('createTicket').documentedStatuses).toEqual([200, 400, 401, 403, 404, 409, 422, 429, 500, 504]);
    expect(contract.operation('updateTicket').documentedStatuses).toEqual([200, 400, 401, 403, 404, 409, 422, 429, 500, 504]);
  });

  test('requires a uuid x-request-id on every response of every ticket operation', () => {
    for (const operation of contract.operations()) {
      for (const response of operation.responses.values()) {
        const header = response.headers.find((h) => h.name === 'x-request-id');
        expect(header, `${operation.id} ${response.status}`).toMatchObject({ required: true, schema: { type: 'string', format: 'uuid' } });
      }
    }
  });

  test('records provenance, scopes in both forms and documented versions', () => {
    for (const operation of contract.operations()) {
      expect(operation.source?.sentence, operation.id).toBeTruthy();
      if (operation.id === 'createAccessToken') continue;
      expect(operation.scopes?.own.length, operation.id).toBeGreaterThan(0);
      expect(operation.scopes?.partner.some((s) => s.endsWith('/profile.read')), operation.id).toBe(true);
    }
    for (const name of contract.schemaNames()) expect(contract.document.components?.schemas?.[name]?.['x-source'], name).toBeTruthy();
    expect(contract.defaultVersion).toBe('v2024.01.00');
    expect(contract.operation('createTicket').documentedVersion).toBe('v2026.01.00');
    expect(contract.operation('updateTicket').documentedVersion).toBe('v2026.04.00');
    expect(contract.operation('listTickets').parameters.find((p) => p.name === 'count')?.schema.default).toBe(200);
  });

  test("validates the pages' own examples", () => {
    const list = contract.operation('listTickets').responses.get(200)!;
    expect(list.validateBody!({ items: [PAGE_EXAMPLES.ticket], nextPage: { cursor: 'string' } })).toEqual({ valid: true, issues: [] });
    expect(contract.validate('Ticket', PAGE_EXAMPLES.ticket).valid).toBe(true);
    expect(contract.validate('CreateTicket', PAGE_EXAMPLES.createBody).valid).toBe(true);
    expect(contract.validate('CreateTicketError', PAGE_EXAMPLES.createError).valid).toBe(true);
    expect(contract.validate('UpdateTicketError', PAGE_EXAMPLES.updateError).valid).toBe(true);
    expect(contract.validate('GenericError', PAGE_EXAMPLES.genericError).valid).toBe(true);
    expect(contract.validate('UpdateTicket', {}).valid).toBe(true);
  });

  const mutations: Array<[string, string, (t: Record<string, unknown>) => void, string]> = [
    ['a required field removed', 'Ticket', (t) => delete t.updatedOn, 'updatedOn'],
    ['a nested required field removed', 'Ticket', (t) => delete (t.contact as Record<string, unknown>).email, 'contact.email'],
    ['an enum value changed', 'Ticket', (t) => (t.status = 'pending'), 'status'],
    ['a bad date-time', 'Ticket', (t) => (t.createdOn = '2019-08-24 14:15'), 'createdOn'],
    ['a date-time without offset', 'Ticket', (t) => (t.closedOn = '2019-08-24T14:15:22'), 'closedOn'],
    ['a wrong type', 'Ticket', (t) => (t.number = '0'), 'number'],
    ['a wrong nested type', 'Ticket', (t) => (t.contact = 'someone@example.com'), 'contact'],
  ];
  for (const [kind, schema, mutate, field] of mutations) {
    test(`rejects ${kind}, naming the field`, () => {
      const value = structuredClone(PAGE_EXAMPLES.ticket) as Record<string, unknown>;
      mutate(value);
      const result = contract.validate(schema, value);
      expect(result.valid).toBe(false);
      expect(result.issues.map((i) => i.field)).toContain(field);
      expect(result.issues.find((i) => i.field === field)?.message).toContain(field);
    });
  }

  test('rejects update statuses other than closed and create bodies without required fields', () => {
    expect(contract.validate('UpdateTicket', { status: 'new' }).issues[0]?.field).toBe('status');
    for (const field of ['title', 'body', 'contact']) {
      const body: Record<string, unknown> = { ...PAGE_EXAMPLES.createBody };
      delete body[field];
      expect(contract.validate('CreateTicket', body).issues.map((i) => i.field)).toContain(field);
    }
  });

  test('coerces query parameters and applies the documented default count', () => {
    const list = contract.operation('listTickets');
    expect(list.coerceQuery({})).toEqual({ values: { count: 200 }, issues: [] });
    expect(list.coerceQuery({ count: '7', status: 'on-hold' })).toEqual({ values: { count: 7, status: 'on-hold' }, issues: [] });
    expect(list.coerceQuery({ count: 'seven' }).issues[0]?.field).toBe('count');
    expect(list.coerceQuery({ status: 'open' }).issues[0]?.field).toBe('status');
  });

  test('routes paths to operations', () => {
    expect(contract.route('GET', '/accounts/a/tickets/b')?.operation.id).toBe('getTicket');
    expect(contract.route('PATCH', '/accounts/a/tickets/b')?.pathParams).toEqual({ accountID: 'a', ticketID: 'b' });
    expect(contract.route('DELETE', '/accounts/a/tickets/b')).toBeNull();
    expect(contract.methodsFor('/accounts/a/tickets')).toEqual(['GET', 'POST']);
  });
});

test.describe('contract validators', () => {
  // Validators compile on first use: this is where a schema Ajv's strict mode refuses shows up at once.
  test('compileAll compiles every validator of both contracts, and reports a schema Ajv refuses', () => {
    expect(() => moovContract().compileAll()).not.toThrow();
    expect(() => teamworkDeskContract().compileAll()).not.toThrow();
    const dir = mkdtempSync(join(tmpdir(), 'contract-'));
    const file = join(dir, 'openapi.yaml');
    writeFileSync(
      file,
      [
        'openapi: 3.1.0',
        'info: { title: t, version: "1" }',
        'paths:',
        '  /things:',
        '    get:',
        '      operationId: listThings',
        '      responses:',
        '        "200":',
        '          description: ok',
        '          content:',
        '            application/json:',
        '              schema: { type: array, maxItems: many }',
      ].join('\n'),
    );
    try {
      const bad = new Contract('bad', file, ['listThings']);
      expect(() => bad.compileAll()).toThrow(/maxItems/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
