import { MOCK_DEFAULTS, recordedReadings, type MoovMockConfig } from '../../../mock/moov/config';
import type { FaultName } from '../../../mock/moov/faults';
import type { VariantName } from '../../../mock/moov/variants';
import type { Weather } from '../../../mock/shared/weather';
import { startMoovMock, type RunningMoovMock } from '../../../mock/moov/server';

export const IDS = {
  partner: '11111111-1111-4111-8111-111111111111',
  connected: '22222222-2222-4222-8222-222222222222',
  unrelated: '33333333-3333-4333-8333-333333333333',
};
export const KEYS = { publicKey: 'unit-public', secretKey: 'unit-secret' };

export function mockConfig(options: { faults?: FaultName[]; variants?: VariantName[]; rateLimit?: number; weather?: Weather; now?: () => Date } = {}): MoovMockConfig {
  return {
    partnerAccountID: IDS.partner,
    connectedAccountID: IDS.connected,
    unrelatedAccountID: IDS.unrelated,
    ...KEYS,
    faults: new Set(options.faults ?? []),
    variants: new Set(options.variants ?? []),
    ...recordedReadings(new Set(options.variants ?? [])),
    rateLimit: options.rateLimit,
    ...MOCK_DEFAULTS,
    weather: options.weather,
    now: options.now ?? (() => new Date()),
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** A tiny client for the mock's own tests: Node's fetch, Basic auth by default. */
export class MockClient {
  constructor(readonly mock: RunningMoovMock) {}

  static async start(options: Parameters<typeof mockConfig>[0] = {}): Promise<MockClient> {
    return new MockClient(await startMoovMock(mockConfig(options)));
  }

  basic(user = KEYS.publicKey, password = KEYS.secretKey): string {
    return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }

  async send(method: string, path: string, options: { auth?: string | null; body?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    const auth = options.auth === undefined ? this.basic() : options.auth;
    if (auth !== null) headers.authorization = auth;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.mock.url + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  async token(scopes: string[]): Promise<string> {
    const reply = await this.send('POST', '/oauth2/token', {
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: scopes.join(' ') }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    if (reply.status !== 200) throw new Error(`token: ${reply.status} ${reply.text}`);
    return `Bearer ${(reply.body as { access_token: string }).access_token}`;
  }

  close(): Promise<void> {
    return this.mock.close();
  }
}
