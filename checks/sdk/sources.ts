import type { DocSource } from '../../lib/contract/openapi';

export const SDK_SRC = {
  sdk: { seed: 'notes/moov.md', sentence: 'Moov publishes generated SDKs. The TypeScript one is `@moovio/sdk` on npm; its `support` namespace has createTicket, listTickets, getTicket, updateTicket and listTicketMessages. It accepts `serverURL` to point it at any host.' },
  models: { seed: 'notes/moov.md', sentence: 'Its models are a second, machine-readable reading of the same contract: where it and the pages differ, the pages win and the difference is worth reporting.' },
  errors: { seed: '002/004', sentence: '400 and 409 answer {"error": "string"}; 422 answers the operation\'s own error body (CreateTicketError, UpdateTicketError); the SDK examples throw GenericError, CreateTicketError and UpdateTicketError.' },
} as const satisfies Record<string, DocSource>;
