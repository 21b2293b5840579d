/**
 * Every secret the suite knows, and how to write it in output: as a shell reference
 * ($MOOV_SECRET_KEY) so a reproduction command still works, never as its value.
 */
export interface SecretEntry {
  value: string;
  /** What to write instead, e.g. "$MOOV_SECRET_KEY" or "$MOOV_TOKEN". */
  reference: string;
}

/**
 * Variables whose values are secrets wherever they appear, by name: every key, secret, token or
 * password an API's settings define (MOOV_PUBLIC_KEY, MOOV_SECRET_KEY, TEAMWORK_DESK_API_KEY...),
 * so a new API's credentials are redacted without a list to keep.
 */
export function isSecretVariable(name: string): boolean {
  return /(^|_)(KEY|SECRET|TOKEN|PASSWORD)$/.test(name);
}

const MIN_LENGTH = 4; // shorter "secrets" would redact ordinary text
const MIN_NAMED_LENGTH = 8;

class SecretRegistry {
  private entries: SecretEntry[] = [];

  add(value: string | undefined, reference: string): void {
    if (value === undefined || value.length < MIN_LENGTH) return;
    if (this.entries.some((e) => e.value === value)) return;
    this.entries.push({ value, reference });
    // The forms a value takes in a URL (a credential sent in the query string) are the same secret.
    for (const encoded of new Set([encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2)])) {
      if (encoded !== value && !this.entries.some((e) => e.value === encoded)) this.entries.push({ value: encoded, reference });
    }
    // Longest first, so a secret that contains another is replaced whole.
    this.entries.sort((a, b) => b.value.length - a.value.length);
  }

  /**
   * Registers the secret variables of `env`. Credentials an API builds from them (a Basic pair)
   * are registered where its target's settings resolve (lib/<api>/settings.ts).
   */
  addFromEnv(env: Readonly<Record<string, string | undefined>>): void {
    // Found by name only, so a short value (a flag such as `true`) is no secret: redacting it would garble ordinary text.
    for (const [name, value] of Object.entries(env)) if (isSecretVariable(name) && (value ?? '').length >= MIN_NAMED_LENGTH) this.add(value, `$${name}`);
  }

  /** Registers a Basic credential `user:password` as `reference`. */
  addBasic(user: string | undefined, password: string, reference: string): void {
    if (user) this.add(Buffer.from(`${user}:${password}`).toString('base64'), reference);
  }

  redact(text: string): string {
    let out = text;
    for (const { value, reference } of this.entries) out = out.split(value).join(reference);
    return out;
  }

  /** `text` with each secret (in any of its forms) replaced by what `replace` makes of it. */
  substitute(text: string, replace: (value: string) => string): string {
    let out = text;
    for (const { value } of this.entries) if (out.includes(value)) out = out.split(value).join(replace(value));
    return out;
  }

  /** Redacts every string inside a JSON-like value. */
  redactDeep<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.redactDeep(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.redactDeep(v)])) as T;
    }
    return value;
  }
}

export const secrets = new SecretRegistry();
secrets.addFromEnv(process.env);

/** Headers that carry credentials: their values are never written out. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const scheme = /^(\w+)\s/.exec(value)?.[1] ?? '';
      out[name] = `${scheme} [redacted]`.trim();
    } else if (lower === 'cookie' || lower === 'set-cookie' || lower === 'x-api-key') {
      out[name] = '[redacted]';
    } else {
      out[name] = secrets.redact(value);
    }
  }
  return out;
}
