import { test } from './support/fixtures';
import { extendTimeLimit } from '../support/timeLimit';
import { calibrateTeamworkDesk } from '../../lib/calibration/calibrate';
import { reportDrift } from '../../lib/calibration/drift';
import { profileFor } from '../../lib/calibration/profile';
import { resolveTeamworkDeskTarget } from '../../lib/config/teamworkDeskTarget';

/** As specs/moov/drift.spec.ts, for a Teamwork Desk profile (reads only). */
test('the target answers at the docs\' silent points as its profile says (CONFORMANCE_PROFILE)', async ({ request }, testInfo) => {
  const found = profileFor(process.env, 'CONFORMANCE_PROFILE', 'teamwork-desk');
  test.skip(!found, 'no Teamwork Desk profile in CONFORMANCE_PROFILE (npm run calibrate writes one)');
  await reportDrift(testInfo, found!, await calibrateTeamworkDesk(request, resolveTeamworkDeskTarget(process.env), { onTimeNeeded: extendTimeLimit(testInfo) }));
});
