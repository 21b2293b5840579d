import type { OperationSpec } from '../../lib/contract/loadContract';
import type { Exchange } from '../../lib/http/exchange';

/**
 * valid: a request the docs say should succeed or fail in a documented way.
 * invalid-input: a request the suite made invalid on purpose; any 4xx is an acceptable answer,
 * documented for the operation or not (the pages do not list every validation status).
 * outside-reach: a request for an account the caller cannot reach; 403 and 404 are both
 * reasonable (the pages do not say which), whether or not the operation lists 404.
 */
export type Intent = 'valid' | 'invalid-input' | 'outside-reach';

/** One response, as every response check sees it. */
export interface ResponseEvidence {
  operation: OperationSpec;
  status: number;
  headers: Record<string, string>;
  text: string;
  json: unknown;
  parseError?: string;
  exchange: Exchange;
  intent: Intent;
}
