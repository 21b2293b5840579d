import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { moovContract, type MoovOperationId } from '../../lib/contract/moov';
import { listen } from '../shared/listen';
import { HttpAnswer, headerRecord, queryRecord, readBody, sendJson } from '../shared/http';
import { RateLimiter } from '../shared/rateLimiter';
import { withWeather } from '../shared/weather';
import { loggedRequestParts, RequestLog } from '../shared/requestLog';
import { authenticate } from './auth';
import type { MoovMockConfig } from './config';
import type { Handler, HandlerResult, InFlight, MoovRequestContext, Operation } from './context';
import { tamperFor } from './faults';
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
  // The faults switched on, as deviations at the correct code's seams (one instance per mock).
  const tamper = tamperFor(config.faults, config);
  const store = new TicketStore(config, tamper);
  const tokens = new TokenStore(config.now);
  const log = new RequestLog(config.requestLogSize);
  const limiter = config.rateLimit === undefined ? undefined : new RateLimiter(config.rateLimit);
  const operations = Object.fromEntries(
    (Object.keys(HANDLERS) as MoovOperationId[]).map((id): [MoovOperationId, Operation] => {
      const handler = HANDLERS[id];
      const operate: Operation = (ctx) => handler(ctx, SELF_AUTHENTICATING.has(id) ? undefined : authenticate(ctx));
      return [id, tamper.operation(operate, id)];
    }),
  ) as Record<MoovOperationId, Operation>;

  /** `ctx` is given for the answers of a routed request. */
  const respond = (res: ServerResponse, method: string, status: number, body: unknown, extra: Record<string, string> = {}, ctx?: MoovRequestContext): void => {
    // The media type a calibrated target sends (MOCK_PROFILE), parameters and all.
    const headers: Record<string, string> = { ...(body === undefined ? {} : { 'content-type': config.contentType }), ...extra, 'x-request-id': tamper.requestId(randomUUID(), ctx) };
    const answer = tamper.response({ status, body, headers }, { method });
    sendJson(res, answer.status, answer.body, answer.headers);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = headerRecord(req);
    const url = requestUrl(req.url);
    if (!url) {
      req.resume();
      return respond(res, method, 400, { error: 'malformed request target' });
    }

    if (url.pathname.startsWith('/_mock/')) return admin(method, url.pathname, res);

    if (limiter) {
      const taken = limiter.take();
      if (!taken.allowed) {
        req.resume();
        return respond(res, method, 429, { error: 'rate limit exceeded' }, { 'retry-after': String(taken.retryAfterSeconds) });
      }
    }

    const route = contract.route(method, url.pathname);
    if (!route) {
      req.resume();
      const allowed = contract.methodsFor(url.pathname);
      if (allowed.length > 0) return respond(res, method, 405, { error: `method ${method} not allowed` }, { allow: allowed.join(', ') });
      return respond(res, method, 404, { error: `no route for ${method} ${url.pathname}` });
    }

    const ctx: MoovRequestContext = {
      config,
      tamper,
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
    let flight: InFlight | undefined;
    try {
      ctx.body = await readBody(req, config.maxBodyBytes);
      const entering = tamper.inFlight(undefined, ctx);
      if (entering) flight = await entering;
      const versionIssues = route.operation.validateRequestHeaders(headers).issues;
      ctx.violations.push(...versionIssues.map((i) => i.message));
      if (versionIssues.length > 0) throw new HttpAnswer(400, { error: `invalid X-Moov-Version: ${versionIssues.map((i) => i.message).join('; ')}` });
      const result: HandlerResult = operations[route.operation.id](ctx);
      status = result.status;
      respond(res, method, result.status, result.body, {}, ctx);
    } catch (error) {
      if (error instanceof HttpAnswer) {
        status = error.status;
        respond(res, method, error.status, error.body, error.headers, ctx);
      } else {
        status = 500;
        respond(res, method, 500, { error: 'internal error' });
      }
    } finally {
      flight?.leave();
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

  const listener = tamper.listener((req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch(() => {
      // Last resort: the handler itself failed before answering.
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' }, { 'x-request-id': randomUUID() });
      else res.destroy();
    });
  });

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
