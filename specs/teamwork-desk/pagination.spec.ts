import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import type { ListQuery } from '../../checks/teamwork-desk/evidence';
import { expectedPages } from '../../checks/teamwork-desk/paginationConsistent';
import { pageSize } from '../../generators/teamwork-desk/pageSize';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import type { TeamworkDeskApi } from './support/api';
import { test } from './support/fixtures';
import { UNIQUE_ORDER } from './support/ordering';
import { inSomeWindow, inWindow, walkInWindow } from './support/windows';

/** Generated sizes whose walk would exceed this many pages are sampled (first pages and the last), not walked. */
const FULL_WALK_PAGES = 40;

/** Page 1, the pages after it and the last page of `query`, each judged: its pagination at the edges, without a walk. */
async function samplePages(api: TeamworkDeskApi, query: ListQuery, after: number[]): Promise<void> {
  const first = await api.page({ ...query, page: 1 });
  const last = expectedPages(first.body.pagination.records, Math.max(1, first.body.pagination.pageSize));
  for (const page of new Set([...after, last])) if (page > 1 && page <= last) await api.page({ ...query, page });
}

test.describe('pagination', () => {
  test('walking every page yields records tickets, each once', covers(C.paginationConsistent, C.pageLengthAgrees, C.walkNoDuplicates, C.walkYieldsRecords), async ({ teamworkDesk }) => {
    // The server's own order and page size (neither documented: pages are judged, not the walk's
    // count), then by id, which leaves no ties, at a small page size. Each window is walked whole.
    const site = await teamworkDesk.survey();
    for (const window of site.windows) {
      await walkInWindow(teamworkDesk, window, {});
      await walkInWindow(teamworkDesk, window, { ...UNIQUE_ORDER, pageSize: Math.max(7, Math.ceil(window.tickets.length / FULL_WALK_PAGES)) });
    }
    // A large site's unfiltered listing is sampled at its edges instead: the first pages and the
    // last, whose length the pagination object fixes (records − (pages − 1) × pageSize).
    if (!site.whole) {
      await samplePages(teamworkDesk, {}, [2]);
      await samplePages(teamworkDesk, { ...UNIQUE_ORDER, pageSize: 7 }, [2]);
    }
  });

  test('generated page sizes: page lengths and the pagination object agree', covers(C.paginationConsistent, C.pageLengthAgrees, C.pageSizeRespected, C.walkNoDuplicates, C.walkYieldsRecords), async ({ teamworkDesk }, testInfo) => {
    const site = await teamworkDesk.survey();
    await checkProperty(testInfo, inSomeWindow(site.windows, (window) => pageSize({ records: window.tickets.length })), async ({ window, value: size }) => {
      const query = inWindow(window, { ...UNIQUE_ORDER, pageSize: size });
      const first = await teamworkDesk.page({ ...query, page: 1 });
      const { pageSize: served } = first.body.pagination;
      const pages = expectedPages(first.body.pagination.records, served);
      if (pages <= FULL_WALK_PAGES) {
        await walkInWindow(teamworkDesk, window, { ...UNIQUE_ORDER, pageSize: size });
        return;
      }
      for (const page of [2, 3, pages]) await teamworkDesk.page({ ...query, page });
    });
  });
});
