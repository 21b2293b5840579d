import type { AnyCheck } from '../../checks/check';
import { moovChecks } from '../../checks/moov';
import { moovCalibration } from '../../lib/calibration/moov';
import { apiVersionsFrom } from '../../lib/moov/settings';
import { moovContract } from '../../lib/contract/moov';
import { moovTargetKind } from '../../lib/moov/target';
import { moovMockServer } from '../../mock/moov/serving';
import { moovResponseChecks } from '../../checks/moov/response';
import { describeApi } from '../descriptor';
import { moovSelfTest } from './selfTest';
import { moovWriteNeeds } from './writeNeeds';

export const moovApi = describeApi({
  name: 'moov',
  title: 'Moov support tickets',
  catalogueHeading: 'Moov support tickets (project `moov`)',
  contract: moovContract,
  target: moovTargetKind,
  mock: moovMockServer,
  checks: Object.values(moovChecks).filter((c) => c !== undefined) as AnyCheck[],
  responseCheckIds: Object.values(moovResponseChecks).flatMap((c) => (c === undefined ? [] : [c.id])),
  // `moov` is always there; MOOV_API_VERSIONS adds one `moov@<version>` project per version.
  projects: (env) => [
    { name: 'moov', testDir: './specs/moov' },
    ...apiVersionsFrom(env).map((version) => ({ name: `moov@${version}`, testDir: './specs/moov', use: { moovApiVersion: version } })),
  ],
  writeNeeds: moovWriteNeeds,
  calibration: moovCalibration,
  selfTest: moovSelfTest,
  largeSeed: 1000, // per account (three accounts)
  bench: {
    sizes: ['default', '0', '1000', '10000'],
    sizeUnit: 'per account',
    targets: [
      { mode: 'mock', size: 'default', maxSeconds: 5 },
      { mode: 'live', size: '10000', maxRequests: 1000, maxSeconds: 180 },
    ],
  },
});
