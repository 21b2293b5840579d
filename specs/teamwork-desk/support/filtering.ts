import { teamworkDeskChecks as C } from '../../../checks/teamwork-desk';
import type { ListQuery, ListWalk } from '../../../checks/teamwork-desk/evidence';
import { verify } from '../../../checks/verify';
import type { TicketFilter } from '../../../lib/contract/teamworkDesk.types';
import type { TeamworkDeskApi } from './api';
import { windowTickets } from './survey';
import { UNIQUE_ORDER } from './ordering';
import { walkInWindow, type DataWindow } from './windows';

/** Filtered walks of at most about this many pages: several boundaries, a bounded cost on a live account. */
const FILTER_WALK_PAGES = 8;

export function filterPageSize(records: number): number {
  return Math.max(10, Math.ceil(records / FILTER_WALK_PAGES));
}

/**
 * A filtered walk inside the window, judged (only matching tickets, pagination) and compared with
 * the window's tickets as the unfiltered listing showed them (no matching ticket missing). The
 * filter sent is `query.filter` and the window's range: a ticket is required when it satisfies
 * both. On a live target a missing ticket is looked for again with a fresh read of the window
 * before it counts.
 */
export async function walkFiltered(api: TeamworkDeskApi, window: DataWindow, query: ListQuery): Promise<ListWalk> {
  let fresh = false;
  const evidence = await api.settled(
    async () => {
      const all = await windowTickets(api, window, fresh);
      fresh = true;
      return { all, filtered: await walkInWindow(api, window, query) };
    },
    (e) => C.filterComplete.evaluate(e).length > 0,
  );
  verify(C.filterComplete, evidence, { operation: 'listTickets', status: 200 });
  return evidence.filtered;
}

/** The largest page size sent for a negation's walk: no server caps or refuses a size this small as its maximum (the mock's variants cap or refuse above 50). */
const SPLIT_PAGE_SIZE_CAP = 50;

/** A negation's walk lists most of the window: about three pages of it, at most SPLIT_PAGE_SIZE_CAP tickets a page. */
export function splitPageSize(records: number): number {
  return Math.min(SPLIT_PAGE_SIZE_CAP, Math.max(filterPageSize(records), Math.ceil(records / 3)));
}

export interface SplitWalks {
  filter: TicketFilter;
  negation: TicketFilter;
  /** The two order modes, the filter's first: each pair meets both. */
  modes: readonly [string, string];
  pageSizes: readonly [number, number];
}

/**
 * A filter and its negation walked in the window (each judged as walkFiltered judges it), then
 * judged together: a ticket with values in every named field is in exactly one of the two lists
 * (TWD-OPS-001). On a live target a finding is looked at again with the window and both walks
 * read afresh before it counts.
 */
export async function walkSplit(api: TeamworkDeskApi, window: DataWindow, { filter, negation, modes, pageSizes }: SplitWalks): Promise<void> {
  const queries = [
    { filter, pageSize: pageSizes[0], orderBy: UNIQUE_ORDER.orderBy, orderMode: modes[0] },
    { filter: negation, pageSize: pageSizes[1], orderBy: UNIQUE_ORDER.orderBy, orderMode: modes[1] },
  ] as const;
  let first = true;
  const evidence = await api.settled(
    async () => {
      if (first) {
        first = false;
        return { filter, negation, all: window.tickets, matched: await walkFiltered(api, window, queries[0]), unmatched: await walkFiltered(api, window, queries[1]) };
      }
      const all = await windowTickets(api, window, true);
      return { filter, negation, all, matched: await walkInWindow(api, window, queries[0]), unmatched: await walkInWindow(api, window, queries[1]) };
    },
    (e) => C.filterSplits.evaluate(e).length > 0,
  );
  verify(C.filterSplits, evidence, { operation: 'listTickets', status: 200 });
}
