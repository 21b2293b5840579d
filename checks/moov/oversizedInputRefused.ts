import type { Exchange } from '../../lib/http/exchange';
import { defineCheck } from '../check';
import { SRC } from './sources';

/** One oversized or hostile request and, for a refused create, whether its ticket was stored all the same. */
export interface OversizedEvidence {
  what: string;
  status: number;
  exchange: Exchange;
  /** A refused create whose ticket the listing shows afterwards (its ID), if any. */
  storedAnyway?: string;
}

export const oversizedInputRefused = defineCheck<OversizedEvidence>({
  id: 'TKT-SEC-004',
  title: 'oversized or hostile input not refused cleanly',
  api: 'moov',
  severity: 'error',
  source: SRC.validation,
  detects: 'a 5xx to a 1 MB or 10 MB body, a 100,000-character title, JSON nested 5,000 deep, a 12,000-character query string or header; or a create refused (4xx) whose ticket is listed afterwards. A hang fails the test through the transport (RequestHungError); a connection the target keeps dropping ends it as weather, not through this check',
  triggers: 'creates (each invalid: no contact) and an update of an unknown ticket with oversized bodies where writes are allowed; list reads with a long query string and a long header',
  requests: 'about eight requests and the walk of the listing\'s newest part (MoovApi.locate) to look for refused creates',
  operations: ['createTicket', 'updateTicket', 'listTickets'],
  statuses: [400, 413, 414, 422, 431],
  evaluate: (e) => {
    if (e.status >= 500) return [{ expected: `${e.what}: a 4xx (413, 414, 431, 400, 422) or an acceptance`, received: String(e.status), exchange: e.exchange }];
    if (e.storedAnyway !== undefined) return [{ expected: `${e.what}: refused with ${e.status}, so nothing created`, received: `ticket ${e.storedAnyway} listed afterwards`, exchange: e.exchange }];
    return [];
  },
});
