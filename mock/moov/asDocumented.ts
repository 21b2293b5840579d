import type { Tamper } from './context';
import { STORE_AS_DOCUMENTED } from './store';

/** Every seam as documented: each hands its value on unchanged. */
export const AS_DOCUMENTED: Tamper = {
  ...STORE_AS_DOCUMENTED,
  listener: (listener) => listener,
  requestId: (fresh) => fresh,
  response: (answer) => answer,
  inFlight: (entered) => entered,
  operation: (operation) => operation,
  authenticate: (authenticate) => authenticate,
  keyPairMatches: (check) => check,
  authorize: (authorize) => authorize,
  reachable: (reachable) => reachable,
  scopes: (check) => check,
  requestBody: (body) => body,
  issues: (issues) => issues,
  refusal: (answer) => answer,
  storedInput: (input) => input,
  ticketID: (fresh) => fresh,
  heldTicket: (found) => found,
  applyUpdate: (apply) => apply,
  presentedTicket: (out) => out,
  cursorIssue: (issue) => issue,
  listing: (scope) => scope,
  pageQuery: (query) => query,
  listedPage: (listing) => listing,
  nextCursor: (position) => position,
};
