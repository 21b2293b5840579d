import type { TransportResponse } from '../../lib/http/transport';
import type { Check } from '../check';
import { verify } from '../verify';
import type { ResponseEvidence } from './evidence';
import type { ResponseChecks } from './responseChecks';

/**
 * The checks every response of an API gets, applied in one place for every API: each API's
 * client hands its responses here instead of listing the checks again.
 */
export interface PerResponseChecks extends Pick<ResponseChecks, 'noServerError' | 'statusDocumented' | 'jsonServedAsJson' | 'bodyConforms'> {
  /** Required headers (an API whose pages document none has no such check). */
  headersPresent?: Check<ResponseEvidence>;
  /** What an error answer may not give away, and the 401 challenge (checks/security). */
  noStackTrace: Check<TransportResponse>;
  noInternals: Check<TransportResponse>;
  authChallenge: Check<TransportResponse>;
}

/**
 * Any answer at all: no 5xx, and an error answer gives nothing away (a 401 names how to
 * authenticate). For answers the contract's body and header rules do not cover too.
 */
export function judgeServed(checks: PerResponseChecks, evidence: ResponseEvidence, operation: string): void {
  const scope = { operation, status: evidence.status };
  verify(checks.noServerError, evidence, scope);
  if (evidence.status < 400) return;
  verify(checks.noStackTrace, evidence, scope);
  verify(checks.noInternals, evidence, scope);
  if (evidence.status === 401) verify(checks.authChallenge, evidence, scope);
}

/** An answer to a documented request: status documented, headers, media type and body as the contract says. */
export function judgeDocumented(checks: PerResponseChecks, evidence: ResponseEvidence, operation: string): void {
  const scope = { operation, status: evidence.status };
  verify(checks.statusDocumented, evidence, scope);
  if (checks.headersPresent) verify(checks.headersPresent, evidence, scope);
  verify(checks.jsonServedAsJson, evidence, scope);
  verify(checks.bodyConforms, evidence, scope);
}
