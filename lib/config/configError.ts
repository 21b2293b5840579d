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

export function required(env: Env, name: string, why: string): string {
  const value = valueOf(env, name);
  if (value === undefined) throw new ConfigError(name, `is not set; ${why}. Set it in the environment or in .env (see .env.example).`);
  return value;
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
