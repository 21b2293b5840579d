import { defineCheck } from '../check';
import type { ListPage } from './evidence';
import { SRC } from './sources';

export interface DefaultPageEvidence {
  /** The first page, requested without count. */
  page: ListPage;
  /** Tickets the account held before the page (its census; tickets cannot be deleted). */
  stableTotal: number;
  /** Tickets listed before or after, but not both unchanged (may or may not be on the page). */
  volatileTotal: number;
}

export const DEFAULT_COUNT = 200;

export const defaultPageSize = defineCheck<DefaultPageEvidence>({
  id: 'TKT-LST-002',
  title: 'default page size is not 200',
  api: 'moov',
  severity: 'error',
  source: SRC.count,
  detects: 'a list without count returning fewer than min(200, tickets in the account) items, or more than 200',
  triggers: "one list request without count, after the account's census",
  requests: "one list request (plus the account's census, shared)",
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ page, stableTotal, volatileTotal }) => {
    const n = page.items.length;
    const least = Math.min(DEFAULT_COUNT, stableTotal);
    if (n > DEFAULT_COUNT) return [{ expected: `at most ${DEFAULT_COUNT} items`, received: `${n} items`, exchange: page.exchange }];
    if (n < least) return [{ expected: `${least} items (the default count 200, or every ticket when fewer; ${volatileTotal} more may have changed meanwhile)`, received: `${n} items`, exchange: page.exchange }];
    if (page.nextCursor !== undefined && n < DEFAULT_COUNT) {
      return [{ expected: `200 items when another page follows`, received: `${n} items and a nextPage`, exchange: page.exchange }];
    }
    return [];
  },
});
