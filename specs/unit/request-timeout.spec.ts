import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { moovContract } from '../../lib/contract/moov';
import { RequestHungError, Transport } from '../../lib/http/transport';

/** A target that accepts connections and never answers. */
async function silentServer(): Promise<{ server: Server; url: string }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

test.describe('request time limits', () => {
  test('a request the target never answers fails on its own timeout, naming the request', async ({ playwright }) => {
    const { server, url } = await silentServer();
    const http = await playwright.request.newContext();
    try {
      const transport = new Transport(http, { api: 'moov', requestTimeoutMs: 500 });
      const needed: number[] = [];
      transport.onTimeNeeded = (ms) => needed.push(ms);
      const started = Date.now();
      const sent = transport.send({ operation: moovContract().operation('listTickets'), url: `${url}/accounts/a1/tickets?count=4`, headers: {}, auth: { kind: 'none' } });
      const error = await sent.then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(RequestHungError);
      expect((error as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/accounts\/a1\/tickets\?count=4 hung: no answer within 500 ms/);
      expect(Date.now() - started).toBeLessThan(5_000);
      // The test's time limit was told about the request before it was sent.
      expect(needed).toEqual([500]);
    } finally {
      await http.dispose();
      server.closeAllConnections();
      server.close();
    }
  });

  test('Retry-After extends the time a test may take, as each request does', async ({ playwright }) => {
    let calls = 0;
    const server = createServer((_req, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' }).end('{}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const http = await playwright.request.newContext();
    try {
      const waits: number[] = [];
      // No real waiting: the wait is recorded, so the test takes no time.
      const transport = new Transport(http, { api: 'moov', requestTimeoutMs: 1_000, wait: async (ms) => void waits.push(ms) });
      const needed: number[] = [];
      transport.onTimeNeeded = (ms) => needed.push(ms);
      const response = await transport.send({ operation: moovContract().operation('listTickets'), url: `${url}/accounts/a1/tickets`, headers: {}, auth: { kind: 'none' } });
      expect(response.status).toBe(200);
      expect(waits).toEqual([7_000]);
      expect(needed).toEqual([1_000, 7_000, 1_000]);
    } finally {
      await http.dispose();
      server.close();
    }
  });
});
