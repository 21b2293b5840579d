import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { moovContract } from '../../lib/contract/moov';
import { AnswerLostError, retryBudget, TargetUnavailableError } from '../../lib/http/availability';
import { Breaker } from '../../lib/http/breaker';
import { RequestHungError, Transport, type TransportOptions, type TransportRequest } from '../../lib/http/transport';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** A target on loopback answering request n (1-based) as `handler` says; the health check at /health answers 200 unless told otherwise. */
async function target(handler: Handler, health: 'up' | 'silent' = 'up'): Promise<{ url: string; seen: () => number; close: () => void }> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/health')) {
      if (health === 'up') res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    handler(req, res, ++n);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen: () => n, close: () => void (server.closeAllConnections(), server.close()) };
}

const json = (res: ServerResponse, status: number, body = '{"items":[]}', headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);

const list = moovContract().operation('listTickets');
const create = moovContract().operation('createTicket');

function request(url: string, method: 'GET' | 'POST' = 'GET', repeatable?: boolean): TransportRequest {
  return { operation: method === 'GET' ? list : create, url: `${url}/accounts/a1/tickets`, headers: {}, auth: { kind: 'none' }, ...(method === 'POST' ? { body: '{}' } : {}), ...(repeatable === undefined ? {} : { repeatable }) };
}

/** A transport that records its waits instead of sleeping, with a health check on the target. */
function transport(http: APIRequestContext, url: string, options: Partial<TransportOptions> = {}): { t: Transport; waits: number[] } {
  const waits: number[] = [];
  const t = new Transport(http, { api: 'moov', requestTimeoutMs: 400, wait: async (ms) => void waits.push(ms), random: () => 0.5, health: { url: `${url}/health`, headers: {} }, ...options });
  return { t, waits };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => undefined, (e: unknown) => e);
}

test.describe('weather: the transport rides out what a gateway does, and never turns it into a verdict', () => {
  test('a 502, 503 or 504 on a read is retried with backoff and counted; the answer after it is what the check sees', async ({ playwright }) => {
    const server = await target((_req, res, n) => (n <= 3 ? json(res, [502, 503, 504][n - 1]!, '{}') : json(res, 200)));
    const http = await playwright.request.newContext();
    try {
      const { t, waits } = transport(http, server.url);
      const response = await t.send(request(server.url));
      expect(response.status).toBe(200);
      expect(t.stats.transient).toEqual({ '502': 1, '503': 1, '504': 1 });
      expect(t.stats.retries).toBe(3);
      // Exponential backoff with jitter (pinned at its middle here): 75, 150, 300 ms.
      expect(waits).toEqual([75, 150, 300]);
    } finally {
      await http.dispose();
      server.close();
    }
  });

  test('a write answered 504 is never repeated: the caller is told its answer was lost', async ({ playwright }) => {
    const server = await target((_req, res) => json(res, 504, '{"error":"a downstream service failed to respond"}'));
    const http = await playwright.request.newContext();
    try {
      const { t } = transport(http, server.url);
      const error = await failure(t.send(request(server.url, 'POST')));
      expect(error).toBeInstanceOf(AnswerLostError);
      expect((error as AnswerLostError).exchange?.status).toBe(504);
      expect(server.seen()).toBe(1);
      expect(t.stats.lostAnswers).toBe(1);
    } finally {
      await http.dispose();
      server.close();
    }
  });

  test('a read still answered 503 after its retries ends "target unavailable", not a verdict', async ({ playwright }) => {
    const server = await target((_req, res) => json(res, 503, '{}'));
    const http = await playwright.request.newContext();
    try {
      const { t } = transport(http, server.url);
      const error = await failure(t.send(request(server.url)));
      expect(error).toBeInstanceOf(TargetUnavailableError);
      expect((error as Error).message).toMatch(/^target unavailable: GET http:\/\/127\.0\.0\.1:\d+\/accounts\/a1\/tickets answered 503 after 4 retries$/);
      // The health check answered: this request's route is down, not the target; no breaker.
      expect(t.stats.breakerTrips).toBe(0);
      expect(server.seen()).toBe(5);
    } finally {
      await http.dispose();
      server.close();
    }
  });

  test('a write a correct target must refuse is repeatable, so its 503 is retried', async ({ playwright }) => {
    const server = await target((_req, res, n) => (n === 1 ? json(res, 503, '{}') : json(res, 422, '{"title":"required"}')));
    const http = await playwright.request.newContext();
    try {
      const { t } = transport(http, server.url);
      expect((await t.send(request(server.url, 'POST', true))).status).toBe(422);
      expect(server.seen()).toBe(2);
    } finally {
      await http.dispose();
      server.close();
    }
  });

  test('a 500 counts only when the same request gives it again', async ({ playwright }) => {
    const once = await target((_req, res, n) => (n === 1 ? json(res, 500, '{"error":"unexpected"}') : json(res, 200)));
    const always = await target((_req, res) => json(res, 500, '{"error":"unexpected"}'));
    const http = await playwright.request.newContext();
    try {
      const { t } = transport(http, once.url);
      expect((await t.send(request(once.url))).status).toBe(200);
      expect(t.stats.transient).toEqual({ '500': 1 });
      const { t: t2 } = transport(http, always.url);
      expect((await t2.send(request(always.url))).status).toBe(500);
      expect(always.seen()).toBe(2);
    } finally {
      await http.dispose();
      once.close();
      always.close();
    }
  });

  test('a dropped connection is retried on a read, and makes a write\'s answer lost', async ({ playwright }) => {
    const server = await target((req, res, n) => (n === 1 || n === 3 ? req.socket.destroy() : json(res, 200)));
    const http = await playwright.request.newContext();
    try {
      const { t } = transport(http, server.url);
      expect((await t.send(request(server.url))).status).toBe(200);
      expect(t.stats.transient.dropped).toBe(1);
      expect(await failure(t.send(request(server.url, 'POST')))).toBeInstanceOf(AnswerLostError);
    } finally {
      await http.dispose();
      server.close();
    }
  });

  test('a target that stops answering opens the breaker: the request ends "target unavailable", and every later one at once', async ({ playwright }) => {
    const server = await target(() => undefined, 'silent');
    const http = await playwright.request.newContext();
    try {
      const file = join(mkdtempSync(join(tmpdir(), 'breaker-')), 'breaker-moov');
      const { t } = transport(http, server.url, { breaker: new Breaker(file) });
      const needed: number[] = [];
      t.onTimeNeeded = (ms) => needed.push(ms);
      const started = Date.now();
      const error = await failure(t.send(request(server.url)));
      expect(error).toBeInstanceOf(TargetUnavailableError);
      expect((error as Error).message).toMatch(/^target unavailable: http:\/\/127\.0\.0\.1:\d+ stopped answering: GET http:\/\/127\.0\.0\.1:\d+\/accounts\/a1\/tickets and a health check went unanswered/);
      expect(t.stats.breakerTrips).toBe(1);
      // The test's time limit was told about the request and the health check before each was sent.
      expect(needed).toEqual([400, 400]);
      // Another worker of the run (another transport on the same breaker file) fails at once.
      const other = transport(http, server.url, { breaker: new Breaker(file) }).t;
      const at = Date.now();
      expect(await failure(other.send(request(server.url)))).toBeInstanceOf(TargetUnavailableError);
      expect(Date.now() - at).toBeLessThan(200);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await http.dispose();
      server.close();
    }
  });

  test('one request that hangs while the target answers others is tried again, then fails as hung (a finding)', async ({ playwright }) => {
    const server = await target(() => undefined, 'up');
    const http = await playwright.request.newContext();
    try {
      const { t } = transport(http, server.url);
      const error = await failure(t.send(request(server.url)));
      expect(error).toBeInstanceOf(RequestHungError);
      expect((error as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/accounts\/a1\/tickets hung: no answer within 400 ms/);
      expect(server.seen()).toBe(2);
      expect(t.stats.breakerTrips).toBe(0);
    } finally {
      await http.dispose();
      server.close();
    }
  });

  test('a refused connection is retried, then ends the run\'s judging of that target', async ({ playwright }) => {
    const server = await target(() => undefined);
    const url = server.url;
    server.close();
    const http = await playwright.request.newContext();
    try {
      const { t } = transport(http, url);
      const error = await failure(t.send(request(url, 'POST')));
      expect(error).toBeInstanceOf(TargetUnavailableError);
      expect((error as Error).message).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
      expect(t.stats.transient.dropped).toBe(5);
    } finally {
      await http.dispose();
    }
  });

  test('transient errors past the retry budget make the target too unwell to judge', async ({ playwright }) => {
    const server = await target((_req, res) => json(res, 503, '{}'));
    const http = await playwright.request.newContext();
    try {
      const { t } = transport(http, server.url);
      // Each request spends its four retries and ends unavailable; the budget runs out on the fourth.
      let error: unknown;
      for (let i = 0; i < 10 && !/too many/.test(String(error)); i++) error = await failure(t.send(request(server.url)));
      expect(error).toBeInstanceOf(TargetUnavailableError);
      expect((error as Error).message).toMatch(/too many transient errors: \d+ retries for \d+ requests/);
      expect(t.stats.retries).toBe(retryBudget(t.stats.requests - 1));
    } finally {
      await http.dispose();
      server.close();
    }
  });

  test('Retry-After extends the time a test may take, as each request does', async ({ playwright }) => {
    const server = await target((_req, res, n) => (n === 1 ? json(res, 429, '{}', { 'retry-after': '7' }) : json(res, 200)));
    const http = await playwright.request.newContext();
    try {
      const { t, waits } = transport(http, server.url, { requestTimeoutMs: 1_000 });
      const needed: number[] = [];
      t.onTimeNeeded = (ms) => needed.push(ms);
      expect((await t.send(request(server.url))).status).toBe(200);
      expect(waits).toEqual([7_000]);
      expect(needed).toEqual([1_000, 7_000, 1_000]);
    } finally {
      await http.dispose();
      server.close();
    }
  });
});
