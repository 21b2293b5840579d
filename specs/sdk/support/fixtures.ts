import { test as base } from '../../support/selftestCase';
import { outcomes } from '../../../checks/outcomes';
import { loadEnv } from '../../../lib/config/loadEnv';
import { resolveMoovTarget, type MoovTarget } from '../../../lib/moov/settings';
import { propertySettings } from '../../../lib/config/properties';
import { runId } from '../../../lib/config/run';
import { moovContract } from '../../../lib/contract/moov';
import { loadMoovSdk, type LoadedSdk } from '../../../lib/sdk/moovSdk';
import { attachOutcomes } from '../../support/outcomes';
import { SdkHarness } from './harness';

/** The contract version line the report prints next to the SDK's. */
export function contractVersions(): string {
  const contract = moovContract();
  const documented = contract.operations().filter((o) => o.documentedVersion).map((o) => `${o.id} ${o.documentedVersion}`);
  return `schemas/moov/openapi.yaml: default ${contract.defaultVersion}; ${documented.join(', ')}`;
}

export const test = base.extend<{ sdk: SdkHarness }, { sdkTarget: { target: MoovTarget; loaded: LoadedSdk } }>({
  sdkTarget: [
    async ({}, use) => {
      loadEnv();
      await use({ target: resolveMoovTarget(process.env), loaded: loadMoovSdk(process.env) });
    },
    { scope: 'worker' },
  ],
  sdk: async ({ sdkTarget }, use, testInfo) => {
    outcomes.drain();
    const harness = new SdkHarness(sdkTarget.loaded, sdkTarget.target);
    await use(harness);
    const { loaded, target } = sdkTarget;
    await attachOutcomes(
      testInfo,
      { requests: harness.raw.length, rateLimited: harness.raw.filter((r) => r.status === 429).length, created: 0, closed: 0 },
      {
        api: 'sdk',
        target: target.baseURL,
        targetKind: target.kind,
        version: `X-Moov-Version ${loaded.versionHeader} (sent by the SDK)`,
        seed: propertySettings(process.env).seed,
        runId: runId(process.env),
        details: { SDK: `${loaded.spec} ${loaded.version}`, 'X-Moov-Version sent': loaded.versionHeader, contract: contractVersions() },
      },
    );
  },
});

export { expect } from '@playwright/test';
