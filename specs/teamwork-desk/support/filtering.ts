import { teamworkDeskChecks as C } from '../../../checks/teamwork-desk';
import type { ListQuery, ListWalk } from '../../../checks/teamwork-desk/evidence';
import { verify } from '../../../checks/verify';
import type { TeamworkDeskApi } from './api';
import { windowTickets } from './survey';
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
