import { moovChecks as C } from '../../checks/moov';
import { verify } from '../../checks/verify';
import { listStatuses, paginationPlan } from '../../generators/moov/paginationPlan';
import { censusStarts, windowsFor, type Census } from './support/census';
import type { ListWalk } from '../../checks/moov/evidence';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import type { MoovApi, WalkOptions } from './support/api';
import { test } from './support/fixtures';

const LIST = { operation: 'listTickets', status: 200 } as const;
/** Pages each small count may cost per account: the whole list when it fits, else three windows of it. */
const WINDOW_PAGES = 24;
/** Pages a generated plan walks at most (its own `pages`, or this when it walks to the end). */
const PLAN_PAGES = 8;
/** Pages of each status-filtered window (50 tickets each). */
const FILTER_PAGES = 2;
/** Strata of the census each status filter is judged in: its head, one chosen from the seed, its tail. */
const FILTER_STRATA = 3;
/** Pages at count 200 (the documented default) a filter is walked from its head when the target refuses census cursors under a filter. */
const FILTER_FALLBACK_PAGES = 4;

/**
 * A walk judged on its own, then against the census: every ticket the census lists within the
 * stretch the walk covers, and still unchanged after it, must be in it (TKT-PAG-002, and TKT-LST-004
 * when filtered).
 */
async function judgeAgainstCensus(moov: MoovApi, census: Census, options: WalkOptions): Promise<ListWalk> {
  const { walk, stable } = await moov.settledWalk(census.accountID, options, census);
  moov.judgeWalk(walk);
  verify(C.walkNoGaps, { walk, stable }, LIST);
  if (walk.status !== undefined) verify(C.statusFilterComplete, { filtered: walk, stable }, LIST);
  return walk;
}

test.describe('list support tickets', () => {
  test('cursor walks at several counts list every ticket once', covers(C.walkNoDuplicates, C.walkNoGaps, C.noNextPageAtEnd, C.pageCountRespected), async ({ moov }) => {
    for (const accountID of [moov.ids.partner, moov.ids.connected]) {
      const census = await moov.census(accountID);
      for (const count of [1, 4, 9]) {
        for (const window of windowsFor(census, count, WINDOW_PAGES)) {
          await test.step(`count ${count} from ${window.from}`, async () => {
            await judgeAgainstCensus(moov, census, { count, cursor: window.cursor, maxPages: window.maxPages });
          });
        }
      }
    }
  });

  test('generated pagination plans keep every list invariant', covers(C.walkNoDuplicates, C.walkNoGaps, C.pageCountRespected, C.statusFilterOnly, C.statusFilterComplete, C.noNextPageAtEnd), async ({ moov }, testInfo) => {
    await checkProperty(testInfo, paginationPlan(), async (plan) => {
      const accountID = plan.account === 'partner' ? moov.ids.partner : moov.ids.connected;
      const census = await moov.census(accountID);
      // Census cursors belong to the unfiltered listing: a filtered walk starts at its first page.
      const cursor = plan.status === undefined && plan.start !== undefined ? census.cursors[plan.start % census.cursors.length] : undefined;
      await judgeAgainstCensus(moov, census, { count: plan.count, status: plan.status, cursor, maxPages: plan.pages ?? PLAN_PAGES });
    });
  });

  test('without count a page holds 200 tickets, or all of them', covers(C.defaultPageSize), async ({ moov }) => {
    for (const accountID of [moov.ids.partner, moov.ids.connected]) {
      // Tickets cannot be deleted: the account holds at least what its census listed.
      const census = await moov.census(accountID);
      const page = await moov.listPage(accountID);
      verify(C.defaultPageSize, { page, stableTotal: census.tickets.length, volatileTotal: 0 }, LIST);
    }
  });

  test('the status filter returns only, and all, tickets of that status, on every account, at every depth', covers(C.statusFilterOnly, C.statusFilterComplete), async ({ moov }, testInfo) => {
    for (const accountID of [moov.ids.partner, moov.ids.connected]) {
      const census = await moov.census(accountID);
      // Deep windows start at census cursors (the unfiltered listing's) sent with the filter: a
      // target reading them as positions serves the filtered tickets from there on; one may also
      // refuse them, and is then walked deeper from the head at the documented default count.
      const starts = censusStarts(census, FILTER_STRATA, 'moov status filter');
      for (const status of listStatuses()) {
        for (const start of starts) {
          const cursor = census.cursors[start];
          const where = cursor === undefined ? 'the first page' : `census page ${start + 1} of ${census.cursors.length}`;
          await test.step(`${status} on ${accountID} from ${where}`, async () => {
            const walk = await judgeAgainstCensus(moov, census, { status, count: 50, maxPages: FILTER_PAGES, cursor, foreignCursor: cursor !== undefined });
            if (!walk.refused) return;
            const note = `${testInfo.title}: the target refuses census cursors under a status filter (allowed), so each filter is walked from its head, ${FILTER_FALLBACK_PAGES} pages at count 200, instead of at every depth`;
            if (!testInfo.annotations.some((a) => a.description === note)) testInfo.annotations.push({ type: 'cases', description: note });
            await judgeAgainstCensus(moov, census, { status, count: 200, maxPages: FILTER_FALLBACK_PAGES });
          });
        }
      }
    }
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
