import { sdkCallSucceeds } from './callSucceeds';
import { sdkRequestsConform } from './requestsConform';
import { sdkResultMatchesRaw } from './resultMatchesRaw';
import { sdkTypedErrors } from './typedErrors';

/** Checks of the `sdk` project. Registered once, through its API's descriptor (apis/index.ts `registry`). */
export const sdkChecks = { sdkCallSucceeds, sdkResultMatchesRaw, sdkRequestsConform, sdkTypedErrors } as const;
