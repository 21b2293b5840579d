/**
 * `npm run mock`: the embedded mocks, standalone, for pointing an SDK or curl at them. Settings
 * come from the environment and .env (defaults in .env.example); MOCK_PORT picks the Moov mock's
 * port and TEAMWORK_DESK_MOCK_PORT the Teamwork Desk one's.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';
import { ConfigError, nonNegativeInteger, valueOf } from '../lib/config/configError';
import { shellQuote } from '../lib/shell';
import { loadEnv } from '../lib/config/loadEnv';
import { moovMockConfigFromEnv } from './moov/config';
import { startMoovMock } from './moov/server';
import { teamworkDeskMockConfigFromEnv } from './teamwork-desk/config';
import { startTeamworkDeskMock } from './teamwork-desk/server';

const EXAMPLE = parse(readFileSync(resolve(__dirname, '../.env.example')));

/**
 * The credentials of a command to paste into a fresh shell. The mock's own default keys (from
 * .env.example) are written inline: they are no secret and no shell defines them. Keys that come
 * from the user's environment or .env are written as shell references, never printed.
 */
function credentials(names: string[], join: string, prefix = ''): string {
  const defaults = names.every((n) => valueOf(process.env, n) === valueOf(EXAMPLE, n));
  return defaults ? shellQuote(`${prefix}${names.map((n) => EXAMPLE[n] ?? '').join(join)}`) : `"${prefix}${names.map((n) => `$${n}`).join(join)}"`;
}

function tryCommand(curl: string, url: string): string {
  return `${curl} ${shellQuote(url)}`;
}

async function main(): Promise<void> {
  loadEnv();
  const config = moovMockConfigFromEnv(process.env);
  const port = nonNegativeInteger(process.env, 'MOCK_PORT', 0);
  const mock = await startMoovMock(config, port);
  console.log(`Moov ticket mock listening on ${mock.url}`);
  console.log(`  partner account   ${config.partnerAccountID} (owns the keys in MOOV_PUBLIC_KEY / MOOV_SECRET_KEY)`);
  console.log(`  connected account ${config.connectedAccountID}`);
  console.log(`  unrelated account ${config.unrelatedAccountID}`);
  if (config.faults.size > 0) console.log(`  faults on: ${[...config.faults].join(', ')}`);
  if (valueOf(process.env, 'MOCK_PROFILE')) console.log(`  answering as the profile(s) ${valueOf(process.env, 'MOCK_PROFILE')} say`);
  if (config.variants.size > 0) console.log(`  variants on: ${[...config.variants].join(', ')}`);
  console.log(`Try: ${tryCommand(`curl -sS -u ${credentials(['MOOV_PUBLIC_KEY', 'MOOV_SECRET_KEY'], ':')}`, `${mock.url}/accounts/${config.partnerAccountID}/tickets?count=2`)}`);
  const desk = await startTeamworkDeskMock(teamworkDeskMockConfigFromEnv(process.env), nonNegativeInteger(process.env, 'TEAMWORK_DESK_MOCK_PORT', 0));
  console.log(`\nTeamwork Desk ticket-list mock listening on ${desk.url}`);
  console.log(`Try: ${tryCommand(`curl -sS -H ${credentials(['TEAMWORK_DESK_API_KEY'], '', 'Authorization: Bearer ')}`, `${desk.url}/desk/api/v2/tickets.json?pageSize=2`)}`);
  const stop = () => void Promise.all([mock.close(), desk.close()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
