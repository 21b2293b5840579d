import type { Fault } from './fault';
import { answered } from './fault';

/** Status and media type: each breaks what a served list is answered with. */
export const HTTP_FAULTS = {
  'answers-203': {
    family: 'http',
    breaks: 'the list answers 200 OK; it answers 203',
    tamper: answered((answer) => (answer.status === 200 ? { ...answer, status: 203 } : answer)),
  },
  'json-as-text': {
    family: 'http',
    breaks: 'TicketsAPIBody is JSON; it is labelled text/plain',
    tamper: { sentHeaders: (_headers, reply) => ({ ...reply.headers, 'content-type': 'text/plain; charset=utf-8' }) },
  },
  'valid-filter-refused': {
    family: 'http',
    breaks: 'a valid filter is served; it is refused with a 400',
    tamper: {
      filterReading: (reading) => ({
        ...reading,
        check: (value) => {
          reading.check(value);
          throw reading.refuse(['filtering is not available']);
        },
      }),
    },
  },
} satisfies Record<string, Fault>;
