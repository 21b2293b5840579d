import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import { ticketFilter } from '../../generators/teamwork-desk/ticketFilter';
import { observeValues } from '../../lib/teamworkDesk/observed';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import { filterCases } from './support/filterCases';
import { filterPageSize, walkFiltered } from './support/filtering';
import { test } from './support/fixtures';

test.describe('filter', () => {
  test('every operator on every kind of field returns exactly the matching tickets', covers(C.filterOnlyMatches, C.filterComplete, C.paginationConsistent), async ({ teamworkDesk }) => {
    const all = await teamworkDesk.reference();
    test.skip(all.length === 0, 'the target holds no tickets to draw filter values from');
    const pageSize = filterPageSize(all.length);
    for (const { name, filter } of filterCases(observeValues(all), all.length)) {
      await test.step(name, async () => {
        await walkFiltered(teamworkDesk, { filter, pageSize });
      });
    }
  });

  test('generated filters, nested $and/$or included, return exactly the matching tickets', covers(C.filterOnlyMatches, C.filterComplete, C.walkYieldsRecords), async ({ teamworkDesk }, testInfo) => {
    const all = await teamworkDesk.reference();
    test.skip(all.length === 0, 'the target holds no tickets to draw filter values from');
    const pageSize = filterPageSize(all.length);
    await checkProperty(testInfo, ticketFilter({ observed: observeValues(all) }), async (filter) => {
      await walkFiltered(teamworkDesk, { filter, pageSize });
    });
  });
});
