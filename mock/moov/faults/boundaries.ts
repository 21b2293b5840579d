import { HttpAnswer } from '../../shared/http';
import type { Answer } from '../context';
import { withoutHeader, type Fault } from './fault';

/** An error answer whose `error` message is changed by `change` (other bodies as they are). */
function withErrorMessage(answer: Answer, change: (message: string) => string): Answer {
  const body = answer.body;
  if (typeof body !== 'object' || body === null || typeof (body as { error?: unknown }).error !== 'string') return answer;
  return { ...answer, body: { ...body, error: change((body as { error: string }).error) } };
}

/** Boundaries: what a caller outside reach, with an undocumented method or oversized input can learn or do. */
export const BOUNDARY_FAULTS = {
  'existence-leak': {
    family: 'boundaries',
    breaks: 'a refusal tells nothing about what exists; a ticket of another account is a 403, an unknown one a 404',
    deviation: () => ({
      refusal: (answer, why, ctx) =>
        why.reason === 'unknown-ticket' && ctx.store.findAnywhere(ctx.pathParams.ticketID ?? '') ? new HttpAnswer(403, { error: 'ticket belongs to another account' }) : answer,
    }),
  },
  'delete-answers-204': {
    family: 'boundaries',
    breaks: 'undocumented methods never succeed; DELETE on a ticket answers 204',
    // A ticket's path is the one whose allowed methods include PATCH.
    deviation: () => ({
      response: (answer, request) => {
        const { allow, 'x-request-id': requestId } = answer.headers;
        if (answer.status !== 405 || request.method !== 'DELETE' || !(allow ?? '').split(', ').includes('PATCH')) return answer;
        return { status: 204, body: undefined, headers: requestId === undefined ? {} : { 'x-request-id': requestId } };
      },
    }),
  },
  'refused-create-stored': {
    family: 'boundaries',
    breaks: 'a refused create creates nothing; one with a title over 10,000 characters is refused and stored all the same',
    deviation: () => ({
      requestBody: (raw, ctx) => {
        if (ctx.operation.id === 'createTicket' && typeof raw.title === 'string' && raw.title.length > 10_000) {
          const foreignID = typeof raw.foreignID === 'string' ? { foreignID: raw.foreignID } : {};
          ctx.store.create(ctx.pathParams.accountID ?? '', { title: raw.title, body: typeof raw.body === 'string' ? raw.body : '', contact: { email: 'stored@example.com' }, ...foreignID });
        }
        return raw;
      },
    }),
  },
  'stack-trace-in-errors': {
    family: 'boundaries',
    breaks: 'error answers give nothing away; their messages end with a stack trace',
    deviation: () => ({
      response: (answer) =>
        answer.status < 400 ? answer : withErrorMessage(answer, (error) => `${error}\n    at handle (/srv/moov/dist/server.js:104:7)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`),
    }),
  },
  'token-in-query-accepted': {
    family: 'boundaries',
    breaks: 'credentials travel in Authorization; a token in the access_token query parameter is accepted',
    // Taken out of the query, so the operation never sees it as a parameter.
    deviation: () => ({
      authenticate: (authenticate) => (ctx) => {
        const token = ctx.query.access_token;
        if (ctx.headers.authorization !== undefined || token === undefined) return authenticate(ctx);
        delete ctx.query.access_token;
        return authenticate({ ...ctx, headers: { ...ctx.headers, authorization: `Bearer ${token}` } });
      },
    }),
  },
  'method-405-without-allow': {
    family: 'boundaries',
    breaks: 'a 405 names the allowed methods (RFC 9110, advisory); it has no Allow header',
    deviation: () => ({
      response: (answer) => (answer.status === 405 ? withoutHeader(answer, 'allow') : answer),
    }),
  },
  'internals-in-errors': {
    family: 'boundaries',
    breaks: 'error answers give nothing away (advisory); they carry X-Powered-By and an internal host name',
    deviation: () => ({
      response: (answer) =>
        answer.status < 400 ? answer : withErrorMessage({ ...answer, headers: { ...answer.headers, 'x-powered-by': 'Express' } }, (error) => `${error} (db-primary.tickets.internal:5432)`),
    }),
  },
  'no-www-authenticate': {
    family: 'boundaries',
    breaks: 'a 401 carries WWW-Authenticate (RFC 9110, advisory); it does not',
    deviation: () => ({
      response: (answer) => (answer.status === 401 ? withoutHeader(answer, 'www-authenticate') : answer),
    }),
  },
} satisfies Record<string, Fault>;
