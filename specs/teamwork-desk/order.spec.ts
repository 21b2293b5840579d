import fc from 'fast-check';
import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import { orderChoice } from '../../generators/teamwork-desk/orderChoice';
import { pageSize } from '../../generators/teamwork-desk/pageSize';
import { ticketFilter } from '../../generators/teamwork-desk/ticketFilter';
import type { TicketFilter } from '../../lib/contract/teamworkDesk.types';
import { observeValues } from '../../lib/teamworkDesk/observed';
import { orderKeys } from '../../lib/teamworkDesk/orderKey';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import { test } from './support/fixtures';
import { orderedQuery, UNIQUE_ORDER } from './support/ordering';
import { firstTurn, inSomeWindow, walkInWindow, whereIn, windowFor, withDeepest, type DataWindow } from './support/windows';

/** Ordered walks of at most about this many pages: enough boundaries, a bounded cost on a live account. */
const ORDER_WALK_PAGES = 10;

const ownKeys = () => [...orderKeys().values()].filter((k) => k.related === undefined);
const dottedKeys = () => [...orderKeys().values()].filter((k) => k.related !== undefined);
/** A page size giving about `pages` pages over the window. */
const sizeFor = (window: DataWindow, pages: number) => Math.max(5, Math.ceil(window.tickets.length / pages));

// Ordered walks run inside one window of the site's data each, taking turns from a seeded start,
// together with the deepest window (withDeepest), so every order meets a large site's ids (the
// whole site when it is small): the windows' range is a filter, so every order is also seen
// holding with one.
test.describe('order', () => {
  test('every documented orderBy value is served, in both modes', covers(C.validRequestServed, C.paginationConsistent), async ({ teamworkDesk }) => {
    const { orderBy, orderModes } = ticketVocabulary();
    for (const name of orderBy) {
      for (const orderMode of orderModes) await teamworkDesk.page({ orderBy: name, orderMode, pageSize: 10, page: 1 });
    }
  });

  test("orders the ticket's own value defines hold within and across pages", covers(C.orderHolds, C.walkYieldsRecords), async ({ teamworkDesk }) => {
    const { windows } = await teamworkDesk.survey();
    let turn = firstTurn('own keys');
    for (const { orderBy } of ownKeys()) {
      for (const orderMode of [...ticketVocabulary().orderModes, undefined]) {
        const window = withDeepest(windows, windowFor(windows, turn++));
        await test.step(`${orderBy} ${orderMode ?? '(no orderMode)'}${whereIn(window)}`, async () => {
          await walkInWindow(teamworkDesk, window, { orderBy, orderMode, pageSize: sizeFor(window, 6) });
        });
      }
    }
  });

  test('dotted names order by the related record, within and across pages', covers(C.orderHolds), async ({ teamworkDesk }) => {
    const { windows, tickets } = await teamworkDesk.survey();
    let turn = firstTurn('dotted keys');
    for (const { orderBy } of dottedKeys()) {
      for (const orderMode of ticketVocabulary().orderModes) {
        const window = withDeepest(windows, windowFor(windows, turn++));
        await test.step(`${orderBy} ${orderMode}${whereIn(window)}`, async () => {
          await walkInWindow(teamworkDesk, window, orderedQuery({ orderBy, orderMode }, tickets, { pageSize: sizeFor(window, 6) }));
        });
      }
    }
  });

  test('a filtered list keeps the requested order', covers(C.orderHolds, C.filterOnlyMatches), async ({ teamworkDesk }) => {
    const { windows, tickets } = await teamworkDesk.survey();
    test.skip(tickets.length < 2, 'too few tickets for an order to show');
    const modes = ticketVocabulary().orderModes;
    const first = firstTurn('filtered');
    for (const [index, { orderBy }] of [...orderKeys().values()].entries()) {
      const window = withDeepest(windows, windowFor(windows, first + index));
      // About two thirds of the window's tickets: plenty of neighbours to compare, and the filter is real.
      const ids = window.tickets.map((t) => t.id).sort((a, b) => a - b);
      const filter: TicketFilter = { [UNIQUE_ORDER.orderBy]: { $gte: ids[Math.floor(ids.length / 3)] ?? 0 } };
      // Each order key in one mode, which one from the seed: other seeds judge the other mode.
      const orderMode = modes[(first + index) % modes.length];
      await test.step(`${orderBy} ${orderMode ?? ''} with ${JSON.stringify(filter)}${whereIn(window)}`, async () => {
        await walkInWindow(teamworkDesk, window, orderedQuery({ orderBy, orderMode }, tickets, { filter, pageSize: sizeFor(window, 8) }));
      });
    }
  });

  test('generated orderBy, orderMode, filters and page sizes keep the order and the pagination', covers(C.orderHolds, C.paginationConsistent, C.walkYieldsRecords, C.filterOnlyMatches), async ({ teamworkDesk }, testInfo) => {
    const { windows, tickets } = await teamworkDesk.survey();
    const plan = inSomeWindow(windows, (window) => {
      const filters = window.tickets.length === 0 ? fc.constant(undefined) : fc.option(ticketFilter({ observed: observeValues(window.tickets), maxDepth: 1 }), { freq: 2, nil: undefined });
      return fc.record({ order: fc.oneof(orderChoice(), orderChoice({ values: 'all' })), size: pageSize({ records: window.tickets.length }), filter: filters });
    });
    await checkProperty(testInfo, plan, async ({ window, value: { order, size, filter } }) => {
      const least = Math.max(1, Math.ceil(window.tickets.length / ORDER_WALK_PAGES));
      await walkInWindow(teamworkDesk, window, orderedQuery(order, tickets, { filter, pageSize: Math.max(least, size) }));
    });
  });
});
