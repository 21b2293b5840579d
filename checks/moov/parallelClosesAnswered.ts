import type { Ticket } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import { isRecord } from '../../lib/json';
import { defineCheck, type Finding } from '../check';
import { SRC } from './sources';

/** One close of the pair sent at once. */
export interface ParallelCloseAnswer {
  status: number;
  body: unknown;
  exchange: Exchange;
}

export interface ParallelClosesEvidence {
  ticketID: string;
  /** Closes that were answered (weather's lost answers are left out: they are not a verdict). */
  answers: ParallelCloseAnswer[];
  /** A 500 met by the first pair and again by a second pair sent at once: a 500 that repeats. */
  repeated500?: Exchange;
  /** The ticket as read after both answers, once it shows closed or the consistency window passed. */
  final?: Ticket;
  finalExchange?: Exchange;
}

/**
 * What a correct target may answer the second of two closes: the docs are silent on closing a
 * closed ticket, so an idempotent 200 and every documented refusal of the request's state or
 * content (400, 409, 422) are reasonable; 401/403/404 or a 5xx are not (the ticket exists and the
 * caller may close it).
 */
const ANSWERS_ALLOWED = [200, 400, 409, 422];

export const parallelClosesAnswered = defineCheck<ParallelClosesEvidence>({
  id: 'TKT-PAR-002',
  title: 'two closes of one ticket at once are not both answered as documented',
  api: 'moov',
  severity: 'error',
  source: SRC.conflict,
  detects: 'two closes of one open ticket in flight at once where one is answered with a 5xx (a 500 that repeats when the pair is sent again), with a status other than 200 or a documented refusal of the request (400, 409, 422: the docs are silent on closing a closed ticket), with a 200 whose ticket is not closed, or after which the ticket is not closed',
  triggers: 'two PATCH {"status":"closed"} of one ticket the suite created, sent at once; a second pair only after a 500',
  requests: 'two updates (four after a 500), one get until the ticket reads closed',
  operations: ['updateTicket', 'getTicket'],
  statuses: 'documented',
  evaluate: ({ ticketID, answers, repeated500, final, finalExchange }) => {
    const findings: Finding[] = [];
    if (repeated500) findings.push({ expected: 'each close of the pair answered 200, 400, 409 or 422', received: 'HTTP 500, again when the pair was sent at once a second time', exchange: repeated500 });
    for (const a of answers) {
      if (!ANSWERS_ALLOWED.includes(a.status)) findings.push({ expected: 'each close of the pair answered 200, 400, 409 or 422', received: `HTTP ${a.status}`, exchange: a.exchange });
      else if (a.status === 200 && !(isRecord(a.body) && a.body.status === 'closed' && a.body.ticketID === ticketID)) {
        findings.push({ expected: `a 200 answering ticket ${ticketID} with status closed`, received: isRecord(a.body) ? `ticket ${String(a.body.ticketID)} with status ${String(a.body.status)}` : 'no ticket', exchange: a.exchange });
      }
    }
    if (final && final.status !== 'closed') findings.push({ expected: `ticket ${ticketID} closed after both closes were answered`, received: `status ${final.status}`, exchange: finalExchange });
    return findings;
  },
});
