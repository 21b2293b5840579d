/** A wrong or missing setting. Its message names the variable and says what to do. */
export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value, with empty strings counting as unset (as .env files write them). */
export function valueOf(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Where a setting is set: the named target's file when CONFORMANCE_ENV names one, else .env. */
function settingsFile(env: Env): string {
  const named = valueOf(env, 'CONFORMANCE_ENV');
  return named === undefined ? '.env (see .env.example)' : `.env.${named} (CONFORMANCE_ENV=${named}; see targets/${named}.env.example)`;
}

export function required(env: Env, name: string, why: string): string {
  return requiredAll(env, { [name]: why })[name]!;
}

/**
 * Every one of `settings` (name → why it is needed), or one ConfigError naming all the missing
 * ones at once: a user fixes their settings in one go, not one run per variable.
 */
export function requiredAll<Name extends string>(env: Env, settings: Record<Name, string>): Record<Name, string> {
  const names = Object.keys(settings) as Name[];
  const missing = names.filter((name) => valueOf(env, name) === undefined);
  if (missing.length === 1) throw new ConfigError(missing[0]!, `is not set; ${settings[missing[0]!]}. Set it in the environment or in ${settingsFile(env)}.`);
  if (missing.length > 1) {
    throw new ConfigError(missing.join(', '), `are not set (${missing.map((n) => `${n}: ${settings[n]}`).join('; ')}). Set them in the environment or in ${settingsFile(env)}.`);
  }
  return Object.fromEntries(names.map((name) => [name, valueOf(env, name)!])) as Record<Name, string>;
}

export function positiveNumber(env: Env, name: string, fallback: number): number {
  const raw = valueOf(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(name, `must be a positive number, got "${raw}"`);
  return value;
}

export function positiveInteger(env: Env, name: string, fallback: number): number {
  const value = positiveNumber(env, name, fallback);
  if (!Number.isInteger(value)) throw new ConfigError(name, `must be a whole number, got "${valueOf(env, name)}"`);
  return value;
}

export function nonNegativeInteger(env: Env, name: string, fallback: number): number {
  const raw = valueOf(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number ≥ 0, got "${raw}"`);
  return Number(raw);
}

export function flag(env: Env, name: string): boolean {
  const raw = valueOf(env, name);
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** A comma-separated list whose every entry must be one of `allowed`. */
export function listOf<T extends string>(env: Env, name: string, allowed: readonly T[]): T[] {
  const raw = valueOf(env, name);
  if (raw === undefined) return [];
  const entries = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = entries.filter((e) => !(allowed as readonly string[]).includes(e));
  if (unknown.length > 0) {
    throw new ConfigError(name, `unknown value(s) ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${allowed.join(', ')}`);
  }
  return entries as T[];
}
