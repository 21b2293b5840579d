import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { selectedProjects } from '../../lib/config/selectedProjects';
import { apiOfSuiteProject } from '../../apis';
import { preflight } from '../../lib/http/preflight';
import { weatherFromEnv } from '../../mock/shared/weather';
import { configError } from './support/configError';
import { IDS, MockClient } from './support/moovMock';

const TICKETS = `/accounts/${IDS.partner}/tickets`;
const body = (foreignID: string) => ({ title: 'Weather', body: 'b', contact: { email: 'a@example.com' }, foreignID });

test.describe('MOCK_WEATHER: a gateway in front of a correct mock', () => {
  test('presets and settings combine, later ones winning; bad entries are refused naming them', () => {
    expect(weatherFromEnv({})).toBeUndefined();
    expect(weatherFromEnv({ MOCK_WEATHER: 'gateway,after=1%,seed=9' })).toMatchObject({ transient: 0.005, after: 0.01, rateLimited: 0.01, jitter: [2, 40], seed: 9 });
    expect(weatherFromEnv({ MOCK_WEATHER: 'hang-after=40,jitter=3' })).toMatchObject({ hangAfter: 40, jitter: [3, 3] });
    expect(configError(() => weatherFromEnv({ MOCK_WEATHER: 'drizzle' })).message).toMatch(/^MOCK_WEATHER: unknown or malformed entry "drizzle"; known: presets gateway, busy, selftest/);
    expect(configError(() => weatherFromEnv({ MOCK_WEATHER: 'transient=150%' })).message).toMatch(/"transient=150%": a fraction of requests/);
    expect(configError(() => weatherFromEnv({ MOCK_WEATHER: 'transient=0.6,drop=0.6' })).message).toMatch(/add up to more than all of them/);
  });

  test('the same seed gives the same weather for the same requests', async () => {
    const statuses = async (seed: number) => {
      const client = await MockClient.start({ weather: { ...weatherFromEnv({ MOCK_WEATHER: `transient=30%,429=10%,seed=${seed}` })! } });
      try {
        const seen: number[] = [];
        for (let i = 0; i < 30; i++) seen.push((await client.send('GET', `${TICKETS}?count=1`)).status);
        return seen;
      } finally {
        await client.close();
      }
    };
    const first = await statuses(4);
    expect(first.some((s) => s >= 500)).toBe(true);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(10);
    expect(await statuses(4)).toEqual(first);
    expect(await statuses(5)).not.toEqual(first);
  });

  test('a 504 after the server: the write happened, its answer is the gateway\'s', async () => {
    const client = await MockClient.start({ weather: weatherFromEnv({ MOCK_WEATHER: 'after=100%' })! });
    try {
      const reply = await client.send('POST', TICKETS, { json: body('weather:after') });
      expect(reply.status).toBe(504);
      expect(reply.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const stored = [...client.mock.store.openLabelled(IDS.partner, 'weather:')];
      expect(stored.map((t) => t.foreignID)).toEqual(['weather:after']);
    } finally {
      await client.close();
    }
  });

  test('another client writes beside the run: tickets of its own appear, some closed later', async () => {
    const client = await MockClient.start({ weather: weatherFromEnv({ MOCK_WEATHER: 'writes=100%,seed=2' })! });
    try {
      for (let i = 0; i < 20; i++) await client.send('GET', `${TICKETS}?count=1`);
      const partner = (await client.send('GET', `${TICKETS}?count=200`)).body as { items: Array<{ foreignID?: string; status: string }> };
      const others = partner.items.filter((t) => t.foreignID?.startsWith('other-client:'));
      expect(others.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  test('a target that dies mid-run answers nothing after its last request', async () => {
    const client = await MockClient.start({ weather: weatherFromEnv({ MOCK_WEATHER: 'hang-after=2' })! });
    try {
      expect((await client.send('GET', `${TICKETS}?count=1`)).status).toBe(200);
      expect((await client.send('GET', `${TICKETS}?count=1`)).status).toBe(200);
      const third = await Promise.race([client.send('GET', `${TICKETS}?count=1`).then(() => 'answered'), new Promise((r) => setTimeout(() => r('silent'), 500))]);
      expect(third).toBe('silent');
    } finally {
      await client.close();
    }
  });
});

test.describe('preflight: a dead live target stops the run in seconds, with one line', () => {
  const request = (url: string) => ({ api: 'moov', variable: 'MOOV_BASE_URL', url: `${url}/accounts/a/tickets?count=1`, headers: {}, timeoutMs: 300 });

  test('an answer of any status is a target that is there', async () => {
    const client = await MockClient.start();
    try {
      expect(await preflight({ ...request(client.mock.url), url: `${client.mock.url}${TICKETS}?count=1` })).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  test('refused, silent or answering only 503: the line names the URL, the error and the setting', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const noWait = async () => undefined;
    expect(await preflight(request(`http://127.0.0.1:${port}`), noWait)).toBe(`moov: cannot reach http://127.0.0.1:${port} (ECONNREFUSED); check MOOV_BASE_URL`);

    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const started = Date.now();
    expect(await preflight(request(silentUrl), noWait)).toMatch(/^moov: http:\/\/127\.0\.0\.1:\d+ accepted no request or sent no answer within 300 ms; check MOOV_BASE_URL/);
    expect(Date.now() - started).toBeLessThan(2_000);
    silent.close();

    const gateway = await MockClient.start({ weather: weatherFromEnv({ MOCK_WEATHER: 'transient=100%' })! });
    try {
      expect(await preflight({ ...request(gateway.mock.url), url: `${gateway.mock.url}${TICKETS}?count=1` }, noWait)).toMatch(/answers 50[234] \(a gateway with no service behind it\) after 3 attempts; check MOOV_BASE_URL/);
    } finally {
      await gateway.close();
    }
  });

  test('only the projects a command selects are preflighted (and need settings)', () => {
    const all = ['unit', 'reports', 'moov', 'moov@v2024.01.00', 'sdk', 'teamwork-desk'];
    expect(selectedProjects(['test'], all)).toEqual(all);
    expect(selectedProjects(['test', '--project=teamwork-desk'], all)).toEqual(['teamwork-desk']);
    expect(selectedProjects(['test', '--project', 'moov*', '--project=sdk'], all)).toEqual(['moov', 'moov@v2024.01.00', 'sdk']);
    expect(['moov~page-gap', 'sdk', 'teamwork-desk~x', 'unit'].map((p) => apiOfSuiteProject(p)?.target.name)).toEqual(['moov', 'moov', 'teamwork-desk', undefined]);
  });
});
