import type { Exchange } from '../../lib/http/exchange';
import { defineCheck, type Finding } from '../check';
import { SRC } from './sources';

export interface ParallelRead {
  status: number;
  requestId: string | undefined;
  exchange: Exchange;
}

export interface ParallelReadsEvidence {
  reads: ParallelRead[];
  /** x-request-id values earlier responses of this run carried, with what carried them. */
  seenBefore: ReadonlyMap<string, Exchange>;
}

export const parallelReadsServed = defineCheck<ParallelReadsEvidence>({
  id: 'TKT-PAR-003',
  title: 'reads sent at once are not each served and traced',
  api: 'moov',
  severity: 'error',
  source: SRC.requestId,
  detects: 'a burst of reads in flight at once where a read is answered with a 5xx, or two reads (or a read and an earlier response of the run) carry the same x-request-id',
  triggers: 'ten reads sent at once (gets by ID of listed tickets and list pages at small counts)',
  requests: 'one list page to pick the tickets, then ten reads at once',
  operations: ['getTicket', 'listTickets'],
  statuses: 'documented',
  evaluate: ({ reads, seenBefore }) => {
    const findings: Finding[] = [];
    const inBurst = new Map<string, number>();
    reads.forEach((r, i) => {
      if (r.status >= 500) findings.push({ expected: `read #${i + 1} of the burst served (no 5xx)`, received: `HTTP ${r.status}`, exchange: r.exchange });
      if (r.requestId === undefined) return;
      const twin = inBurst.get(r.requestId);
      const earlier = seenBefore.get(r.requestId);
      if (twin !== undefined) findings.push({ expected: `read #${i + 1} with an x-request-id of its own`, received: `${r.requestId}, also carried by read #${twin + 1} of the same burst`, exchange: r.exchange });
      else if (earlier) findings.push({ expected: `read #${i + 1} with a fresh x-request-id`, received: `${r.requestId}, already sent for ${earlier.method} ${earlier.url} at ${earlier.startedAt}`, exchange: r.exchange });
      else inBurst.set(r.requestId, i);
    });
    return findings;
  },
});
