import { flag } from '../lib/config/configError';
import { reproduceCommand } from '../lib/http/reproduce';
import type { Check } from './check';
import { ConformanceFailure } from './failure';
import { outcomes } from './outcomes';

export interface VerifyScope {
  /** The operation the evidence concerns (or a sequence label such as "model"). */
  operation: string;
  /** The response status judged, when the evidence is one response. */
  status?: number;
}

const strict = () => flag(process.env, 'CONFORMANCE_STRICT');

/**
 * Runs a check on evidence and records the outcome. A finding of an error check throws a
 * ConformanceFailure (id, doc sentence, request, expected, received, reproduction); an advisory
 * finding is recorded and throws only with CONFORMANCE_STRICT=true.
 */
export function verify<Input>(check: Check<Input>, input: Input, scope: VerifyScope): void {
  const findings = check.evaluate(input);
  if (findings.length === 0) {
    outcomes.record({ checkId: check.id, operation: scope.operation, status: scope.status, outcome: 'pass' });
    return;
  }
  const exchange = findings.find((f) => f.exchange)?.exchange;
  const reproduce = exchange ? reproduceCommand(exchange) : undefined;
  const failure = new ConformanceFailure(check.id, check.title, check.severity, scope.operation, check.source, findings, reproduce);
  // Start the stack at the caller: the spec line that gathered the evidence is what readers need.
  Error.captureStackTrace(failure, verify);
  const fatal = check.severity === 'error' || strict();
  outcomes.record({
    checkId: check.id,
    operation: scope.operation,
    status: scope.status,
    outcome: fatal ? 'fail' : 'advisory',
    message: failure.message,
    exchange,
    reproduce,
  });
  if (fatal) throw failure;
}
