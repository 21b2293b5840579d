/**
 * `npm run mock`: the embedded mocks, standalone, for pointing an SDK or curl at them. Settings
 * come from the environment and .env (defaults in .env.example); MOCK_PORT picks the Moov mock's
 * port and TEAMWORK_DESK_MOCK_PORT the Teamwork Desk one's.
 */
import { ConfigError, nonNegativeInteger, valueOf } from '../lib/config/configError';
import { loadEnv } from '../lib/config/loadEnv';
import { moovMockConfigFromEnv } from './moov/config';
import { startMoovMock } from './moov/server';
import { teamworkDeskMockConfigFromEnv } from './teamwork-desk/config';
import { startTeamworkDeskMock } from './teamwork-desk/server';

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
  console.log(`Try: curl -u "$MOOV_PUBLIC_KEY:$MOOV_SECRET_KEY" ${mock.url}/accounts/${config.partnerAccountID}/tickets?count=2`);
  const desk = await startTeamworkDeskMock(teamworkDeskMockConfigFromEnv(process.env), nonNegativeInteger(process.env, 'TEAMWORK_DESK_MOCK_PORT', 0));
  console.log(`\nTeamwork Desk ticket-list mock listening on ${desk.url}`);
  console.log(`Try: curl -H "Authorization: Bearer $TEAMWORK_DESK_API_KEY" '${desk.url}/desk/api/v2/tickets.json?pageSize=2'`);
  const stop = () => void Promise.all([mock.close(), desk.close()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
