import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';
import { PROJECT_ROOT } from './run';

let documented: string[] | undefined;

/** The setting names .env.example documents (every setting a user sets is there), in its order. */
export function documentedSettings(): readonly string[] {
  documented ??= Object.keys(parse(readFileSync(resolve(PROJECT_ROOT, '.env.example'))));
  return documented;
}

/** The prefixes of the kinds of target: each documents `<PREFIX>_BASE_URL` ("MOOV_", "TEAMWORK_DESK_"). */
export function targetPrefixes(): string[] {
  return documentedSettings().flatMap((name) => (name.endsWith('_BASE_URL') ? [name.slice(0, -'BASE_URL'.length)] : []));
}
