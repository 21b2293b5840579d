import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import { includeSelection } from '../../generators/teamwork-desk/includeSelection';
import { referenceTypes } from '../../lib/teamworkDesk/observed';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import { test } from './support/fixtures';

/** Pages per includes walk: small pages make many pages, each with its own included. */
const INCLUDE_WALK_PAGES = 10;

test.describe('includes', () => {
  test('with every reference type included, every reference resolves', covers(C.referencesResolve), async ({ teamworkDesk }) => {
    const all = await teamworkDesk.reference();
    const types = referenceTypes(all);
    test.skip(types.length === 0, 'the target returned no references to include');
    await teamworkDesk.walk({ includes: types, pageSize: Math.max(10, Math.ceil(all.length / INCLUDE_WALK_PAGES)) });
  });

  test('generated include selections resolve every reference of the types asked for', covers(C.referencesResolve), async ({ teamworkDesk }, testInfo) => {
    const all = await teamworkDesk.reference();
    const types = referenceTypes(all);
    test.skip(types.length === 0, 'the target returned no references to include');
    await checkProperty(
      testInfo,
      includeSelection({ types }),
      async (includes) => {
        await teamworkDesk.walk({ includes, pageSize: Math.max(10, Math.ceil(all.length / INCLUDE_WALK_PAGES)) }, 3);
      },
      { scale: 0.5 },
    );
  });
});
