import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { positiveInteger } from '../../lib/config/configError';
import { loadEnv } from '../../lib/config/loadEnv';
import { playwright } from '../../lib/playwrightRun';
import { apiVersionsFrom, resolveMoovTarget } from '../../lib/moov/settings';
import { propertySettings, seedFor } from '../../lib/config/properties';
import { moovMockConfigFromEnv } from '../../mock/moov/config';
import { configError } from './support/configError';

const live = {
  MOOV_BASE_URL: 'https://api.staging.example.com',
  MOOV_ALLOWED_HOSTS: 'api.staging.example.com',
  MOOV_PUBLIC_KEY: 'pk',
  MOOV_SECRET_KEY: 'sk-secret',
  MOOV_PARTNER_ACCOUNT_ID: 'p',
  MOOV_ACCOUNT_ID: 'c',
  MOOV_UNRELATED_ACCOUNT_ID: 'u',
};

test.describe('target configuration', () => {
  test('a live target with every setting resolves, writes off unless ALLOW_WRITES=true', () => {
    const target = resolveMoovTarget(live);
    expect(target).toMatchObject({ kind: 'live', baseURL: 'https://api.staging.example.com', allowWrites: false, maxWrites: 25, consistencyMs: 5000, maxRps: 5 });
    expect(resolveMoovTarget({ ...live, ALLOW_WRITES: 'true', MOOV_MAX_WRITES: '3' })).toMatchObject({ allowWrites: true, maxWrites: 3 });
  });

  for (const variable of ['MOOV_ACCOUNT_ID', 'MOOV_SECRET_KEY', 'MOOV_PUBLIC_KEY', 'MOOV_PARTNER_ACCOUNT_ID', 'MOOV_UNRELATED_ACCOUNT_ID']) {
    test(`a live target without ${variable} stops with a message naming it`, () => {
      const error = configError(() => resolveMoovTarget({ ...live, [variable]: '' }));
      expect(error.variable).toBe(variable);
      expect(error.message).toContain('live target');
    });
  }

  test('a host outside MOOV_ALLOWED_HOSTS stops the run, naming the variable; loopback is always allowed', () => {
    const error = configError(() => resolveMoovTarget({ ...live, MOOV_ALLOWED_HOSTS: '' }));
    expect(error.variable).toBe('MOOV_ALLOWED_HOSTS');
    expect(error.message).toContain('api.staging.example.com');
    expect(resolveMoovTarget({ ...live, MOOV_BASE_URL: 'http://127.0.0.1:8080/', MOOV_ALLOWED_HOSTS: '' }).baseURL).toBe('http://127.0.0.1:8080');
  });

  test('malformed settings get clear errors', () => {
    expect(configError(() => resolveMoovTarget({ ...live, MOOV_BASE_URL: 'not a url' })).variable).toBe('MOOV_BASE_URL');
    expect(configError(() => resolveMoovTarget({ ...live, MOOV_BASE_URL: 'ftp://x' })).variable).toBe('MOOV_BASE_URL');
    expect(configError(() => resolveMoovTarget({ ...live, ALLOW_WRITES: 'yes' })).variable).toBe('ALLOW_WRITES');
    expect(configError(() => resolveMoovTarget({ ...live, MOOV_MAX_WRITES: '-1' })).variable).toBe('MOOV_MAX_WRITES');
    expect(configError(() => resolveMoovTarget({ ...live, MOOV_API_VERSION: '2024-01' })).variable).toBe('MOOV_API_VERSION');
    expect(configError(() => resolveMoovTarget({ ...live, MOOV_ACCOUNT_ID: 'p' })).message).toContain('three different accounts');
    expect(configError(() => apiVersionsFrom({ MOOV_API_VERSIONS: 'v2024.01.00,v2024.02.00' })).variable).toBe('MOOV_API_VERSIONS');
    expect(apiVersionsFrom({ MOOV_API_VERSIONS: 'v2024.01.00, latest' })).toEqual(['v2024.01.00', 'latest']);
  });

  test('the embedded mock is the target while MOOV_BASE_URL is unset; without it running, the error says how to start it', () => {
    const mockEnv = { ...live, MOOV_BASE_URL: '', MOOV_ALLOWED_HOSTS: '' };
    expect(configError(() => resolveMoovTarget(mockEnv)).message).toContain('npx playwright test');
    expect(resolveMoovTarget({ ...mockEnv, MOOV_MOCK_URL: 'http://127.0.0.1:1' })).toMatchObject({ kind: 'mock', allowWrites: true, consistencyMs: 0 });
  });

  test('property settings: runs and seed are validated; each property has its own seed', () => {
    expect(propertySettings({})).toEqual({ runs: 20, seed: 20_261_122 });
    expect(propertySettings({ CONFORMANCE_RUNS: '5', CONFORMANCE_SEED: '-7' })).toEqual({ runs: 5, seed: -7 });
    expect(configError(() => propertySettings({ CONFORMANCE_RUNS: '0' })).variable).toBe('CONFORMANCE_RUNS');
    expect(configError(() => propertySettings({ CONFORMANCE_SEED: 'abc' })).variable).toBe('CONFORMANCE_SEED');
    expect(seedFor(1, 'a')).toBe(seedFor(1, 'a'));
    expect(seedFor(1, 'a')).not.toBe(seedFor(1, 'b'));
  });

  test('mock settings: unknown faults and variants are named with the known ones', () => {
    const env = { ...live, MOOV_BASE_URL: '' };
    expect(configError(() => moovMockConfigFromEnv({ ...env, MOCK_FAULTS: 'page-gap,nope' })).message).toMatch(/MOCK_FAULTS: unknown value\(s\) "nope"; known: .*page-gap/);
    expect(configError(() => moovMockConfigFromEnv({ ...env, MOCK_VARIANTS: 'x' })).variable).toBe('MOCK_VARIANTS');
    expect(configError(() => moovMockConfigFromEnv({ ...env, MOCK_RATE_LIMIT: '0' })).variable).toBe('MOCK_RATE_LIMIT');
    expect(moovMockConfigFromEnv({ ...env, MOCK_FAULTS: 'page-gap' }).faults).toEqual(new Set(['page-gap']));
  });

  test('CONFORMANCE_ENV loads the named target file first, and names the file when it is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    writeFileSync(join(dir, '.env.staging'), 'MOOV_BASE_URL=https://staging.example.com\nMOOV_ACCOUNT_ID=staging-account\n');
    writeFileSync(join(dir, '.env.example'), 'MOOV_ACCOUNT_ID=mock-account\n');
    const env: NodeJS.ProcessEnv = { CONFORMANCE_ENV: 'staging' };
    loadEnv(env, dir);
    expect(env).toMatchObject({ MOOV_BASE_URL: 'https://staging.example.com', MOOV_ACCOUNT_ID: 'staging-account' });
    expect(configError(() => loadEnv({ CONFORMANCE_ENV: 'sandbox' }, dir)).message).toContain('.env.sandbox');
  });

  test('.env.example supplies mock defaults only while the base URL is unset; .env never overrides the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    writeFileSync(join(dir, '.env.example'), 'MOOV_BASE_URL=\nMOOV_ACCOUNT_ID=mock-account\nTEAMWORK_DESK_BASE_URL=\nTEAMWORK_DESK_API_KEY=mock-key\n');
    writeFileSync(join(dir, '.env'), 'MOOV_SECRET_KEY=from-dotenv\nMOOV_PUBLIC_KEY=from-dotenv\n');
    const mockRun: NodeJS.ProcessEnv = { MOOV_PUBLIC_KEY: 'from-environment' };
    loadEnv(mockRun, dir);
    expect(mockRun).toMatchObject({ MOOV_ACCOUNT_ID: 'mock-account', MOOV_SECRET_KEY: 'from-dotenv', MOOV_PUBLIC_KEY: 'from-environment', TEAMWORK_DESK_API_KEY: 'mock-key' });
    const liveRun: NodeJS.ProcessEnv = { MOOV_BASE_URL: 'https://api.example.com' };
    loadEnv(liveRun, dir);
    expect(liveRun.MOOV_ACCOUNT_ID).toBeUndefined();
  });

  test('cp .env.example .env: every empty value means unset, and every setting resolves as if it were absent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    const example = readFileSync(join(__dirname, '../../.env.example'), 'utf8');
    writeFileSync(join(dir, '.env.example'), example);
    writeFileSync(join(dir, '.env'), example);
    const env: NodeJS.ProcessEnv = {};
    loadEnv(env, dir);
    const empty = Object.entries(env).filter(([, value]) => value?.trim() === '');
    expect(empty).toEqual([]);
    expect(positiveInteger(env, 'CONFORMANCE_WORKERS', 2)).toBe(2);
    expect(propertySettings(env).runs).toBe(20);
  });

  test('an empty CONFORMANCE_WORKERS in the environment is unset for playwright.config.ts; a bad one is named', async () => {
    const ok = await playwright(['test', '--list', '--project=unit', 'specs/unit/config.spec.ts'], { CONFORMANCE_WORKERS: '' });
    expect(ok.output).not.toContain('positive number');
    expect(ok.code).toBe(0);
    const bad = await playwright(['test', '--list', '--project=unit', 'specs/unit/config.spec.ts'], { CONFORMANCE_WORKERS: 'two' });
    expect(bad.code).not.toBe(0);
    expect(bad.output).toContain('CONFORMANCE_WORKERS: must be a positive number, got "two"');
  });

  test('every missing setting is named at once, with the file to set it in', () => {
    const error = configError(() => resolveMoovTarget({ ...live, MOOV_PUBLIC_KEY: '', MOOV_SECRET_KEY: '', MOOV_UNRELATED_ACCOUNT_ID: '' }));
    expect(error.message).toMatch(/^MOOV_PUBLIC_KEY, MOOV_SECRET_KEY, MOOV_UNRELATED_ACCOUNT_ID: are not set \(/);
    expect(error.message).toContain('Set them in the environment or in .env (see .env.example).');
    const staging = configError(() => resolveMoovTarget({ ...live, CONFORMANCE_ENV: 'staging', MOOV_SECRET_KEY: '' }));
    expect(staging.message).toContain('Set it in the environment or in .env.staging (CONFORMANCE_ENV=staging; see targets/staging.env.example).');
  });
});
