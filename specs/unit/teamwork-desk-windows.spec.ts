import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { ticketFilter } from '../../generators/teamwork-desk/ticketFilter';
import { teamworkDeskContract } from '../../lib/contract/teamworkDesk';
import type { Ticket, TicketsAPIBody } from '../../lib/contract/teamworkDesk.types';
import { filterTruth } from '../../lib/teamworkDesk/filterTruth';
import { instantNanos } from '../../lib/teamworkDesk/instant';
import { observeValues } from '../../lib/teamworkDesk/observed';
import { windowSlots } from '../../lib/strata';
import { idRange, withinRange } from '../../lib/teamworkDesk/windows';
import { teamworkDeskMockConfigFromEnv } from '../../mock/teamwork-desk/config';
import type { FaultName, VariantName } from '../../mock/teamwork-desk/faults';
import { filterTickets } from '../../mock/teamwork-desk/filter';
import { orderTickets } from '../../mock/teamwork-desk/order';
import { startTeamworkDeskMock, teamworkDeskMock } from '../../mock/teamwork-desk/server';

const KEY = 'unit-teamwork-key';
const PATH = '/desk/api/v2/tickets.json';

function config(tickets: number, variants: VariantName[] = [], faults: FaultName[] = []) {
  return teamworkDeskMockConfigFromEnv({
    TEAMWORK_DESK_API_KEY: KEY,
    TEAMWORK_DESK_MOCK_SEED_TICKETS: String(tickets),
    TEAMWORK_DESK_MOCK_VARIANTS: variants.join(','),
    TEAMWORK_DESK_MOCK_FAULTS: faults.join(','),
  });
}

type Mock = ReturnType<typeof teamworkDeskMock>;

function ok(mock: Mock, query: Record<string, string | number>): TicketsAPIBody {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const reply = mock.answer({ method: 'GET', url: `${PATH}?${search}`, headers: { authorization: `Bearer ${KEY}` } });
  expect(reply.status, JSON.stringify(reply.body).slice(0, 300)).toBe(200);
  return reply.body as TicketsAPIBody;
}

function walk(mock: Mock, query: Record<string, string | number>): Ticket[] {
  const out: Ticket[] = [];
  for (let page = 1; page < 1000; page++) {
    const body = ok(mock, { ...query, page });
    out.push(...body.tickets);
    if (!body.pagination.hasMorePages) return out;
  }
  throw new Error('runaway walk');
}

test.describe('Teamwork Desk windows', () => {
  test('window slots: one per stratum, ascending, the last at the deepest full one; every slot when there are few', () => {
    expect(windowSlots(0, 4, () => 0)).toEqual([]);
    expect(windowSlots(3, 4, () => 0)).toEqual([1, 2, 3]);
    expect(windowSlots(200, 4, () => 0)).toEqual([1, 51, 101, 200]);
    expect(windowSlots(200, 4, () => 49)).toEqual([50, 100, 150, 200]);
    expect(windowSlots(200, 4, () => -1)).toEqual([50, 100, 150, 200]); // a negative pick wraps, it never leaves the stratum
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 8 }), fc.integer(), (full, count, seed) => {
        const chosen = windowSlots(full, count, (stratum) => seed ^ (stratum * 7919));
        // One expect per run: Playwright records a step for every expect call.
        const problems = [
          chosen.length === Math.min(full, count) ? '' : 'count',
          chosen.every((p, i) => Number.isInteger(p) && p >= 1 && p <= full && (i === 0 || p > (chosen[i - 1] ?? 0))) ? '' : 'slots outside 1..full or not ascending',
          full === 0 || chosen[chosen.length - 1] === full ? '' : 'last is not the deepest full slot',
          full <= count || (chosen[0] ?? 0) <= Math.floor(full / count) ? '' : 'first is outside the first stratum',
        ].filter((p) => p !== '');
        expect(problems, `${full} slots, ${count} windows: ${chosen.join(', ')}`).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect(() => windowSlots(10, 0, () => 0)).toThrow(/count/);
  });

  test('a filter within a range: both hold, through $and; no range is the filter, no filter the range', () => {
    const range = idRange(10, 20);
    expect(range).toEqual({ id: { $gte: 10, $lte: 20 } });
    expect(withinRange(undefined, undefined)).toBeUndefined();
    expect(withinRange({ agent: 5 }, undefined)).toEqual({ agent: 5 });
    expect(withinRange(undefined, range)).toEqual(range);
    expect(withinRange({ id: { $gt: 15 } }, range)).toEqual({ $and: [{ id: { $gt: 15 } }, range] });
    expect(teamworkDeskContract().validate('TicketFilter', withinRange({ $or: [{ agent: 5 }, { agent: null }] }, range)).issues).toEqual([]);
    expect(() => idRange(3, 2)).toThrow(/above/);
  });

  test('at 20,000 tickets the seed stays sensible: unique ids, creation following the ids within two years, instants a second apart', () => {
    const mock = teamworkDeskMock(config(20_000));
    const tickets = mock.store.tickets;
    expect(tickets.length).toBe(20_000);
    expect(new Set(tickets.map((t) => t.id)).size).toBe(20_000);
    const created = tickets.map((t) => instantNanos(t.createdAt) ?? 0n);
    const ascending = created.every((c, i) => i === 0 || c >= (created[i - 1] ?? 0n));
    expect(ascending).toBe(true);
    expect(Date.parse(tickets[tickets.length - 1]!.createdAt)).toBeLessThan(Date.parse('2026-03-02T00:00:00Z'));
    // Neighbours a second or more apart (the one deliberate tie aside), so orders by createdAt can be judged.
    const close = created.filter((c, i) => i > 0 && c - (created[i - 1] ?? 0n) < 1_000_000_000n).length;
    expect(close).toBe(1);
    // Microsecond variants keep whole microseconds at this size too.
    const go = teamworkDeskMock(config(20_000, ['microsecond-timestamps'])).store.tickets;
    expect(go.every((t) => /:\d\d(\.\d{1,6})?Z$/.test(t.createdAt))).toBe(true);
  });

  test('a window-restricted filter returns exactly the window tickets satisfying it, on a large mock', () => {
    const mock = teamworkDeskMock(config(2_000));
    const window = ok(mock, { orderBy: 'id', orderMode: 'asc', pageSize: 100, page: 7 }).tickets;
    const range = idRange(window[0]!.id, window[window.length - 1]!.id);
    expect(walk(mock, { filter: JSON.stringify(range), orderBy: 'id', pageSize: 13 }).map((t) => t.id)).toEqual(window.map((t) => t.id));
    fc.assert(
      fc.property(ticketFilter({ observed: observeValues(window) }), (filter) => {
        const combined = withinRange(filter, range)!;
        const ids = new Set(walk(mock, { filter: JSON.stringify(combined), orderBy: 'id', pageSize: 25 }).map((t) => t.id));
        const wrong = window.flatMap((t) => {
          const truth = filterTruth(combined, t as unknown as Record<string, unknown>);
          return (truth === 'true' && !ids.has(t.id)) || (truth === 'false' && ids.has(t.id)) ? [t.id] : [];
        });
        const outside = [...ids].filter((id) => id < window[0]!.id || id > window[window.length - 1]!.id);
        expect({ wrong, outside }, JSON.stringify(combined)).toEqual({ wrong: [], outside: [] });
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  test('memoised lists are the lists computed afresh, for every order and under the variants and faults that change them', () => {
    const cases: Array<[VariantName[], FaultName[]]> = [[[], []], [['default-newest-unstable-ties'], []], [['ties-broken-descending', 'hide-deleted-by-default'], []], [[], ['order-within-page-only']], [[], ['order-dropped-with-filter']]];
    for (const [variants, faults] of cases) {
      const settings = config(300, variants, faults);
      const mock = teamworkDeskMock(settings);
      const filter = { $or: [{ status: 3 }, { priority: { $in: [2, 4] } }] };
      const queries: Array<{ orderBy?: string; orderMode?: string; filter?: string }> = [{}, { orderBy: 'subject' }, { orderBy: 'createdAt', orderMode: 'desc' }, { orderBy: 'users.name', orderMode: 'asc' }, { filter: JSON.stringify(filter), orderBy: 'responseTimeMins' }];
      for (const query of queries) {
        for (const page of [1, 2, 3, 1]) {
          const sent = Object.fromEntries(Object.entries({ ...query, page, pageSize: 40 }).filter((e): e is [string, string | number] => e[1] !== undefined));
          const served = ok(mock, sent).tickets.map((t) => t.id);
          // Afresh: filter, then order the matches (the memo orders every ticket, then keeps the matches).
          const matches = filterTickets(mock.store.tickets, query.filter === undefined ? undefined : filter, settings);
          const dropped = query.filter !== undefined && faults.includes('order-dropped-with-filter');
          const withinPage = faults.includes('order-within-page-only') && query.orderBy !== undefined;
          const request = { orderBy: dropped || withinPage ? undefined : query.orderBy, orderMode: query.orderMode, page };
          let expected = orderTickets(matches, request, mock.store, settings).slice((page - 1) * 40, page * 40);
          if (withinPage) expected = orderTickets(expected, { ...request, orderBy: query.orderBy }, mock.store, settings);
          expect(served, `${variants.join(',')}${faults.join(',')} ${JSON.stringify(query)} page ${page}`).toEqual(expected.map((t) => t.id));
        }
      }
    }
  });

  test('serves its request log at /_mock/requests (and empties it on DELETE), outside the contract', async () => {
    const running = await startTeamworkDeskMock(config(50));
    try {
      await fetch(`${running.url}${PATH}?pageSize=2`, { headers: { authorization: `Bearer ${KEY}` } });
      await fetch(`${running.url}${PATH}?pageSize=3`);
      const log = (await (await fetch(`${running.url}/_mock/requests`)).json()) as Array<{ path: string; query: string; status: number; headers: Record<string, string> }>;
      expect(log.map((e) => [e.path, e.query, e.status])).toEqual([[PATH, 'pageSize=2', 200], [PATH, 'pageSize=3', 401]]);
      expect(JSON.stringify(log)).not.toContain(KEY);
      expect((await fetch(`${running.url}/_mock/requests`, { method: 'DELETE' })).status).toBe(204);
      expect(await (await fetch(`${running.url}/_mock/requests`)).json()).toEqual([]);
      expect((await fetch(`${running.url}/_mock/requests`, { method: 'POST' })).status).toBe(405);
    } finally {
      await running.close();
    }
  });
});
