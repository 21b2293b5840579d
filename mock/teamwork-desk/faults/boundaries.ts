import type { Fault } from './fault';
import { answered, without } from './fault';

/** What a leaky error answer ends with. */
const TRACE = '\n    at listTickets (/srv/desk/dist/handlers.js:88:11)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)';

/** Boundaries: each opens the mock beyond what the list needs, or gives something away in an error answer. */
export const BOUNDARY_FAULTS = {
  'any-method-served': {
    family: 'boundaries',
    breaks: 'the list is read-only (GET); any method is served as the list',
    tamper: { answer: (next) => (request) => next({ ...request, method: 'GET' }) },
  },
  'key-in-query-accepted': {
    family: 'boundaries',
    breaks: 'the key travels in Authorization; ?apiKey= is accepted',
    tamper: {
      credentials: (presented) =>
        presented.authorization === undefined && presented.query.apiKey !== undefined ? { authorization: `Bearer ${presented.query.apiKey}`, query: without(presented.query, 'apiKey') } : presented,
    },
  },
  'stack-trace-in-errors': {
    family: 'boundaries',
    breaks: 'error answers give nothing away; their messages end with a stack trace',
    tamper: answered((answer) => (answer.status < 400 ? answer : { ...answer, body: { ...(answer.body as object), trace: `Error: ${answer.status}${TRACE}` } })),
  },
  'method-405-without-allow': {
    family: 'boundaries',
    breaks: 'a 405 names the allowed methods (RFC 9110, advisory); it has no Allow header',
    tamper: answered((answer) => (answer.status === 405 ? { ...answer, headers: without(answer.headers, 'allow') } : answer)),
  },
  'internals-in-errors': {
    family: 'boundaries',
    breaks: 'error answers give nothing away (advisory); they carry X-Powered-By',
    tamper: answered((answer) => (answer.status < 400 ? answer : { ...answer, headers: { ...answer.headers, 'x-powered-by': 'Express' } })),
  },
  'no-www-authenticate': {
    family: 'boundaries',
    breaks: 'a 401 carries WWW-Authenticate (RFC 9110, advisory); it does not',
    tamper: answered((answer) => (answer.status === 401 ? { ...answer, headers: without(answer.headers, 'www-authenticate') } : answer)),
  },
} satisfies Record<string, Fault>;
