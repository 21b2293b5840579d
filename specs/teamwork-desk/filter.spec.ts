import fc from 'fast-check';
import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import { ticketFilter } from '../../generators/teamwork-desk/ticketFilter';
import { observeValues } from '../../lib/teamworkDesk/observed';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import { filterCasesInWindows } from './support/filterCases';
import { filterPageSize, walkFiltered } from './support/filtering';
import { test } from './support/fixtures';
import { UNIQUE_ORDER } from './support/ordering';
import { inSomeWindow } from './support/windows';

// Filtered walks go by id, an order without ties, so a ticket missing from one is the filter's doing.
// Each runs inside one window of the site's data (the whole site when it is small).
test.describe('filter', () => {
  test('every operator on every kind of field returns exactly the matching tickets', covers(C.filterOnlyMatches, C.filterComplete, C.paginationConsistent), async ({ teamworkDesk }) => {
    const site = await teamworkDesk.survey();
    test.skip(site.tickets.length === 0, 'the target holds no tickets to draw filter values from');
    for (const { name, filter, window } of filterCasesInWindows(site.windows)) {
      await test.step(site.whole ? name : `${name}, in ${window.label}`, async () => {
        await walkFiltered(teamworkDesk, window, { filter, pageSize: filterPageSize(window.tickets.length), ...UNIQUE_ORDER });
      });
    }
  });

  test('generated filters, nested $and/$or included, return exactly the matching tickets', covers(C.filterOnlyMatches, C.filterComplete, C.walkYieldsRecords), async ({ teamworkDesk }, testInfo) => {
    const site = await teamworkDesk.survey();
    test.skip(site.tickets.length === 0, 'the target holds no tickets to draw filter values from');
    const plan = inSomeWindow(site.windows, (window) => fc.record({ filter: ticketFilter({ observed: observeValues(window.tickets) }), orderMode: fc.constantFrom(...ticketVocabulary().orderModes) }));
    await checkProperty(testInfo, plan, async ({ window, value: { filter, orderMode } }) => {
      await walkFiltered(teamworkDesk, window, { filter, pageSize: filterPageSize(window.tickets.length), orderBy: UNIQUE_ORDER.orderBy, orderMode });
    });
  });
});
