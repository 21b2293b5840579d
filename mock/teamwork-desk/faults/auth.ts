import type { Fault } from './fault';

/** Auth: each turns one verdict on the credentials presented. */
export const AUTH_FAULTS = {
  'missing-key-accepted': {
    family: 'auth',
    breaks: 'missing credentials are a 401; the request is served',
    tamper: { accepts: (verdict, presented) => verdict || presented.scheme === 'none' },
  },
  'any-bearer-accepted': {
    family: 'auth',
    breaks: 'a wrong key is a 401; any bearer token is accepted',
    tamper: { accepts: (verdict, presented) => verdict || presented.scheme === 'bearer' },
  },
  'basic-auth-refused': {
    family: 'auth',
    breaks: 'HTTP Basic with the key as user name authenticates; it is refused',
    tamper: { accepts: (verdict, presented) => verdict && presented.scheme !== 'basic' },
  },
} satisfies Record<string, Fault>;
