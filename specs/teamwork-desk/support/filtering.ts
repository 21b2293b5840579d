import { teamworkDeskChecks as C } from '../../../checks/teamwork-desk';
import type { ListQuery, ListWalk } from '../../../checks/teamwork-desk/evidence';
import { verify } from '../../../checks/verify';
import type { TeamworkDeskApi } from './api';

/** Filtered walks of at most about this many pages: several boundaries, a bounded cost on a live account. */
const FILTER_WALK_PAGES = 8;

export function filterPageSize(records: number): number {
  return Math.max(10, Math.ceil(records / FILTER_WALK_PAGES));
}

/**
 * A filtered walk, judged (only matching tickets, pagination) and compared with the unfiltered
 * walk (no matching ticket missing). On a live target a missing ticket is looked for again with
 * a fresh unfiltered walk before it counts.
 */
export async function walkFiltered(api: TeamworkDeskApi, query: ListQuery): Promise<ListWalk> {
  const gather = async (fresh: boolean) => ({ all: await api.reference(fresh), filtered: await api.walk(query) });
  let first = true;
  const evidence = await api.settled(
    async () => {
      const e = await gather(!first);
      first = false;
      return e;
    },
    (e) => C.filterComplete.evaluate(e).length > 0,
  );
  verify(C.filterComplete, evidence, { operation: 'listTickets', status: 200 });
  return evidence.filtered;
}
