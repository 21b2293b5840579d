import type { AnyCheck } from '../../checks/check';
import { teamworkDeskChecks } from '../../checks/teamwork-desk';
import { teamworkDeskCalibration } from '../../lib/calibration/teamworkDesk';
import { teamworkDeskContract } from '../../lib/contract/teamworkDesk';
import { teamworkDeskTargetKind } from '../../lib/teamworkDesk/target';
import { teamworkDeskMockServer } from '../../mock/teamwork-desk/serving';
import { teamworkDeskResponseChecks } from '../../checks/teamwork-desk/response';
import { describeApi } from '../descriptor';
import { teamworkDeskSelfTest } from './selfTest';

export const teamworkDeskApi = describeApi({
  name: 'teamwork-desk',
  title: 'Teamwork Desk ticket list',
  catalogueHeading: 'Teamwork Desk ticket list (project `teamwork-desk`)',
  contract: teamworkDeskContract,
  target: teamworkDeskTargetKind,
  mock: teamworkDeskMockServer,
  checks: Object.values(teamworkDeskChecks) as AnyCheck[],
  responseCheckIds: Object.values(teamworkDeskResponseChecks).flatMap((c) => (c === undefined ? [] : [c.id])),
  projects: () => [{ name: 'teamwork-desk', testDir: './specs/teamwork-desk' }],
  calibration: teamworkDeskCalibration,
  selfTest: teamworkDeskSelfTest,
  // Past the 200 tickets judged whole, so the site is judged in windows, and no multiple of 25,
  // 50 or 100: its last page is partial at every page size the suite uses.
  largeSeed: 2060,
  bench: {
    sizes: ['default', '0', '1000', '20000'],
    targets: [
      { mode: 'mock', size: 'default', maxSeconds: 6 },
      { size: '20000', maxRequests: 1500 },
    ],
  },
});
