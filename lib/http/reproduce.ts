import type { Env } from '../config/configError';
import { embeddedMockRestart } from '../config/reproduction';
import { curlFor, type Exchange } from './exchange';

/** The shell command that mints the token a Moov exchange used, so its curl runs on its own. */
function moovTokenCommand(origin: string) {
  return (scopes: string[]) =>
    `curl -sS -u "$MOOV_PUBLIC_KEY:$MOOV_SECRET_KEY" -d grant_type=client_credentials --data-urlencode ${`'scope=${scopes.join(' ')}'`} ${origin}/oauth2/token | sed -E 's/.*"access_token":"([^"]+)".*/\\1/'`;
}

/**
 * A pasteable command reproducing one exchange, secrets written as environment references; for an
 * embedded mock (gone once the run ends), preceded by the command that brings it back as it was.
 */
export function reproduceCommand(exchange: Exchange, env: Env = process.env): string {
  const origin = new URL(exchange.url).origin;
  const curl = curlFor(exchange, exchange.api === 'moov' ? moovTokenCommand(origin) : undefined);
  const restart = embeddedMockRestart(exchange.url, env);
  return restart === undefined ? curl : `${restart}  # the embedded mock, back on its port\n${curl}`;
}
