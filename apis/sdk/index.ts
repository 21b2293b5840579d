import type { AnyCheck } from '../../checks/check';
import { sdkChecks } from '../../checks/sdk';
import { moovContract } from '../../lib/contract/moov';
import { moovTargetKind } from '../../lib/moov/target';
import { moovMockServer } from '../../mock/moov/serving';
import { describeApi } from '../descriptor';
import { sdkSelfTest } from './selfTest';
import { sdkWriteNeeds } from './writeNeeds';

/** Moov's TypeScript SDK (MOOV_SDK_MODULE, the pinned @moovio/sdk by default), judged on the Moov contract against a Moov target. */
export const sdkApi = describeApi({
  name: 'sdk',
  title: 'Moov TypeScript SDK',
  catalogueHeading: "Moov's TypeScript SDK against the target (project `sdk`)",
  contract: moovContract,
  target: moovTargetKind,
  mock: moovMockServer,
  checks: Object.values(sdkChecks) as AnyCheck[],
  // The SDK's checks judge its calls as a whole; the requests it sends are judged by SDK-REQ-001.
  responseCheckIds: [],
  projects: () => [{ name: 'sdk', testDir: './specs/sdk' }],
  // Within the Moov target's budget, after the moov project's needs (a run of every project shares one ledger).
  writeNeeds: sdkWriteNeeds,
  selfTest: sdkSelfTest,
  largeSeed: 1000,
  // A handful of calls whatever the account size, and an audit of the embedded mock's log (mock mode only).
  bench: { sizes: ['default'], sizeless: true, modes: ['mock'], sizeUnit: 'per account', targets: [] },
});
