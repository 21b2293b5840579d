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

/** Ordered walks of at most about this many pages: enough boundaries, a bounded cost on a live account. */
const ORDER_WALK_PAGES = 10;

const ownKeys = () => [...orderKeys().values()].filter((k) => k.related === undefined);
const dottedKeys = () => [...orderKeys().values()].filter((k) => k.related !== undefined);

test.describe('order', () => {
  test('every documented orderBy value is served, in both modes', covers(C.validRequestServed, C.paginationConsistent), async ({ teamworkDesk }) => {
    const { orderBy, orderModes } = ticketVocabulary();
    for (const name of orderBy) {
      for (const orderMode of orderModes) await teamworkDesk.page({ orderBy: name, orderMode, pageSize: 10, page: 1 });
    }
  });

  test("orders the ticket's own value defines hold within and across pages", covers(C.orderHolds, C.walkYieldsRecords), async ({ teamworkDesk }) => {
    const records = (await teamworkDesk.reference()).length;
    const size = Math.max(5, Math.ceil(records / 6));
    for (const { orderBy } of ownKeys()) {
      for (const orderMode of [...ticketVocabulary().orderModes, undefined]) {
        await test.step(`${orderBy} ${orderMode ?? '(no orderMode)'}`, async () => {
          await teamworkDesk.walk({ orderBy, orderMode, pageSize: size });
        });
      }
    }
  });

  test('dotted names order by the related record, within and across pages', covers(C.orderHolds), async ({ teamworkDesk }) => {
    const all = await teamworkDesk.reference();
    const size = Math.max(5, Math.ceil(all.length / 6));
    for (const { orderBy } of dottedKeys()) {
      for (const orderMode of ticketVocabulary().orderModes) {
        await test.step(`${orderBy} ${orderMode}`, async () => {
          await teamworkDesk.walk(orderedQuery({ orderBy, orderMode }, all, { pageSize: size }));
        });
      }
    }
  });

  test('a filtered list keeps the requested order', covers(C.orderHolds, C.filterOnlyMatches), async ({ teamworkDesk }) => {
    const all = await teamworkDesk.reference();
    test.skip(all.length < 2, 'too few tickets for an order to show');
    // About two thirds of the tickets: plenty of neighbours to compare, and the filter is real.
    const ids = all.map((t) => t.id).sort((a, b) => a - b);
    const filter: TicketFilter = { [UNIQUE_ORDER.orderBy]: { $gte: ids[Math.floor(ids.length / 3)] ?? 0 } };
    const size = Math.max(5, Math.ceil(all.length / 8));
    const modes = ticketVocabulary().orderModes;
    for (const [index, { orderBy }] of [...orderKeys().values()].entries()) {
      const orderMode = modes[index % modes.length];
      await test.step(`${orderBy} ${orderMode ?? ''} with ${JSON.stringify(filter)}`, async () => {
        await teamworkDesk.walk(orderedQuery({ orderBy, orderMode }, all, { filter, pageSize: size }));
      });
    }
  });

  test('generated orderBy, orderMode, filters and page sizes keep the order and the pagination', covers(C.orderHolds, C.paginationConsistent, C.walkYieldsRecords, C.filterOnlyMatches), async ({ teamworkDesk }, testInfo) => {
    const all = await teamworkDesk.reference();
    const least = Math.max(1, Math.ceil(all.length / ORDER_WALK_PAGES));
    const filters = all.length === 0 ? fc.constant(undefined) : fc.option(ticketFilter({ observed: observeValues(all), maxDepth: 1 }), { freq: 2, nil: undefined });
    const plan = fc.record({ order: fc.oneof(orderChoice(), orderChoice({ values: 'all' })), size: pageSize({ records: all.length }), filter: filters });
    await checkProperty(testInfo, plan, async ({ order, size, filter }) => {
      await teamworkDesk.walk(orderedQuery(order, all, { filter, pageSize: Math.max(least, size) }));
    });
  });
});
