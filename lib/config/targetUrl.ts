import { ConfigError, valueOf, type Env } from './configError';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * A live target's URL, checked before any request: it must parse, use http(s), and its host must
 * be loopback or listed in `allowVariable` (fail closed, so a typo never sends writes elsewhere).
 */
export function liveBaseUrl(env: Env, urlVariable: string, allowVariable: string): URL {
  const raw = valueOf(env, urlVariable) ?? '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(urlVariable, `"${raw}" is not a URL (expected e.g. https://api.example.com)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(urlVariable, `must be http(s), got ${url.protocol}`);
  if (url.username || url.password) throw new ConfigError(urlVariable, 'must not carry credentials; use the key variables');
  const allowed = (valueOf(env, allowVariable) ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  const host = url.hostname.toLowerCase();
  if (!LOOPBACK.has(host) && !allowed.includes(host)) {
    throw new ConfigError(
      allowVariable,
      `${urlVariable} points at ${host}, which is not in ${allowVariable}. Add it (comma-separated host names) to confirm this host may be tested.`,
    );
  }
  return url;
}

export function trimmedBase(url: URL): string {
  return url.toString().replace(/\/+$/, '');
}

/**
 * Where the embedded mock standing in for a target runs (`mockVariable`, set by global setup while
 * `baseVariable` is unset); a ConfigError naming `baseVariable` when no mock is running.
 */
export function embeddedMockUrl(env: Env, baseVariable: string, mockVariable: string): string {
  const url = valueOf(env, mockVariable);
  if (url === undefined) {
    throw new ConfigError(
      baseVariable,
      `is unset, so the suite targets the embedded mock, but no mock is running. Run through \`npx playwright test\` (its global setup starts the mock), or set ${baseVariable}.`,
    );
  }
  return url;
}
