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
import { TicketStore } from './store';

/** What the mock is asked: a request line and headers (the one operation takes no body). */
export interface MockRequest {
  method: string;
  /** The request target as sent: path and query. */
  url: string;
  headers: Record<string, string>;
}

export interface MockAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

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
    const found = contract.route(config.faults.has('any-method-served') ? 'GET' : request.method, url.pathname);
    if (!found) {
      const allowed = contract.methodsFor(url.pathname);
      if (allowed.length > 0) return { status: 405, body: { error: `method ${request.method.slice(0, 20)} not allowed` }, headers: config.faults.has('method-405-without-allow') ? {} : { allow: allowed.join(', ') } };
      return { status: 404, body: { error: 'no such route' }, headers: {} };
    }
    const query = queryRecord(url.searchParams);
    const queryKey = config.faults.has('key-in-query-accepted') && request.headers.authorization === undefined ? query.apiKey : undefined;
    if (queryKey !== undefined) delete query.apiKey;
    authenticate(queryKey !== undefined ? `Bearer ${queryKey}` : request.headers.authorization, config);
    const result = listTickets({ config, store, memos, operation: found.operation, query });
    return { ...result, status: result.status === 200 && config.faults.has('answers-203') ? 203 : result.status, headers: {} };
  }

  function answer(request: MockRequest): MockAnswer {
    return disclose(config, attempt(request));
  }

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
   * logged, never rate-limited, and no fault touches it.
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
        const headers = config.faults.has('json-as-text') ? { ...reply.headers, 'content-type': 'text/plain; charset=utf-8' } : typed;
        sendJson(res, reply.status, reply.body, headers);
      })
      .catch(() => res.destroy());
  };

  return { answer, listener: withWeather(listener, config.weather), store, log };
}

/** What the boundary faults add to an error answer: a stack trace, a banner; or take away: the 401 challenge. */
function disclose(config: TeamworkDeskMockConfig, reply: MockAnswer): MockAnswer {
  if (reply.status < 400) return reply;
  const headers = { ...reply.headers };
  if (reply.status === 401 && config.faults.has('no-www-authenticate')) delete headers['www-authenticate'];
  if (config.faults.has('internals-in-errors')) headers['x-powered-by'] = 'Express';
  const trace = '\n    at listTickets (/srv/desk/dist/handlers.js:88:11)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)';
  const body = config.faults.has('stack-trace-in-errors') ? { ...(reply.body as object), trace: `Error: ${reply.status}${trace}` } : reply.body;
  return { ...reply, headers, body };
}

/** Starts the mock on a free loopback port (or `port`). */
export async function startTeamworkDeskMock(config: TeamworkDeskMockConfig, port = 0, host = '127.0.0.1'): Promise<RunningTeamworkDeskMock> {
  const { listener, store, log } = teamworkDeskMock(config);
  return { ...(await listen(listener, port, host)), store, log };
}
