import { HttpAnswer } from '../../shared/http';
import { around, type Fault } from './fault';

/** Versions: each refuses an X-Moov-Version use the pages document (checked before authentication). */
export const VERSION_FAULTS = {
  'version-header-refused-on-reads': {
    family: 'versions',
    breaks: 'list and get serve the documented X-Moov-Version; they refuse any version header (403)',
    deviation: () => ({
      operation: around(['listTickets', 'getTicket'], (operation) => (ctx) => {
        if (ctx.headers['x-moov-version'] !== undefined) throw new HttpAnswer(403, { error: 'this X-Moov-Version is not enabled for the account' });
        return operation(ctx);
      }),
    }),
  },
  'latest-version-refused': {
    family: 'versions',
    breaks: 'X-Moov-Version latest is a documented value; it is refused with a 400',
    deviation: () => ({
      operation: (operation) => (ctx) => {
        if (ctx.headers['x-moov-version'] === 'latest') throw new HttpAnswer(400, { error: 'unknown X-Moov-Version: latest' });
        return operation(ctx);
      },
    }),
  },
  'version-header-required': {
    family: 'versions',
    breaks: 'X-Moov-Version is optional; requests without it are refused',
    deviation: () => ({
      // The token endpoint is not a versioned operation.
      operation: (operation, id) =>
        id === 'createAccessToken'
          ? operation
          : (ctx) => {
              if (ctx.headers['x-moov-version'] === undefined) throw new HttpAnswer(400, { error: 'X-Moov-Version is required' });
              return operation(ctx);
            },
    }),
  },
} satisfies Record<string, Fault>;
