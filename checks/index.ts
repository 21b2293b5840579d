import type { Check } from './check';
import { moovChecks } from './moov';
import { CheckRegistry } from './registry';
import { sdkChecks } from './sdk';
import { teamworkDeskChecks } from './teamwork-desk';

/** The one place checks are registered: a duplicate id anywhere fails here, at start-up. */
export const registry = new CheckRegistry();
registry.register(...(Object.values(moovChecks).filter((c) => c !== undefined) as Check<never>[]));
registry.register(...(Object.values(teamworkDeskChecks) as Check<never>[]));
registry.register(...(Object.values(sdkChecks) as Check<never>[]));
