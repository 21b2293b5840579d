import { moovChecks as C } from '../../checks/moov';
import { stableTickets, type ListWalk } from '../../checks/moov/evidence';
import { verify } from '../../checks/verify';
import { listStatuses, paginationPlan } from '../../generators/moov/paginationPlan';
import type { Ticket } from '../../lib/contract/moov.types';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import type { MoovApi } from './support/api';
import { test } from './support/fixtures';

const LIST = { operation: 'listTickets', status: 200 } as const;

/** Every walk invariant that needs no second walk. */
function verifyWalk(walk: ListWalk): void {
  verify(C.walkNoDuplicates, walk, LIST);
  verify(C.pageCountRespected, walk, LIST);
  verify(C.noNextPageAtEnd, walk, LIST);
  verify(C.statusFilterOnly, walk, LIST);
  verify(C.shortPageWithNext, walk, LIST);
}

/** A reference listing, its own walk judged too. */
function reference(moov: MoovApi, accountID: string): Promise<Ticket[]> {
  return moov.reference(accountID, verifyWalk);
}

test.describe('list support tickets', () => {
  test('cursor walks at several counts list every ticket once', covers(C.walkNoDuplicates, C.walkNoGaps, C.noNextPageAtEnd, C.pageCountRespected), async ({ moov }) => {
    for (const accountID of [moov.ids.partner, moov.ids.connected]) {
      const before = await reference(moov, accountID);
      const walks: ListWalk[] = [];
      for (const count of [1, 4, 9]) {
        const walk = await moov.walk(accountID, { count });
        verifyWalk(walk);
        walks.push(walk);
      }
      const stable = stableTickets(before, await reference(moov, accountID));
      for (const walk of walks) verify(C.walkNoGaps, { walk, stable }, LIST);
    }
  });

  test('generated pagination plans keep every list invariant', covers(C.walkNoDuplicates, C.walkNoGaps, C.pageCountRespected, C.statusFilterOnly, C.statusFilterComplete, C.noNextPageAtEnd), async ({ moov }, testInfo) => {
    // Each plan's walk sits between two reference walks; the one after serves as the next one's before.
    const latest = new Map<string, Ticket[]>();
    for (const accountID of [moov.ids.partner, moov.ids.connected]) latest.set(accountID, await reference(moov, accountID));
    await checkProperty(testInfo, paginationPlan(), async (plan) => {
      const accountID = plan.account === 'partner' ? moov.ids.partner : moov.ids.connected;
      const before = latest.get(accountID) ?? (await reference(moov, accountID));
      const walk = await moov.walk(accountID, { count: plan.count, status: plan.status, maxPages: plan.pages });
      verifyWalk(walk);
      const after = await reference(moov, accountID);
      latest.set(accountID, after);
      const stable = stableTickets(before, after);
      verify(C.walkNoGaps, { walk, stable }, LIST);
      verify(C.statusFilterComplete, { filtered: walk, stable }, LIST);
    });
  });

  test('without count a page holds 200 tickets, or all of them', covers(C.defaultPageSize), async ({ moov }) => {
    for (const accountID of [moov.ids.partner, moov.ids.connected]) {
      const before = await reference(moov, accountID);
      const page = await moov.listPage(accountID);
      const after = await reference(moov, accountID);
      const stableTotal = stableTickets(before, after).length;
      const volatileTotal = new Set([...before, ...after].map((t) => t.ticketID)).size - stableTotal;
      verify(C.defaultPageSize, { page, stableTotal, volatileTotal }, LIST);
    }
  });

  test('the status filter returns only, and all, tickets of that status', covers(C.statusFilterOnly, C.statusFilterComplete), async ({ moov }) => {
    const before = await reference(moov, moov.ids.partner);
    const walks: ListWalk[] = [];
    for (const status of listStatuses()) {
      const walk = await moov.walk(moov.ids.partner, { status, count: 50 });
      verifyWalk(walk);
      walks.push(walk);
    }
    const stable = stableTickets(before, await reference(moov, moov.ids.partner));
    for (const walk of walks) verify(C.statusFilterComplete, { filtered: walk, stable }, LIST);
  });

  test('malformed count and status are refused with a 4xx', covers(C.invalidInputRefused, C.doubtfulInputRefused), async ({ moov }) => {
    // A type mismatch and a value outside the documented enum are invalid input: a 4xx, never a 2xx.
    const invalid: Array<[Record<string, string>, string]> = [
      [{ count: 'abc' }, 'count is not an integer'],
      [{ status: 'pending' }, 'status outside new, in-progress, on-hold, closed'],
    ];
    for (const [query, mutation] of invalid) {
      const response = await moov.call('listTickets', { path: { accountID: moov.ids.partner }, query }, 'invalid-input');
      verify(C.invalidInputRefused, { ...response, intent: 'invalid-input', mutation }, { operation: 'listTickets', status: response.status });
    }
    // Lenient parsers (parseInt, saturating integers) read these as numbers: advisory only.
    const doubtful: Array<[Record<string, string>, string]> = [
      [{ count: '2.5' }, 'count 2.5 is not an integer'],
      [{ count: '99999999999999999999' }, 'count overflows int64'],
    ];
    for (const [query, input] of doubtful) {
      const response = await moov.call('listTickets', { path: { accountID: moov.ids.partner }, query }, 'invalid-input');
      verify(C.doubtfulInputRefused, { ...response, intent: 'invalid-input', input }, { operation: 'listTickets', status: response.status });
    }
  });

  test('counts the pages leave open get a conforming answer', async ({ moov }) => {
    // 0, negative and huge counts: the pages set no bounds, so 2xx and 4xx are both fine;
    // the response checks still hold (no 5xx, body valid when 2xx, x-request-id present).
    for (const count of ['0', '-1', '100000']) {
      await moov.call('listTickets', { path: { accountID: moov.ids.partner }, query: { count } }, 'invalid-input');
    }
  });
});
