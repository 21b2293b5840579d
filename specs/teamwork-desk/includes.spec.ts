import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import { includeSelection } from '../../generators/teamwork-desk/includeSelection';
import { referenceTypes } from '../../lib/teamworkDesk/observed';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import { test } from './support/fixtures';
import { inSomeWindow, walkInWindow, type DataWindow } from './support/windows';

/** Pages per includes walk: small pages make many pages, each with its own included. */
const INCLUDE_WALK_PAGES = 10;

const includePageSize = (window: DataWindow) => Math.max(10, Math.ceil(window.tickets.length / INCLUDE_WALK_PAGES));

test.describe('includes', () => {
  test('with every reference type included, every reference resolves', covers(C.referencesResolve), async ({ teamworkDesk }) => {
    const site = await teamworkDesk.survey();
    const types = referenceTypes(site.tickets);
    test.skip(types.length === 0, 'the target returned no references to include');
    for (const window of site.windows) await walkInWindow(teamworkDesk, window, { includes: types, pageSize: includePageSize(window) });
  });

  test('generated include selections resolve every reference of the types asked for', covers(C.referencesResolve), async ({ teamworkDesk }, testInfo) => {
    const site = await teamworkDesk.survey();
    const types = referenceTypes(site.tickets);
    test.skip(types.length === 0, 'the target returned no references to include');
    await checkProperty(
      testInfo,
      inSomeWindow(site.windows, () => includeSelection({ types })),
      async ({ window, value: includes }) => {
        await walkInWindow(teamworkDesk, window, { includes, pageSize: includePageSize(window) }, 3);
      },
      { scale: 0.5 },
    );
  });
});
