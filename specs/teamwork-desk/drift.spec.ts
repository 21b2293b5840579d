import { test } from './support/fixtures';
import { extendTimeLimit } from '../support/timeLimit';
import { reportDrift } from '../../lib/calibration/drift';
import { profileFor } from '../../lib/calibration/profile';
import { teamworkDeskCalibration } from '../../lib/calibration/teamworkDesk';

/** As specs/moov/drift.spec.ts, for a Teamwork Desk profile (reads only). */
test('the target answers at the docs\' silent points as its profile says (CONFORMANCE_PROFILE)', async ({ request }, testInfo) => {
  const found = profileFor(process.env, 'CONFORMANCE_PROFILE', teamworkDeskCalibration);
  test.skip(!found, 'no Teamwork Desk profile in CONFORMANCE_PROFILE (npm run calibrate writes one)');
  await reportDrift(testInfo, found!, await teamworkDeskCalibration.probe(request, process.env, { label: 'drift', onTimeNeeded: extendTimeLimit(testInfo) }));
});
