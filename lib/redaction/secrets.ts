/**
 * Every secret the suite knows, and how to write it in output: as a shell reference
 * ($MOOV_SECRET_KEY) so a reproduction command still works, never as its value.
 */
export interface SecretEntry {
  value: string;
  /** What to write instead, e.g. "$MOOV_SECRET_KEY" or "$MOOV_TOKEN". */
  reference: string;
}

/** Variables whose values are secrets wherever they appear. */
export const SECRET_VARIABLES = ['MOOV_SECRET_KEY', 'MOOV_PUBLIC_KEY', 'TEAMWORK_DESK_API_KEY'] as const;

const MIN_LENGTH = 4; // shorter "secrets" would redact ordinary text

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

  /** Registers the secret variables of `env`, plus the Basic credential built from the Moov pair. */
  addFromEnv(env: Readonly<Record<string, string | undefined>>): void {
    for (const name of SECRET_VARIABLES) this.add(env[name], `$${name}`);
    const pub = env.MOOV_PUBLIC_KEY;
    const sec = env.MOOV_SECRET_KEY;
    if (pub && sec) this.add(Buffer.from(`${pub}:${sec}`).toString('base64'), '$MOOV_BASIC_CREDENTIALS');
    const tw = env.TEAMWORK_DESK_API_KEY;
    if (tw) this.add(Buffer.from(`${tw}:x`).toString('base64'), '$TEAMWORK_DESK_BASIC_CREDENTIALS');
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
