import type { Fault } from './fault';

/** Authentication: each lets through a caller the pages say is a 401. */
export const AUTH_FAULTS = {
  'missing-auth-accepted': {
    family: 'auth',
    breaks: 'missing authentication is a 401; requests without credentials are served',
    deviation: (settings) => ({
      authenticate: (authenticate) => (ctx) => {
        const authorization = ctx.headers.authorization;
        return authorization === undefined || authorization.trim() === '' ? { kind: 'key', ownerID: settings.partnerAccountID } : authenticate(ctx);
      },
    }),
  },
  'wrong-secret-accepted': {
    family: 'auth',
    breaks: 'invalid authentication is a 401; any secret key is accepted',
    deviation: (settings) => ({ keyPairMatches: (check) => (publicKey) => check(publicKey, settings.secretKey) }),
  },
} satisfies Record<string, Fault>;
