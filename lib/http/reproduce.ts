import type { Env } from '../config/configError';
import { embeddedMockRestart } from '../config/reproduction';
import { curlFor, type Exchange } from './exchange';

/**
 * A pasteable command reproducing one exchange, secrets written as environment references; for an
 * embedded mock (gone once the run ends), preceded by the command that brings it back as it was.
 */
export function reproduceCommand(exchange: Exchange, env: Env = process.env): string {
  const curl = curlFor(exchange);
  const restart = embeddedMockRestart(exchange.url, env);
  return restart === undefined ? curl : `${restart}  # the embedded mock, back on its port\n${curl}`;
}
