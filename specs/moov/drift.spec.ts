import { test } from './support/fixtures';
import { extendTimeLimit } from '../support/timeLimit';
import { reportDrift } from '../../lib/calibration/drift';
import { moovCalibration } from '../../lib/calibration/moov';
import { profileFor } from '../../lib/calibration/profile';
import { valueOf } from '../../lib/config/configError';

/**
 * With CONFORMANCE_PROFILE naming a Moov profile, the calibration probes run once more (a fixed
 * few dozen requests) and every silent point answered otherwise than the profile says is a drift
 * finding: advisory, fatal under CONFORMANCE_STRICT=true.
 */
test('the target answers at the docs\' silent points as its profile says (CONFORMANCE_PROFILE)', async ({ request }, testInfo) => {
  const found = profileFor(process.env, 'CONFORMANCE_PROFILE', moovCalibration);
  test.skip(!found, 'no Moov profile in CONFORMANCE_PROFILE (npm run calibrate writes one)');
  // On a live target the run's write plan has no share for these probes: they read only there.
  const writesOff = valueOf(process.env, 'MOOV_BASE_URL') !== undefined ? 'the drift check reads only on a live target (its writes are not in the run\'s write plan)' : undefined;
  const now = await moovCalibration.probe(request, process.env, { label: `drift-${testInfo.workerIndex}`, writesOff, onTimeNeeded: extendTimeLimit(testInfo) });
  await reportDrift(testInfo, found!, now);
});
