import type { IncomingMessage, ServerResponse } from 'node:http';
import { teamworkDeskContract } from '../../lib/contract/teamworkDesk';
import { listen } from '../shared/listen';
import { HttpAnswer, headerRecord, queryRecord, readBody, sendJson } from '../shared/http';
import { RateLimiter } from '../shared/rateLimiter';
import { withWeather } from '../shared/weather';
import { loggedRequestParts, RequestLog } from '../shared/requestLog';
import { authenticate } from './auth';
import { invalidParameters } from './validator';
import type { TeamworkDeskMockConfig } from './config';
import { listTickets, type ListMemos } from './listTickets';
import { Memo } from './memo';
import type { Answerer, MockAnswer, MockRequest } from './seams';
import { TicketStore } from './store';

export type { MockAnswer, MockRequest } from './seams';

export interface RunningTeamworkDeskMock {
  url: string;
  store: TicketStore;
  log: RequestLog;
  close(): Promise<void>;
}

/**
 * The mock without a socket: a request in, an answer out. Every input gets an answer, and every
 * answer but a 200 is a 4xx with a JSON body (5xx only where a fault asks for one).
 */
export function teamworkDeskMock(config: TeamworkDeskMockConfig) {
  const contract = teamworkDeskContract();
  const store = new TicketStore(config.seedTickets, { timestamps: config.timestamps, states: config.states });
  const limiter = config.rateLimit === undefined ? undefined : new RateLimiter(config.rateLimit);
  const log = new RequestLog(config.requestLogSize);
  // Sized for a run's walks: every orderBy value in both modes, and the filters of the walks in flight.
  const memos: ListMemos = { orders: new Memo(256), matches: new Memo(64), lists: new Memo(64) };

  function route(request: MockRequest): MockAnswer {
    if (Buffer.byteLength(request.url) > config.maxUrlBytes) return { status: 414, body: { error: `request target longer than ${config.maxUrlBytes} bytes` }, headers: {} };
    let url: URL;
    try {
      url = new URL(request.url, 'http://mock.local');
    } catch {
      // A 400 carries the contract's Validator body, whatever made the request invalid.
      const refusal = invalidParameters(config, { request: ['request target is not a valid URL'] });
      return { status: refusal.status, body: refusal.body, headers: {} };
    }
    if (limiter) {
      const taken = limiter.take();
      if (!taken.allowed) return { status: 429, body: { error: 'rate limit exceeded' }, headers: { 'retry-after': String(taken.retryAfterSeconds) } };
    }
    const found = contract.route(request.method, url.pathname);
    if (!found) {
      const allowed = contract.methodsFor(url.pathname);
      if (allowed.length > 0) return { status: 405, body: { error: `method ${request.method.slice(0, 20)} not allowed` }, headers: { allow: allowed.join(', ') } };
      return { status: 404, body: { error: 'no such route' }, headers: {} };
    }
    const { authorization, query } = config.tamper.credentials({ authorization: request.headers.authorization, query: queryRecord(url.searchParams) });
    authenticate(authorization, config);
    return { ...listTickets({ config, store, memos, operation: found.operation, query }), headers: {} };
  }

  const answer: Answerer = config.tamper.answer(attempt);

  function attempt(request: MockRequest): MockAnswer {
    try {
      return route(request);
    } catch (error) {
      if (error instanceof HttpAnswer) return { status: error.status, body: error.body, headers: error.headers };
      return { status: 500, body: { error: 'internal error' }, headers: {} };
    }
  }

  /**
   * The request log, as the Moov mock serves it (`GET /_mock/requests`; DELETE empties it): how
   * many requests a run made, and which, against a standalone mock. Not part of the contract, not
   * logged, never rate-limited, and no seam touches it.
   */
  function requestLog(method: string, res: ServerResponse): void {
    if (method === 'GET') return sendJson(res, 200, log.all(), {});
    if (method !== 'DELETE') return sendJson(res, 405, { error: `method ${method.slice(0, 20)} not allowed` }, { allow: 'GET, DELETE' });
    log.clear();
    sendJson(res, 204, undefined, {});
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const request: MockRequest = { method: (req.method ?? 'GET').toUpperCase(), url: req.url ?? '/', headers: headerRecord(req) };
    if (request.url.split('?')[0] === '/_mock/requests') {
      req.resume();
      return requestLog(request.method, res);
    }
    // A body is read (bounded) and ignored: the operation takes none, but an unread one would stall the connection.
    readBody(req, config.maxBodyBytes)
      .then(() => answer(request))
      .catch((error: unknown) => (error instanceof HttpAnswer ? { status: error.status, body: error.body, headers: error.headers } : { status: 400, body: { error: 'unreadable request' }, headers: {} }))
      .then((reply) => {
        const [path = '/', query = ''] = request.url.split('?');
        log.add({ at: new Date().toISOString(), method: request.method, path, query, ...loggedRequestParts(request.headers, ''), status: reply.status, violations: [] });
        // The media type a calibrated target sends (MOCK_PROFILE), parameters and all.
        const typed = reply.body === undefined ? reply.headers : { 'content-type': config.contentType, ...reply.headers };
        sendJson(res, reply.status, reply.body, config.tamper.sentHeaders(typed, reply));
      })
      .catch(() => res.destroy());
  };

  return { answer, listener: withWeather(listener, config.weather), store, log };
}

/** Starts the mock on a free loopback port (or `port`). */
export async function startTeamworkDeskMock(config: TeamworkDeskMockConfig, port = 0, host = '127.0.0.1'): Promise<RunningTeamworkDeskMock> {
  const { listener, store, log } = teamworkDeskMock(config);
  return { ...(await listen(listener, port, host)), store, log };
}
