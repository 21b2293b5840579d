import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { moovContract, type MoovOperationId } from '../../lib/contract/moov';
import { listen } from '../shared/listen';
import { HttpAnswer, headerRecord, queryRecord, readBody, sendJson } from '../shared/http';
import { RateLimiter } from '../shared/rateLimiter';
import { withWeather } from '../shared/weather';
import { Concurrency, type Overlap } from './concurrency';
import { loggedRequestParts, RequestLog } from '../shared/requestLog';
import { authenticate } from './auth';
import type { MoovMockConfig } from './config';
import type { Handler, HandlerResult, MoovRequestContext } from './context';
import { createAccessToken } from './handlers/createAccessToken';
import { createTicket } from './handlers/createTicket';
import { getTicket } from './handlers/getTicket';
import { listTicketMessages } from './handlers/listTicketMessages';
import { listTickets } from './handlers/listTickets';
import { updateTicket } from './handlers/updateTicket';
import { TicketStore } from './store';
import { TokenStore } from './tokens';

const HANDLERS: Record<MoovOperationId, Handler> = {
  createAccessToken,
  listTickets,
  getTicket,
  createTicket,
  updateTicket,
  listTicketMessages,
};

/** Operations that take the key pair in their own way instead of the Authorization check. */
const SELF_AUTHENTICATING: ReadonlySet<MoovOperationId> = new Set(['createAccessToken']);

export interface RunningMoovMock {
  url: string;
  store: TicketStore;
  log: RequestLog;
  close(): Promise<void>;
}

/** The handler side of the mock, without a socket: what the server (and unit tests) call. */
export function moovMockHandler(config: MoovMockConfig) {
  const contract = moovContract();
  const store = new TicketStore(config);
  const tokens = new TokenStore(config.now);
  const log = new RequestLog(config.requestLogSize);
  const limiter = config.rateLimit === undefined ? undefined : new RateLimiter(config.rateLimit);
  let counter = 0;
  const fixedRequestId = randomUUID();

  const requestId = (): string => {
    counter += 1;
    if (config.faults.has('request-id-repeats')) return fixedRequestId;
    if (config.faults.has('request-id-not-uuid')) return `req-${counter}`;
    return randomUUID();
  };

  const concurrency = new Concurrency(config);

  const respond = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}, sharedRequestId?: string): void => {
    // The media type a calibrated target sends (MOCK_PROFILE), parameters and all.
    const headers: Record<string, string> = { ...(body === undefined ? {} : { 'content-type': config.contentType }), ...extra };
    if (status >= 400) ({ body } = disclose(config, status, body, headers));
    if (!(config.faults.has('no-request-id-on-errors') && status >= 400 && status < 500)) headers['x-request-id'] = sharedRequestId ?? requestId();
    sendJson(res, status, body, headers);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = headerRecord(req);
    const url = requestUrl(req.url);
    if (!url) {
      req.resume();
      return respond(res, 400, { error: 'malformed request target' });
    }

    if (url.pathname.startsWith('/_mock/')) return admin(method, url.pathname, res);

    if (limiter) {
      const taken = limiter.take();
      if (!taken.allowed) {
        req.resume();
        return respond(res, 429, { error: 'rate limit exceeded' }, { 'retry-after': String(taken.retryAfterSeconds) });
      }
    }

    const route = contract.route(method, url.pathname);
    if (!route) {
      req.resume();
      const allowed = contract.methodsFor(url.pathname);
      if (config.faults.has('delete-answers-204') && method === 'DELETE' && allowed.includes('PATCH')) return respond(res, 204, undefined);
      if (allowed.length > 0) return respond(res, 405, { error: `method ${method} not allowed` }, config.faults.has('method-405-without-allow') ? {} : { allow: allowed.join(', ') });
      return respond(res, 404, { error: `no route for ${method} ${url.pathname}` });
    }

    const ctx: MoovRequestContext = {
      config,
      contract,
      store,
      tokens,
      operation: route.operation,
      pathParams: route.pathParams,
      query: queryRecord(url.searchParams),
      headers,
      body: { text: '', bytes: 0 },
      violations: [],
    };
    let status = 500;
    let overlap: Overlap | undefined;
    try {
      ctx.body = await readBody(req, config.maxBodyBytes);
      if (concurrency.active) {
        overlap = await concurrency.enter(route.operation.id, method, route.pathParams);
        if (overlap.ticketID !== undefined) ctx.sharedTicketID = overlap.ticketID;
      }
      const versionIssues = route.operation.validateRequestHeaders(headers).issues;
      ctx.violations.push(...versionIssues.map((i) => i.message));
      if (versionIssues.length > 0) throw new HttpAnswer(400, { error: `invalid X-Moov-Version: ${versionIssues.map((i) => i.message).join('; ')}` });
      if (config.faults.has('version-header-refused-on-reads') && headers['x-moov-version'] !== undefined && (route.operation.id === 'listTickets' || route.operation.id === 'getTicket')) {
        throw new HttpAnswer(403, { error: 'this X-Moov-Version is not enabled for the account' });
      }
      if (config.faults.has('latest-version-refused') && headers['x-moov-version'] === 'latest') {
        throw new HttpAnswer(400, { error: 'unknown X-Moov-Version: latest' });
      }
      if (config.faults.has('version-header-required') && headers['x-moov-version'] === undefined && route.operation.id !== 'createAccessToken') {
        throw new HttpAnswer(400, { error: 'X-Moov-Version is required' });
      }
      const principal = SELF_AUTHENTICATING.has(route.operation.id) ? undefined : authenticate(authorizationOf(config, headers, ctx.query), config, tokens);
      const result: HandlerResult = HANDLERS[route.operation.id](ctx, principal);
      status = result.status;
      respond(res, result.status, result.body, {}, overlap?.requestId);
    } catch (error) {
      if (error instanceof HttpAnswer) {
        status = error.status;
        respond(res, error.status, error.body, error.headers, overlap?.requestId);
      } else {
        status = 500;
        respond(res, 500, { error: 'internal error' });
      }
    } finally {
      overlap?.leave();
      log.add({
        at: config.now().toISOString(),
        method,
        path: url.pathname,
        query: url.search.replace(/^\?/, ''),
        ...loggedRequestParts(headers, ctx.body.text),
        operationId: route.operation.id,
        status,
        version: headers['x-moov-version'],
        violations: ctx.violations,
      });
    }
  }

  function admin(method: string, path: string, res: ServerResponse): void {
    if (path === '/_mock/requests' && method === 'GET') return sendJson(res, 200, log.all(), {});
    if (path === '/_mock/requests' && method === 'DELETE') {
      log.clear();
      return sendJson(res, 204, undefined, {});
    }
    if (path === '/_mock/health' && method === 'GET') {
      return sendJson(res, 200, { faults: [...config.faults], variants: [...config.variants] }, {});
    }
    return sendJson(res, 404, { error: `no admin route ${method} ${path}` }, {});
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    if (config.faults.has('json-as-text')) {
      const writeHead = res.writeHead.bind(res) as (status: number, headers?: Record<string, string>) => ServerResponse;
      (res as { writeHead: typeof writeHead }).writeHead = (status, headers) => {
        const rewritten = { ...headers };
        if (rewritten['content-type']) rewritten['content-type'] = 'text/plain; charset=utf-8';
        return writeHead(status, rewritten);
      };
    }
    handle(req, res).catch(() => {
      // Last resort: the handler itself failed before answering.
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' }, { 'x-request-id': randomUUID() });
      else res.destroy();
    });
  };

  /** Another client of the same accounts (weather): creates tickets of its own, and closes some of them. */
  let otherTickets = 0;
  const otherClientWrite = (random: () => number): void => {
    const accountID = random() < 0.5 ? config.partnerAccountID : config.connectedAccountID;
    const own = store.openLabelled(accountID, OTHER_CLIENT_LABEL);
    if (own.length > 0 && random() < 0.3) {
      store.close(accountID, own[Math.floor(random() * own.length)]!.ticketID);
      return;
    }
    otherTickets += 1;
    store.create(accountID, { title: `Another client's ticket ${otherTickets}`, body: 'Written beside the run.', contact: { email: 'other.client@example.com' }, foreignID: `${OTHER_CLIENT_LABEL}${otherTickets}` });
  };

  return { listener: withWeather(listener, config.weather, { otherClientWrite }), store, log };
}

/** The Authorization header; with fault token-in-query-accepted, a token in ?access_token= stands in for it. */
function authorizationOf(config: MoovMockConfig, headers: Record<string, string>, query: Record<string, string>): string | undefined {
  if (headers.authorization !== undefined || !config.faults.has('token-in-query-accepted') || query.access_token === undefined) return headers.authorization;
  const token = query.access_token;
  delete query.access_token;
  return `Bearer ${token}`;
}

/** What the boundary faults add to an error answer: a stack trace, banners, an internal host. */
function disclose(config: MoovMockConfig, status: number, body: unknown, headers: Record<string, string>): { body: unknown } {
  if (status === 401 && config.faults.has('no-www-authenticate')) delete headers['www-authenticate'];
  if (config.faults.has('internals-in-errors')) headers['x-powered-by'] = 'Express';
  if (config.faults.has('stack-trace-in-errors') && typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string') {
    const error = (body as { error: string }).error;
    return { body: { ...body, error: `${error}\n    at handle (/srv/moov/dist/server.js:104:7)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)` } };
  }
  if (config.faults.has('internals-in-errors') && typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string') {
    return { body: { ...body, error: `${(body as { error: string }).error} (db-primary.tickets.internal:5432)` } };
  }
  return { body };
}

/** The foreignID prefix of the tickets the weather's other client writes. */
const OTHER_CLIENT_LABEL = 'other-client:';

/** The request target as a URL; '//x' stays a path (not a host), garbage gives undefined. */
function requestUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(`http://mock.local${(target ?? '/').startsWith('/') ? target ?? '/' : `/${target ?? ''}`}`);
  } catch {
    return undefined;
  }
}

/** Starts the mock on a free loopback port (or `port`). */
export async function startMoovMock(config: MoovMockConfig, port = 0, host = '127.0.0.1'): Promise<RunningMoovMock> {
  const { listener, store, log } = moovMockHandler(config);
  return { ...(await listen(listener, port, host)), store, log };
}
