import { sdkCallSucceeds } from './callSucceeds';
import { sdkRequestsConform } from './requestsConform';
import { sdkResultMatchesRaw } from './resultMatchesRaw';
import { sdkTypedErrors } from './typedErrors';

/** Checks of the `sdk` project. Registered once, in checks/index.ts. */
export const sdkChecks = { sdkCallSucceeds, sdkResultMatchesRaw, sdkRequestsConform, sdkTypedErrors } as const;
