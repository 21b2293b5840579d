import { redactHeaders, secrets } from '../redaction/secrets';
import { shellQuote } from '../shell';

/** How a request authenticated, described without its secret. */
export type AuthDescription =
  | { kind: 'key'; user: string; password: string }
  /** `mint`: the shell command that prints a token with these scopes (credentials as references), so the curl runs on its own. */
  | { kind: 'token'; scopes: string[]; tokenRef: string; mint?: string }
  | { kind: 'none' }
  | { kind: 'literal'; header: string; note: string }
  /** Credentials from environment variables: curl arguments with shell references, e.g. -u "$KEY:x". */
  | { kind: 'reference'; curlArgs: string[]; note: string };

/** One request and its response, redacted, as reports and failure messages show it. */
export interface Exchange {
  api: string;
  operation: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  auth: AuthDescription;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
  durationMs: number;
  startedAt: string;
}

export interface RawExchange extends Omit<Exchange, 'requestHeaders' | 'responseHeaders' | 'responseBody' | 'requestBody' | 'url'> {
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  responseHeaders: Record<string, string>;
  responseBody: string;
}

const MAX_BODY_CHARS = 16_000;

function clip(text: string): string {
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}… [${text.length - MAX_BODY_CHARS} more characters]` : text;
}

/** The only way an exchange is built: every field passes through redaction. */
export function redactExchange(raw: RawExchange): Exchange {
  return {
    ...raw,
    // A deliberately wrong credential may still be built from real keys (a swapped pair).
    auth: raw.auth.kind === 'literal' ? { ...raw.auth, header: secrets.redact(raw.auth.header) } : raw.auth,
    url: secrets.redact(raw.url),
    requestHeaders: redactHeaders(raw.requestHeaders),
    requestBody: raw.requestBody === undefined ? undefined : clip(secrets.redact(raw.requestBody)),
    responseHeaders: redactHeaders(raw.responseHeaders),
    responseBody: clip(secrets.redact(raw.responseBody)),
  };
}


/**
 * A curl command that replays the request. Credentials appear as shell references
 * ("$MOOV_SECRET_KEY"), so the command is safe to paste into a ticket and still runs.
 */
export function curlFor(exchange: Exchange): string {
  const parts = ['curl', '-sS', '-i', '-X', exchange.method, shellQuote(exchange.url)];
  const auth = exchange.auth;
  let prelude = '';
  if (auth.kind === 'key') parts.push('-u', `"${auth.user}:${auth.password}"`);
  if (auth.kind === 'token') {
    parts.push('-H', `"Authorization: Bearer ${auth.tokenRef}"`);
    if (auth.mint) prelude = `${auth.tokenRef.slice(1)}=$(${auth.mint}) && \\\n  `;
  }
  if (auth.kind === 'literal') parts.push('-H', shellQuote(`Authorization: ${auth.header}`));
  // Double quotes on purpose: the shell must expand the variable references.
  if (auth.kind === 'reference') parts.push(...auth.curlArgs);
  for (const [name, value] of Object.entries(exchange.requestHeaders)) {
    const lower = name.toLowerCase();
    if (['authorization', 'content-length', 'host', 'connection', 'accept-encoding', 'user-agent'].includes(lower)) continue;
    parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (exchange.requestBody !== undefined) parts.push('--data-binary', shellQuote(exchange.requestBody));
  return prelude + parts.join(' ');
}

/** One readable paragraph: request line, status, body (clipped), for failure messages. */
export function describeExchange(exchange: Exchange, bodyChars = 600): string {
  const body = exchange.responseBody.length > bodyChars ? `${exchange.responseBody.slice(0, bodyChars)}…` : exchange.responseBody;
  const sent = exchange.requestBody === undefined ? '' : `\n  sent body: ${exchange.requestBody.length > bodyChars ? `${exchange.requestBody.slice(0, bodyChars)}…` : exchange.requestBody}`;
  return `${exchange.method} ${exchange.url} (auth: ${authLabel(exchange.auth)})${sent}\n  → ${exchange.status} ${body === '' ? '(empty body)' : body}`;
}

export function authLabel(auth: AuthDescription): string {
  switch (auth.kind) {
    case 'key':
      return 'API key pair (HTTP Basic)';
    case 'token':
      return `token with scopes [${auth.scopes.join(' ')}]`;
    case 'none':
      return 'none';
    case 'literal':
    case 'reference':
      return auth.note;
  }
}
