import { expect, test } from '@playwright/test';
import { teamworkDeskContract, TEAMWORK_DESK_OPERATIONS } from '../../lib/contract/teamworkDesk';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';

const contract = teamworkDeskContract();

/** Seed 003's two lists, as the page prints them (orderBy names `priority` twice). */
const PAGE_FILTER_LIST = 'id subject previewText originalRecipient responseTimeMins resolutionTimeMins happinessSurveySentAt spam_score spam_rules customer contact inbox agent status priority source type businesshours company createdAt updatedAt deletedAt updatedBy deletedBy state'.split(' ');
const PAGE_ORDER_BY_LIST = [...PAGE_FILTER_LIST, ...'users.id users.name customers.id customers.name priority priorities.id tags.id messages.id messages.messageId messages.customers.id companies.id companies.name tasks.id inboxes.id statuses.id businesshours.id businesshours.name reviewStatus tickets_users_deck.createdAt'.split(' ')];

/** The example bodies of notes/teamwork-desk.md and seed 003, filled in where they write "...". */
const EXAMPLE_BODY = {
  tickets: [
    {
      id: 1,
      subject: 'Printer on fire',
      customer: { id: 7, type: 'customers' },
      agent: null,
      createdAt: '2024-04-24T16:17:38.594Z',
      updatedAt: '2024-04-24T16:17:38.594Z',
      deletedAt: null,
      happinessSurveySentAt: null,
      state: 'active',
      tags: [{ id: 3, type: 'tags' }],
    },
  ],
  included: {
    customers: [{ id: 7, firstName: 'Ada' }],
    addresses: [{ city: 'string', country: 'string', firstLine: 'string', id: 0, postalCode: 'string', secondLine: 'string', state: 'string' }],
  },
  pagination: { records: 456, pageSize: 50, pages: 10, page: 1, hasMorePages: true },
  meta: {},
};
const NOTES_FILTER = { $or: [{ status: { $eq: 3 } }, { priority: { $in: [1, 2] } }], createdAt: { $gte: '2024-01-01T00:00:00Z' } };

/** Every node of the contract that should say where it comes from: operations, parameters, responses, schemas, properties. */
function provenanceGaps(): string[] {
  const gaps: string[] = [];
  const need = (node: unknown, where: string) => {
    const source = (node as { 'x-source'?: { seed?: unknown; sentence?: unknown } } | undefined)?.['x-source'];
    if (typeof source?.seed !== 'string' || typeof source.sentence !== 'string' || source.sentence.trim() === '') gaps.push(where);
  };
  const walkSchema = (schema: Record<string, unknown>, where: string) => {
    need(schema, where);
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) walkSchema(property, `${where}.${name}`);
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') walkSchema(schema.additionalProperties as Record<string, unknown>, `${where}[*]`);
    if (schema.items && typeof schema.items === 'object') walkSchema(schema.items as Record<string, unknown>, `${where}[]`);
  };
  for (const [name, schema] of Object.entries(contract.document.components?.schemas ?? {})) walkSchema(schema, name);
  for (const op of contract.operations()) {
    need({ 'x-source': op.source }, op.id);
    for (const p of op.parameters) need({ 'x-source': p.source }, `${op.id} ${p.name}`);
    for (const r of op.responses.values()) need({ 'x-source': r.source }, `${op.id} ${r.status}`);
  }
  return gaps;
}

test.describe('the Teamwork Desk contract', () => {
  test('defines the list operation with its documented statuses and parameters', () => {
    expect(contract.operations().map((o) => o.id)).toEqual([...TEAMWORK_DESK_OPERATIONS]);
    const list = contract.operation('listTickets');
    expect(list.method).toBe('GET');
    expect(list.pathTemplate).toBe('/desk/api/v2/tickets.json');
    expect(list.documentedStatuses).toEqual([200, 400, 401]);
    expect(list.parameters.map((p) => p.name).sort()).toEqual(['filter', 'includes', 'orderBy', 'orderMode', 'page', 'pageSize']);
    expect(contract.route('GET', '/desk/api/v2/tickets.json')?.operation.id).toBe('listTickets');
    expect(contract.route('GET', '/desk/api/v2/ticketsXjson')).toBeNull();
  });

  test("filter fields are exactly the page's filter list, operators the notes', orderBy the page's list", () => {
    const vocabulary = ticketVocabulary();
    expect([...vocabulary.filter.fields]).toEqual(PAGE_FILTER_LIST);
    expect(vocabulary.filter.logical).toEqual(['$and', '$or']);
    expect(vocabulary.filter.comparisons.map((o) => o.name)).toEqual(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$nin']);
    expect(vocabulary.filter.comparisons.filter((o) => o.takesList).map((o) => o.name)).toEqual(['$in', '$nin']);
    expect([...vocabulary.orderBy]).toEqual([...new Set(PAGE_ORDER_BY_LIST)]);
    expect(vocabulary.orderModes).toEqual(['asc', 'desc']);
    // Every filter field is a ticket field, so a filter can always be judged on the tickets returned.
    for (const field of PAGE_FILTER_LIST) expect(vocabulary.fieldKinds.has(field), field).toBe(true);
    expect([...vocabulary.ownValueOrder.keys()]).toEqual(['id', 'subject', 'previewText', 'originalRecipient', 'responseTimeMins', 'resolutionTimeMins', 'happinessSurveySentAt', 'spam_score', 'createdAt', 'updatedAt', 'deletedAt']);
  });

  test('records provenance on every operation, parameter, response, schema and property', () => {
    expect(provenanceGaps()).toEqual([]);
  });

  test("validates the notes' and the page's examples", () => {
    const list = contract.operation('listTickets');
    expect(list.responses.get(200)!.validateBody!(EXAMPLE_BODY)).toEqual({ valid: true, issues: [] });
    expect(list.responses.get(400)!.validateBody!({ errors: { filter: ['filter: unknown field bogus'] } })).toEqual({ valid: true, issues: [] });
    expect(contract.validate('TicketFilter', NOTES_FILTER)).toEqual({ valid: true, issues: [] });
    expect(contract.validate('TicketFilter', { $and: [{ $or: [{ agent: 5 }, { agent: { $nin: [1, 2] } }] }], subject: 'Printer' }).valid).toBe(true);
  });

  test('accepts any spelling of state: the notes say what it tells, not its values', () => {
    const validate = contract.operation('listTickets').responses.get(200)!.validateBody!;
    for (const state of ['active', 'deleted', 'ACTIVE', 'Deleted', 1, 0]) {
      const body = structuredClone(EXAMPLE_BODY) as typeof EXAMPLE_BODY & Record<string, unknown>;
      (body.tickets[0] as Record<string, unknown>).state = state;
      expect(validate(body).issues, String(state)).toEqual([]);
    }
    // Neither ordered nor compared by collation: only equality filters are generated for it.
    expect(ticketVocabulary().fieldKinds.get('state')).toBe('untyped');
  });

  const mutations: Array<[string, (b: typeof EXAMPLE_BODY & Record<string, unknown>) => void, string]> = [
    ['an id that is a string', (b) => ((b.tickets[0] as Record<string, unknown>).id = '1'), 'tickets.0.id'],
    ['a timestamp without offset', (b) => (b.tickets[0]!.createdAt = '2024-04-24T16:17:38'), 'tickets.0.createdAt'],
    ['a required timestamp set to null', (b) => ((b.tickets[0] as Record<string, unknown>).updatedAt = null), 'tickets.0.updatedAt'],
    ['a reference without type', (b) => (b.tickets[0]!.customer = { id: 7 } as never), 'tickets.0.customer.type'],
    ['a reference id that is a string', (b) => (b.tickets[0]!.customer = { id: '7', type: 'customers' } as never), 'tickets.0.customer.id'],
    ['a state that is neither text nor a number', (b) => ((b.tickets[0] as Record<string, unknown>).state = { active: true }), 'tickets.0.state'],
    ['a list of references holding a bare id', (b) => ((b.tickets[0] as Record<string, unknown>).tags = [3]), 'tickets.0.tags.0'],
    ['pagination without records', (b) => delete (b.pagination as Partial<typeof b.pagination>).records, 'pagination.records'],
    ['hasMorePages as a string', (b) => ((b.pagination as Record<string, unknown>).hasMorePages = 'true'), 'pagination.hasMorePages'],
    ['a page 0', (b) => (b.pagination.page = 0), 'pagination.page'],
    ['included records without id', (b) => (b.included.customers = [{ firstName: 'Ada' }] as never), 'included.customers.0.id'],
    ['tickets missing', (b) => delete (b as Record<string, unknown>).tickets, 'tickets'],
  ];
  for (const [kind, mutate, field] of mutations) {
    test(`rejects ${kind}, naming the field`, () => {
      const body = structuredClone(EXAMPLE_BODY) as typeof EXAMPLE_BODY & Record<string, unknown>;
      mutate(body);
      const result = contract.operation('listTickets').responses.get(200)!.validateBody!(body);
      expect(result.valid).toBe(false);
      expect(result.issues.map((i) => i.field)).toContain(field);
      expect(result.issues.find((i) => i.field === field)?.message).toContain(field);
    });
  }

  test('rejects Validator bodies whose messages are not lists, and filters with unknown fields or operators', () => {
    const validator = contract.operation('listTickets').responses.get(400)!.validateBody!;
    expect(validator({ errors: { filter: 'not a list' } }).issues[0]?.field).toBe('errors.filter');
    expect(validator({ error: 'x' }).issues.map((i) => i.field)).toContain('errors');
    expect(contract.validate('TicketFilter', { bogus: 1 }).issues[0]?.field).toBe('bogus');
    expect(contract.validate('TicketFilter', { $or: [{ id: 1 }, { $and: [{ bogus: 1 }] }] }).issues[0]?.field).toBe('$or.1.$and.0.bogus');
    expect(contract.validate('TicketFilter', { id: { $regex: 'x' } }).issues.map((i) => i.field)).toContain('id.$regex');
    expect(contract.validate('TicketFilter', { id: { $in: 3 } }).issues.map((i) => i.field)).toContain('id.$in');
    expect(contract.validate('TicketFilter', { $or: { id: 1 } }).issues.map((i) => i.field)).toContain('$or');
  });

  test('coerces query parameters and refuses unknown orderBy values and modes, naming them', () => {
    const list = contract.operation('listTickets');
    expect(list.coerceQuery({ page: '2', pageSize: '25', orderBy: 'users.name', orderMode: 'desc' })).toEqual({ values: { page: 2, pageSize: 25, orderBy: 'users.name', orderMode: 'desc' }, issues: [] });
    expect(list.coerceQuery({ orderBy: 'bogus' }).issues[0]?.field).toBe('orderBy');
    expect(list.coerceQuery({ orderMode: 'up' }).issues[0]?.field).toBe('orderMode');
    expect(list.coerceQuery({ page: '0' }).issues[0]?.field).toBe('page');
    expect(list.coerceQuery({ pageSize: 'ten' }).issues[0]?.field).toBe('pageSize');
  });
});
