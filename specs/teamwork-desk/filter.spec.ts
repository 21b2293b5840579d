import fc from 'fast-check';
import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import { ticketFilter } from '../../generators/teamwork-desk/ticketFilter';
import { negateFilter } from '../../lib/teamworkDesk/negation';
import { observeNulls, observeValues } from '../../lib/teamworkDesk/observed';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import { filterCasesInWindows } from './support/filterCases';
import { filterPageSize, splitPageSize, walkFiltered, walkSplit } from './support/filtering';
import { test } from './support/fixtures';
import { UNIQUE_ORDER } from './support/ordering';
import { inSomeWindow } from './support/windows';

// Filtered walks go by id, an order without ties, so a ticket missing from one is the filter's doing.
// Each runs inside one window of the site's data (the whole site when it is small).
test.describe('filter', () => {
  test('every operator on every kind of field returns exactly the matching tickets, its complement the rest', covers(C.filterOnlyMatches, C.filterComplete, C.filterSplits, C.paginationConsistent), async ({ teamworkDesk }) => {
    const site = await teamworkDesk.survey();
    test.skip(site.tickets.length === 0, 'the target holds no tickets to draw filter values from');
    const modes = ticketVocabulary().orderModes;
    for (const [index, { name, filter, complement, window }] of filterCasesInWindows(site.windows).entries()) {
      const size = filterPageSize(window.tickets.length);
      await test.step(`${name}${complement ? ` and ${complement.name.replace(/^\S+ /, '')}` : ''}${site.whole ? '' : `, in ${window.label}`}`, async () => {
        if (complement === undefined) return void (await walkFiltered(teamworkDesk, window, { filter, pageSize: size, ...UNIQUE_ORDER }));
        // The pair in opposite order modes, taking turns which goes first: every operator meets both.
        const first = modes[index % modes.length] ?? UNIQUE_ORDER.orderMode;
        const second = modes.find((m) => m !== first) ?? first;
        await walkSplit(teamworkDesk, window, { filter, negation: complement.filter, modes: [first, second], pageSizes: [size, size] });
      });
    }
  });

  test('generated filters, nested $and/$or included, return exactly the matching tickets, and their negations the rest', covers(C.filterOnlyMatches, C.filterComplete, C.filterSplits, C.walkYieldsRecords), async ({ teamworkDesk }, testInfo) => {
    const site = await teamworkDesk.survey();
    test.skip(site.tickets.length === 0, 'the target holds no tickets to draw filter values from');
    const modes = ticketVocabulary().orderModes;
    const plan = inSomeWindow(site.windows, (window) =>
      fc.record({ filter: ticketFilter({ observed: observeValues(window.tickets), nullable: observeNulls(window.tickets) }), orderMode: fc.constantFrom(...modes) }),
    );
    await checkProperty(testInfo, plan, async ({ window, value: { filter, orderMode } }) => {
      const size = filterPageSize(window.tickets.length);
      const negation = negateFilter(filter);
      // A filter comparing with null has no negation every reading agrees on: walked alone.
      if (negation === undefined) return void (await walkFiltered(teamworkDesk, window, { filter, pageSize: size, orderBy: UNIQUE_ORDER.orderBy, orderMode }));
      const other = modes.find((m) => m !== orderMode) ?? orderMode;
      await walkSplit(teamworkDesk, window, { filter, negation, modes: [orderMode, other], pageSizes: [size, splitPageSize(window.tickets.length)] });
    });
  });
});
