import { curlFor, type Exchange } from './exchange';

/** The shell command that mints the token a Moov exchange used, so its curl runs on its own. */
function moovTokenCommand(origin: string) {
  return (scopes: string[]) =>
    `curl -sS -u "$MOOV_PUBLIC_KEY:$MOOV_SECRET_KEY" -d grant_type=client_credentials --data-urlencode ${`'scope=${scopes.join(' ')}'`} ${origin}/oauth2/token | sed -E 's/.*"access_token":"([^"]+)".*/\\1/'`;
}

/** A pasteable command reproducing one exchange, secrets written as environment references. */
export function reproduceCommand(exchange: Exchange): string {
  const origin = new URL(exchange.url).origin;
  return curlFor(exchange, exchange.api === 'moov' ? moovTokenCommand(origin) : undefined);
}
