import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';
import { ConfigError } from './configError';

const root = resolve(__dirname, '../..');

/**
 * Target groups, one per `<PREFIX>_BASE_URL` in .env.example (every kind of target documents its
 * base URL there): a group's defaults (the embedded mock's accounts and keys, every `<PREFIX>_*`)
 * apply only while its base URL is unset, so a live run never silently borrows mock settings.
 */
function groupsOf(defaults: Record<string, string>): Array<{ prefix: string; baseUrl: string }> {
  return Object.keys(defaults).flatMap((key) => (key.endsWith('_BASE_URL') ? [{ prefix: key.slice(0, -'BASE_URL'.length), baseUrl: key }] : []));
}

let loaded = false;

/**
 * Loads the target's env file when CONFORMANCE_ENV names one (.env.staging for
 * CONFORMANCE_ENV=staging), then .env, never overriding the real environment; then the mock
 * defaults from .env.example.
 */
export function loadEnv(env: NodeJS.ProcessEnv = process.env, dir = root): void {
  if (loaded && env === process.env) return;
  loaded = env === process.env;
  const read = (file: string): Record<string, string> => {
    const path = resolve(dir, file);
    return existsSync(path) ? parse(readFileSync(path)) : {};
  };
  const named = env.CONFORMANCE_ENV?.trim();
  if (named) {
    if (!/^[\w-]+$/.test(named) || !existsSync(resolve(dir, `.env.${named}`))) {
      throw new ConfigError('CONFORMANCE_ENV', `names "${named}" but there is no .env.${named} (copy targets/${named}.env.example to .env.${named})`);
    }
  }
  for (const file of named ? [`.env.${named}`, '.env'] : ['.env']) {
    for (const [key, value] of Object.entries(read(file))) {
      // An empty value in a file means unset (`cp .env.example .env` leaves most of them empty).
      if (env[key] === undefined && value.trim() !== '') env[key] = value;
    }
  }
  const defaults = read('.env.example');
  for (const group of groupsOf(defaults)) {
    if ((env[group.baseUrl] ?? '').trim() !== '') continue;
    for (const [key, value] of Object.entries(defaults)) {
      if (key.startsWith(group.prefix) && value !== '' && (env[key] ?? '') === '') env[key] = value;
    }
  }
}
