import type { Ticket } from '../../lib/contract/moov.types';
import { defineCheck } from '../check';
import { walkTickets, type ListWalk, type Volatility } from './evidence';
import { SRC } from './sources';

export interface GapEvidence {
  walk: ListWalk;
  /** The same account's tickets from another walk (one large page or another count). */
  reference: Ticket[];
  referenceLabel: string;
  volatility: Volatility;
}

export const walkNoGaps = defineCheck<GapEvidence>({
  id: 'TKT-PAG-002',
  title: 'ticket missing from a cursor walk',
  api: 'moov',
  severity: 'error',
  source: SRC.listAll,
  detects: 'a ticket another walk of the same account lists but this walk never reaches (skipped at a page boundary, or the walk ends early)',
  triggers: 'walks at several counts compared with one large page and with each other (tickets that changed during the run are left out)',
  requests: 'none beyond the walks',
  operations: ['listTickets'],
  statuses: [200],
  evaluate: ({ walk, reference, referenceLabel, volatility }) => {
    if (!walk.complete) return [];
    const seen = new Set(walkTickets(walk).map((t) => t.ticketID));
    const missing = reference.filter((t) => !volatility.isVolatile(t) && !seen.has(t.ticketID) && (walk.status === undefined || t.status === walk.status));
    if (missing.length === 0) return [];
    const last = walk.pages[walk.pages.length - 1];
    return [{
      expected: `every ticket that ${referenceLabel} lists`,
      received: `${missing.length} missing from the walk at count ${walk.count ?? 'default'} (${walk.pages.length} pages), e.g. ${missing.slice(0, 3).map((t) => `#${t.number}`).join(', ')}`,
      exchange: last?.exchange,
    }];
  },
});
