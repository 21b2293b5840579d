import type { OperationSpec } from '../../lib/contract/loadContract';
import type { TransportResponse } from '../../lib/http/transport';

/**
 * valid: a request the docs say should succeed or fail in a documented way.
 * invalid-input: a request the suite made invalid on purpose; any 4xx is an acceptable answer,
 * documented for the operation or not (the pages do not list every validation status).
 * outside-reach: a request for an account the caller cannot reach; 403 and 404 are both
 * reasonable (the pages do not say which), whether or not the operation lists 404.
 */
export type Intent = 'valid' | 'invalid-input' | 'outside-reach';

/** One response, as every response check sees it: what the transport received, and why it was asked. */
export interface ResponseEvidence extends TransportResponse {
  operation: OperationSpec;
  intent: Intent;
}
