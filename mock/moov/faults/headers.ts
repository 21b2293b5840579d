import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { withoutHeader, type Fault } from './fault';

type WriteHead = (status: number, headers?: Record<string, string>) => ServerResponse;

/** Headers: each breaks one promise about a response header. */
export const HEADER_FAULTS = {
  'no-request-id-on-errors': {
    family: 'headers',
    breaks: 'x-request-id is required on every response; 4xx responses omit it',
    deviation: () => ({
      response: (answer) => (answer.status >= 400 && answer.status < 500 ? withoutHeader(answer, 'x-request-id') : answer),
    }),
  },
  'request-id-not-uuid': {
    family: 'headers',
    breaks: 'x-request-id is a uuid; a counter is sent',
    deviation: () => {
      let counter = 0;
      return { requestId: () => `req-${(counter += 1)}` };
    },
  },
  'request-id-repeats': {
    family: 'headers',
    breaks: 'x-request-id identifies one request; every response carries the same one',
    deviation: () => {
      const fixed = randomUUID();
      return { requestId: () => fixed };
    },
  },
  'json-as-text': {
    family: 'headers',
    breaks: 'bodies are application/json; they are labelled text/plain',
    // On the listener, so every answer is relabelled, the admin routes' and the last resort's too.
    deviation: () => ({
      listener: (listener) => (req, res) => {
        const writeHead = res.writeHead.bind(res) as WriteHead;
        (res as { writeHead: WriteHead }).writeHead = (status, headers) => {
          const rewritten = { ...headers };
          if (rewritten['content-type']) rewritten['content-type'] = 'text/plain; charset=utf-8';
          return writeHead(status, rewritten);
        };
        listener(req, res);
      },
    }),
  },
} satisfies Record<string, Fault>;
