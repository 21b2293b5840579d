import fc from 'fast-check';
import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import { ticketFilter } from '../../generators/teamwork-desk/ticketFilter';
import { observeValues } from '../../lib/teamworkDesk/observed';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import { filterCases } from './support/filterCases';
import { filterPageSize, walkFiltered } from './support/filtering';
import { test } from './support/fixtures';
import { UNIQUE_ORDER } from './support/ordering';

// Filtered walks go by id, an order without ties, so a ticket missing from one is the filter's doing.
test.describe('filter', () => {
  test('every operator on every kind of field returns exactly the matching tickets', covers(C.filterOnlyMatches, C.filterComplete, C.paginationConsistent), async ({ teamworkDesk }) => {
    const all = await teamworkDesk.reference();
    test.skip(all.length === 0, 'the target holds no tickets to draw filter values from');
    const pageSize = filterPageSize(all.length);
    for (const { name, filter } of filterCases(observeValues(all), all.length)) {
      await test.step(name, async () => {
        await walkFiltered(teamworkDesk, { filter, pageSize, ...UNIQUE_ORDER });
      });
    }
  });

  test('generated filters, nested $and/$or included, return exactly the matching tickets', covers(C.filterOnlyMatches, C.filterComplete, C.walkYieldsRecords), async ({ teamworkDesk }, testInfo) => {
    const all = await teamworkDesk.reference();
    test.skip(all.length === 0, 'the target holds no tickets to draw filter values from');
    const pageSize = filterPageSize(all.length);
    const plan = fc.record({ filter: ticketFilter({ observed: observeValues(all) }), orderMode: fc.constantFrom(...ticketVocabulary().orderModes) });
    await checkProperty(testInfo, plan, async ({ filter, orderMode }) => {
      await walkFiltered(teamworkDesk, { filter, pageSize, orderBy: UNIQUE_ORDER.orderBy, orderMode });
    });
  });
});
