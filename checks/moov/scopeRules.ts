import type { Ticket } from '../../lib/contract/moov.types';
import { defineCheck, type Finding } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

/** A request made with a token, and what the pages say it should get. */
export interface ScopeEvidence extends JudgedResponse {
  scopes: string[];
  /** Why the pages allow or deny it, in words. */
  rule: string;
  /** For a refused update of an open ticket: its status before, and as read back after (a refusal changes nothing). */
  ticket?: { before: Ticket; after?: Ticket };
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** A refusal: a 403, and a refused update leaves the ticket as it was. */
function refused(e: ScopeEvidence): Finding[] {
  const findings: Finding[] = e.status === 403 ? [] : [{ expected: `403: ${e.rule}`, received: String(e.status), exchange: e.exchange }];
  const { before, after } = e.ticket ?? {};
  if (before && after && after.status !== before.status) findings.push({ expected: `the ticket still ${before.status} after the refused update`, received: `${after.status} when read back`, exchange: e.exchange });
  return findings;
}

export const documentedScopeAllowed = defineCheck<ScopeEvidence>({
  id: 'TKT-SCP-001',
  title: 'documented scope refused',
  api: 'moov',
  severity: 'error',
  source: SRC.scopeOwn,
  detects: 'an operation refused (401/403) to a token that carries exactly the scopes its page names (own-account form, or partner form with profile.read for a connected account)',
  triggers: 'tokens minted with the documented scopes, for each operation and account',
  requests: 'one token per scope set (cached per worker) and one request per operation × account',
  operations: ['listTickets', 'getTicket', 'createTicket', 'updateTicket'],
  statuses: [200],
  evaluate: (e) => (isSuccess(e.status) ? [] : [{ expected: `2xx: ${e.rule}`, received: String(e.status), exchange: e.exchange }]),
});

export const missingScopeDenied = defineCheck<ScopeEvidence>({
  id: 'TKT-SCP-002',
  title: 'operation allowed without its documented scope',
  api: 'moov',
  severity: 'error',
  source: SRC.scopeOwn,
  detects: 'a token lacking the documented scope (no ticket scope, read for a write, write for a read, another account\'s scope) that is not refused with 403, or whose refused update still changes the ticket',
  triggers: 'tokens minted with each insufficient scope set, for each operation (updates of an open ticket, read back after)',
  requests: 'one token per scope set (cached per worker) and one request per operation × scope set',
  operations: ['listTickets', 'getTicket', 'createTicket', 'updateTicket'],
  statuses: [403],
  evaluate: refused,
});

export const profileScopeRequired = defineCheck<ScopeEvidence>({
  id: 'TKT-SCP-003',
  title: "connected account served without profile.read",
  api: 'moov',
  severity: 'error',
  source: SRC.scopePartner,
  detects: "a connected account's tickets served to a token with the partner's tickets scope but without /accounts/{accountID}/profile.read, or a refused update that still changes the ticket",
  triggers: 'partner-form tokens without profile.read, for each operation on MOOV_ACCOUNT_ID',
  requests: 'one token per scope set (cached per worker) and one request per operation',
  operations: ['listTickets', 'getTicket', 'createTicket', 'updateTicket'],
  statuses: [403],
  evaluate: refused,
});
