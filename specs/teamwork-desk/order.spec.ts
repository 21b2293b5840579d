import fc from 'fast-check';
import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import { orderChoice } from '../../generators/teamwork-desk/orderChoice';
import { pageSize } from '../../generators/teamwork-desk/pageSize';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import { test } from './support/fixtures';

/** Ordered walks of at most about this many pages: enough boundaries, a bounded cost on a live account. */
const ORDER_WALK_PAGES = 10;

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
    const { ownValueOrder, orderModes } = ticketVocabulary();
    for (const orderBy of ownValueOrder.keys()) {
      for (const orderMode of [...orderModes, undefined]) {
        await test.step(`${orderBy} ${orderMode ?? '(no orderMode)'}`, async () => {
          await teamworkDesk.walk({ orderBy, orderMode, pageSize: size });
        });
      }
    }
  });

  test('generated orderBy, orderMode and page sizes keep the order and the pagination', covers(C.orderHolds, C.paginationConsistent, C.walkYieldsRecords), async ({ teamworkDesk }, testInfo) => {
    const records = (await teamworkDesk.reference()).length;
    const least = Math.max(1, Math.ceil(records / ORDER_WALK_PAGES));
    const plan = fc.record({ order: fc.oneof(orderChoice(), orderChoice({ values: 'all' })), size: pageSize({ records }) });
    await checkProperty(testInfo, plan, async ({ order, size }) => {
      await teamworkDesk.walk({ ...order, pageSize: Math.max(least, size) });
    });
  });
});
