import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import { expectedPages } from '../../checks/teamwork-desk/paginationConsistent';
import { pageSize } from '../../generators/teamwork-desk/pageSize';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import { test } from './support/fixtures';
import { UNIQUE_ORDER } from './support/ordering';

/** Generated sizes whose walk would exceed this many pages are sampled (first pages and the last), not walked. */
const FULL_WALK_PAGES = 40;

test.describe('pagination', () => {
  test('walking every page yields records tickets, each once', covers(C.paginationConsistent, C.pageLengthAgrees, C.walkNoDuplicates, C.walkYieldsRecords), async ({ teamworkDesk }) => {
    // The server's own order and page size (neither documented: pages are judged, not the walk's
    // count), then by id, which leaves no ties: a large page size (the reference) and a small one.
    await teamworkDesk.walk({});
    const all = await teamworkDesk.reference();
    await teamworkDesk.walk({ ...UNIQUE_ORDER, pageSize: Math.max(7, Math.ceil(all.length / FULL_WALK_PAGES)) });
  });

  test('generated page sizes: page lengths and the pagination object agree', covers(C.paginationConsistent, C.pageLengthAgrees, C.pageSizeRespected, C.walkNoDuplicates, C.walkYieldsRecords), async ({ teamworkDesk }, testInfo) => {
    const records = (await teamworkDesk.reference()).length;
    await checkProperty(testInfo, pageSize({ records }), async (size) => {
      const first = await teamworkDesk.page({ ...UNIQUE_ORDER, pageSize: size, page: 1 });
      const { pageSize: served } = first.body.pagination;
      const pages = expectedPages(first.body.pagination.records, served);
      if (pages <= FULL_WALK_PAGES) {
        await teamworkDesk.walk({ ...UNIQUE_ORDER, pageSize: size });
        return;
      }
      for (const page of [2, 3, pages]) await teamworkDesk.page({ ...UNIQUE_ORDER, pageSize: size, page });
    });
  });
});
