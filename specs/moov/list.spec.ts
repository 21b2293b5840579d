import { moovChecks as C } from '../../checks/moov';
import { walkTickets, type ListWalk } from '../../checks/moov/evidence';
import { verify } from '../../checks/verify';
import { listStatuses, paginationPlan } from '../../generators/moov/paginationPlan';
import type { Ticket } from '../../lib/contract/moov.types';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import type { MoovApi } from './support/api';
import { test } from './support/fixtures';

/**
 * Count for the reference walk. The pages make 200 the default, so no server can refuse it;
 * larger counts may be capped or refused (the pages set no maximum).
 */
const LARGE = 200;

/** Every walk invariant that needs no second walk. */
function verifyWalk(walk: ListWalk, moov: MoovApi): void {
  const scope = { operation: 'listTickets', status: 200 };
  verify(C.walkNoDuplicates, { walk, volatility: moov.volatility }, scope);
  verify(C.pageCountRespected, walk, scope);
  verify(C.noNextPageAtEnd, walk, scope);
  verify(C.statusFilterOnly, walk, scope);
  verify(C.shortPageWithNext, walk, scope);
}

async function reference(moov: MoovApi, accountID: string): Promise<Ticket[]> {
  const walk = await moov.walk(accountID, { count: LARGE });
  verifyWalk(walk, moov);
  return walkTickets(walk);
}

test.describe('list support tickets', () => {
  test('cursor walks at several counts list every ticket once', covers(C.walkNoDuplicates, C.walkNoGaps, C.noNextPageAtEnd, C.pageCountRespected), async ({ moov }) => {
    for (const accountID of [moov.ids.partner, moov.ids.connected]) {
      const large = await reference(moov, accountID);
      for (const count of [1, 4, 9]) {
        const walk = await moov.walk(accountID, { count });
        verifyWalk(walk, moov);
        verify(C.walkNoGaps, { walk, reference: large, referenceLabel: `a walk at count ${LARGE}`, volatility: moov.volatility }, { operation: 'listTickets', status: 200 });
        // And the other way round: the large walk must not miss what the small one found.
        const largeWalk: ListWalk = { accountID, count: LARGE, pages: [{ count: LARGE, items: large, exchange: walk.pages[0]!.exchange }], complete: true };
        verify(C.walkNoGaps, { walk: largeWalk, reference: walkTickets(walk), referenceLabel: `the walk at count ${count}`, volatility: moov.volatility }, { operation: 'listTickets', status: 200 });
      }
    }
  });

  test('generated pagination plans keep every list invariant', covers(C.walkNoDuplicates, C.walkNoGaps, C.pageCountRespected, C.statusFilterOnly, C.statusFilterComplete, C.noNextPageAtEnd), async ({ moov }, testInfo) => {
    const references = new Map<string, Ticket[]>();
    for (const accountID of [moov.ids.partner, moov.ids.connected]) references.set(accountID, await reference(moov, accountID));
    await checkProperty(testInfo, paginationPlan(), async (plan) => {
      const accountID = plan.account === 'partner' ? moov.ids.partner : moov.ids.connected;
      const walk = await moov.walk(accountID, { count: plan.count, status: plan.status, maxPages: plan.pages });
      verifyWalk(walk, moov);
      const all = references.get(accountID) ?? [];
      verify(C.walkNoGaps, { walk, reference: all, referenceLabel: `a walk at count ${LARGE}`, volatility: moov.volatility }, { operation: 'listTickets', status: 200 });
      verify(C.statusFilterComplete, { filtered: walk, all, volatility: moov.volatility }, { operation: 'listTickets', status: 200 });
    });
  });

  test('without count a page holds 200 tickets, or all of them', covers(C.defaultPageSize), async ({ moov }) => {
    for (const accountID of [moov.ids.partner, moov.ids.connected]) {
      const all = await reference(moov, accountID);
      const page = await moov.listPage(accountID);
      const volatileTotal = all.filter((t) => moov.volatility.isVolatile(t)).length;
      verify(C.defaultPageSize, { page, stableTotal: all.length - volatileTotal, volatileTotal }, { operation: 'listTickets', status: 200 });
    }
  });

  test('the status filter returns only, and all, tickets of that status', covers(C.statusFilterOnly, C.statusFilterComplete), async ({ moov }) => {
    const all = await reference(moov, moov.ids.partner);
    for (const status of listStatuses()) {
      const walk = await moov.walk(moov.ids.partner, { status, count: 50 });
      verifyWalk(walk, moov);
      verify(C.statusFilterComplete, { filtered: walk, all, volatility: moov.volatility }, { operation: 'listTickets', status: 200 });
    }
  });

  test('malformed count and status are refused with a 4xx', covers(C.invalidInputRefused), async ({ moov }) => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ count: 'abc' }, 'count is not an integer'],
      [{ count: '2.5' }, 'count is not an integer'],
      [{ count: '99999999999999999999' }, 'count overflows int64'],
      [{ status: 'pending' }, 'status outside new, in-progress, on-hold, closed'],
    ];
    for (const [query, mutation] of cases) {
      const response = await moov.call('listTickets', { path: { accountID: moov.ids.partner }, query }, 'invalid-input');
      verify(C.invalidInputRefused, { ...response, intent: 'invalid-input', mutation }, { operation: 'listTickets', status: response.status });
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
