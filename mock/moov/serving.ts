import { valueOf } from '../../lib/config/configError';
import type { MockServer } from '../../lib/targets';
import { shellCredentials, tryLine } from '../shared/tryCommand';
import { MOCK_DEFAULTS, moovMockConfigFromEnv, type MoovMockConfig } from './config';
import { startMoovMock } from './server';

/** The Moov mock as global setup, the self-test, the bench and `npm run mock` start it (MOCK_* settings). */
export const moovMockServer: MockServer = {
  size: { variable: 'MOCK_SEED_TICKETS', default: MOCK_DEFAULTS.seedTicketsPerAccount },
  cleanSettings: ['MOCK_FAULTS', 'MOCK_VARIANTS', 'MOCK_RATE_LIMIT'],
  portVariable: 'MOCK_PORT',
  liveTargetEnv: (env, url, maxRps) => moovLiveTargetEnv(moovMockConfigFromEnv(env), url, maxRps),
  start: async (env, port) => {
    const config = moovMockConfigFromEnv(env);
    const mock = await startMoovMock(config, port);
    return {
      url: mock.url,
      log: mock.log,
      close: () => mock.close(),
      authorization: `Basic ${Buffer.from(`${config.publicKey}:${config.secretKey}`).toString('base64')}`,
      asLiveTarget: (maxRps) => moovLiveTargetEnv(config, mock.url, maxRps),
      describe: () => [
        `Moov ticket mock listening on ${mock.url}`,
        `  partner account   ${config.partnerAccountID} (owns the keys in MOOV_PUBLIC_KEY / MOOV_SECRET_KEY)`,
        `  connected account ${config.connectedAccountID}`,
        `  unrelated account ${config.unrelatedAccountID}`,
        ...(config.faults.size > 0 ? [`  faults on: ${[...config.faults].join(', ')}`] : []),
        ...(valueOf(env, 'MOCK_PROFILE') ? [`  answering as the profile(s) ${valueOf(env, 'MOCK_PROFILE')} say`] : []),
        ...(config.variants.size > 0 ? [`  variants on: ${[...config.variants].join(', ')}`] : []),
        tryLine(`curl -sS -u ${shellCredentials(env, ['MOOV_PUBLIC_KEY', 'MOOV_SECRET_KEY'], ':')}`, `${mock.url}/accounts/${config.partnerAccountID}/tickets?count=2`),
      ],
    };
  },
};

/**
 * The settings that address a Moov mock of these accounts and keys at `url` as a live target:
 * writes allowed, every other live setting at its default (write budget 25, consistency window
 * 5 s) whatever the caller's environment says, except the rate cap given.
 */
function moovLiveTargetEnv(config: MoovMockConfig, url: string, maxRps?: string): Record<string, string> {
  return {
    MOOV_BASE_URL: url,
    MOOV_ALLOWED_HOSTS: '', // loopback is always allowed
    MOOV_PUBLIC_KEY: config.publicKey,
    MOOV_SECRET_KEY: config.secretKey,
    MOOV_PARTNER_ACCOUNT_ID: config.partnerAccountID,
    MOOV_ACCOUNT_ID: config.connectedAccountID,
    MOOV_UNRELATED_ACCOUNT_ID: config.unrelatedAccountID,
    ALLOW_WRITES: 'true',
    MOOV_MAX_WRITES: '',
    MOOV_CONSISTENCY_MS: '',
    MOOV_MAX_RPS: maxRps ?? '',
  };
}
