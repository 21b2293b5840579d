import { MOOV_OPERATIONS } from '../../lib/contract/moov';
import { boundaryChecks } from '../security/boundaryChecks';
import { SRC } from './sources';

/** The boundary checks Moov shares with Teamwork Desk (TKT-SEC-002/003/005/006/007/008). */
export const moovBoundaryChecks = boundaryChecks({
  api: 'moov',
  prefix: 'TKT',
  numbers: { methodInert: 2, methodAnswer: 3, noStackTrace: 5, noInternals: 6, authChallenge: 7, misplacedCredentials: 8 },
  operations: MOOV_OPERATIONS,
  sources: { methods: SRC.methods, errors: SRC.errorBody, auth: SRC.authPlace },
  methodProbes: 'DELETE, PUT and POST on a ticket (on live targets one the run created and closed, else an unknown ID), PATCH and DELETE on the list',
  misplacedProbes: 'the partner\'s list with a token as access_token in the query string, the key pair as query parameters, a token or the key pair as cookies, and a Basic header with the pair swapped',
});
