import type { Fault } from './fault';

const DAY = 86_400_000;

/** Implied semantics: advisory checks catch these, failing the run only with CONFORMANCE_STRICT=true. */
export const SEMANTIC_FAULTS = {
  'closed-without-closedOn': {
    family: 'semantics',
    breaks: 'a closed ticket has closedOn (implied); it is never set',
    deviation: () => ({ presentedTicket: ({ closedOn: _omitted, ...out }) => out }),
  },
  'updated-before-created': {
    family: 'semantics',
    breaks: 'updatedOn is not before createdOn (implied); it is a day earlier',
    deviation: () => ({ presentedTicket: (out, ticket) => ({ ...out, updatedOn: new Date(Date.parse(ticket.createdOn) - DAY).toISOString() }) }),
  },
} satisfies Record<string, Fault>;
