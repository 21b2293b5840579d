import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';
import { valueOf, type Env } from '../../lib/config/configError';
import { shellQuote } from '../../lib/shell';

const EXAMPLE = parse(readFileSync(resolve(__dirname, '../../.env.example')));

/**
 * The credentials of a command to paste into a fresh shell. The mock's own default keys (from
 * .env.example) are written inline: they are no secret and no shell defines them. Keys that come
 * from the user's environment or .env are written as shell references, never printed.
 */
export function shellCredentials(env: Env, names: string[], join: string, prefix = ''): string {
  const defaults = names.every((n) => valueOf(env, n) === valueOf(EXAMPLE, n));
  return defaults ? shellQuote(`${prefix}${names.map((n) => EXAMPLE[n] ?? '').join(join)}`) : `"${prefix}${names.map((n) => `$${n}`).join(join)}"`;
}

/** `Try: <curl ...> '<url>'`: one line a user pastes to see the mock answer. */
export function tryLine(curl: string, url: string): string {
  return `Try: ${curl} ${shellQuote(url)}`;
}
