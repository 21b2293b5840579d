import { answeredBody, type Fault } from './fault';

/** Response schemas: each breaks one rule of a documented schema. */
export const SCHEMA_FAULTS = {
  'number-as-string': {
    family: 'schema',
    breaks: 'Ticket.number is an integer; it is sent as a string',
    deviation: () => ({ presentedTicket: (out, ticket) => ({ ...out, number: String(ticket.number) }) }),
  },
  'status-outside-enum': {
    family: 'schema',
    breaks: 'Ticket.status is one of new, in-progress, on-hold, closed; in-progress is sent as in_progress',
    deviation: () => ({ presentedTicket: (out, ticket) => (ticket.status === 'in-progress' ? { ...out, status: 'in_progress' } : out) }),
  },
  'missing-updatedOn': {
    family: 'schema',
    breaks: 'Ticket.updatedOn is required; it is omitted',
    deviation: () => ({ presentedTicket: ({ updatedOn: _omitted, ...out }) => out }),
  },
  'date-without-timezone': {
    family: 'schema',
    breaks: 'createdOn is an RFC 3339 date-time; it is sent without an offset',
    deviation: () => ({ presentedTicket: (out, ticket) => ({ ...out, createdOn: ticket.createdOn.replace(/(\.\d+)?Z$/, '') }) }),
  },
  'next-page-without-cursor': {
    family: 'schema',
    breaks: 'nextPage.cursor is required; nextPage is sent empty',
    deviation: () => ({
      operation: answeredBody('listTickets', (body) => {
        if (body.nextPage !== undefined) body.nextPage = {};
      }),
    }),
  },
} satisfies Record<string, Fault>;
