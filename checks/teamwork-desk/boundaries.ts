import { boundaryChecks } from '../security/boundaryChecks';
import { SRC } from './sources';

/** The boundary checks Teamwork Desk shares with Moov (TWD-SEC-001..006). */
export const teamworkDeskBoundaryChecks = boundaryChecks({
  api: 'teamwork-desk',
  prefix: 'TWD',
  numbers: { methodInert: 1, methodAnswer: 2, noStackTrace: 3, noInternals: 4, authChallenge: 5, misplacedCredentials: 6 },
  operations: ['listTickets'],
  sources: { methods: SRC.methods, errors: SRC.errorBody, auth: SRC.authPlace },
  methodProbes: 'POST, PUT, PATCH and DELETE on the tickets list (the one operation is a GET), where ALLOW_WRITES=true or against the embedded mock',
  misplacedProbes: 'a one-ticket page with the API key in the query string (apiKey, api_key, access_token), as a cookie, and as the Basic password with another user name',
});
