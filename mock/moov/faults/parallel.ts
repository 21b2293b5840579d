import type { Fault } from './fault';
import { holding } from './inFlight';

/** Parallel use: requests in flight at once (a sequential client never meets these). */
export const PARALLEL_FAULTS = {
  'parallel-create-overwrites': {
    family: 'parallel',
    breaks: 'every created ticket persists; creates in flight at once on one account share one ticketID, the last one stored wins',
    deviation: () => {
      const { inFlight, sharedBy } = holding((ctx) => (ctx.operation.id === 'createTicket' ? `create:${ctx.pathParams.accountID ?? ''}` : undefined));
      return { inFlight, ticketID: (fresh, ctx) => sharedBy(ctx)?.ticketID ?? fresh };
    },
  },
  'parallel-close-500': {
    family: 'parallel',
    breaks: 'an update is answered as documented; a second update of a ticket while another is in flight is a 500',
    deviation: () => ({ inFlight: holding((ctx) => (ctx.operation.id === 'updateTicket' ? `update:${ctx.pathParams.ticketID ?? ''}` : undefined), true).inFlight }),
  },
  'parallel-read-same-request-id': {
    family: 'parallel',
    breaks: "x-request-id identifies one request; reads in flight at once share the first one's id",
    deviation: () => {
      const { inFlight, sharedBy } = holding((ctx) => (ctx.operation.method === 'GET' ? 'read' : undefined));
      return { inFlight, requestId: (fresh, ctx) => sharedBy(ctx)?.requestId ?? fresh };
    },
  },
} satisfies Record<string, Fault>;
