import { test } from './support/fixtures';
import { extendTimeLimit } from '../support/timeLimit';
import { calibrateMoov } from '../../lib/calibration/calibrate';
import { reportDrift } from '../../lib/calibration/drift';
import { profileFor } from '../../lib/calibration/profile';
import { resolveMoovTarget } from '../../lib/config/moovTarget';
import { TicketWrites } from '../../lib/moov/ticketWrites';

/**
 * With CONFORMANCE_PROFILE naming a Moov profile, the calibration probes run once more (a fixed
 * few dozen requests) and every silent point answered otherwise than the profile says is a drift
 * finding: advisory, fatal under CONFORMANCE_STRICT=true.
 */
test('the target answers at the docs\' silent points as its profile says (CONFORMANCE_PROFILE)', async ({ request }, testInfo) => {
  const found = profileFor(process.env, 'CONFORMANCE_PROFILE', 'moov');
  test.skip(!found, 'no Moov profile in CONFORMANCE_PROFILE (npm run calibrate writes one)');
  const target = resolveMoovTarget(process.env);
  // On a live target the run's write plan has no share for these probes: they read only there.
  const writesOff = target.kind === 'live' ? 'the drift check reads only on a live target (its writes are not in the run\'s write plan)' : undefined;
  let n = 0;
  const now = await calibrateMoov(request, target, { writesOff, onTimeNeeded: extendTimeLimit(testInfo), label: () => TicketWrites.foreignID(process.env, `drift-${testInfo.workerIndex}-${++n}`) });
  await reportDrift(testInfo, found!, now);
});
