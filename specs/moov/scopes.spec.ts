import fc from 'fast-check';
import { moovChecks as C } from '../../checks/moov';
import type { ScopeEvidence } from '../../checks/moov/scopeRules';
import { verify } from '../../checks/verify';
import { createTicketBody } from '../../generators/moov/createTicketBody';
import { scopeMatrix, type ScopeCase } from '../../generators/moov/scopeMatrix';
import type { MoovOperationId } from '../../lib/contract/moov';
import type { MoovAuth, MoovRequest } from '../../lib/moov/client';
import { covers } from '../support/outcomes';
import type { MoovApi } from './support/api';
import { test } from './support/fixtures';

const UNKNOWN_TICKET = '00000000-0000-4000-8000-000000000000';

function accountOf(moov: MoovApi, scopeCase: ScopeCase): string {
  return moov.ids[scopeCase.account];
}

function body(moov: MoovApi) {
  return { ...fc.sample(createTicketBody(), { numRuns: 1, seed: 11 })[0]!, foreignID: moov.label('scope') };
}

/**
 * The request a scope case sends. Allowed updates close a ticket made for them. Refused ones send a
 * valid close of a ticket already closed: valid, so a server that validates before it authorises
 * still answers 403, and harmless should it wrongly be allowed.
 */
async function requestFor(moov: MoovApi, scopeCase: ScopeCase, tickets: KnownTickets): Promise<MoovRequest> {
  const accountID = accountOf(moov, scopeCase);
  const ticketID = tickets.any.get(accountID) ?? UNKNOWN_TICKET;
  switch (scopeCase.operation) {
    case 'listTickets':
      return { path: { accountID }, query: { count: 1 } };
    case 'getTicket':
      return { path: { accountID, ticketID } };
    case 'createTicket':
      return { path: { accountID }, json: body(moov) };
    case 'updateTicket':
      if (scopeCase.expect === 'allow') {
        const { ticket } = await moov.create(accountID, body(moov));
        return { path: { accountID, ticketID: ticket.ticketID }, json: { status: 'closed' } };
      }
      return { path: { accountID, ticketID: tickets.closed.get(accountID) ?? UNKNOWN_TICKET }, json: { status: 'closed' } };
    default:
      throw new Error(`no scope request for ${scopeCase.operation}`);
  }
}

async function runCase(moov: MoovApi, scopeCase: ScopeCase, tickets: KnownTickets): Promise<void> {
  // A target may refuse to mint a scope outside the partner's reach, with 403 or 404 as well.
  const token = await moov.token(scopeCase.scopes, scopeCase.expect === 'unreachable' ? 'outside-reach' : 'valid');
  if (!token) {
    // A target may refuse to mint a token it could never honour; only documented scopes must be minted.
    if (scopeCase.expect === 'allow') throw new Error(`the target refused to mint a token with the documented scopes ${scopeCase.scopes.join(' ')}`);
    return;
  }
  const request = { ...(await requestFor(moov, scopeCase, tickets)), auth: token as MoovAuth };
  const operation: MoovOperationId = scopeCase.operation;
  const response = await moov.call(operation, request, scopeCase.expect === 'unreachable' ? 'outside-reach' : 'valid');
  if (operation === 'createTicket' && response.status === 200) moov.recordCreated(request.path.accountID ?? '', response.json, '');
  const evidence: ScopeEvidence = { ...response, intent: scopeCase.expect === 'unreachable' ? 'outside-reach' : 'valid', scopes: scopeCase.scopes, rule: scopeCase.rule };
  const scope = { operation, status: response.status };
  switch (scopeCase.expect) {
    case 'allow':
      return verify(C.documentedScopeAllowed, evidence, scope);
    case 'deny':
      return verify(C.missingScopeDenied, evidence, scope);
    case 'deny-profile':
      return verify(C.profileScopeRequired, evidence, scope);
    case 'unreachable':
      return verify(C.unreachableAccountRefused, evidence, scope);
  }
}

interface KnownTickets {
  any: Map<string, string>;
  closed: Map<string, string>;
}

/** A ticket of each reachable account, and a closed one (made, when writes allow, where none exists). */
async function knownTickets(moov: MoovApi, makeClosed: boolean): Promise<KnownTickets> {
  const tickets: KnownTickets = { any: new Map(), closed: new Map() };
  for (const accountID of [moov.ids.partner, moov.ids.connected]) {
    const first = (await moov.listPage(accountID, { count: 1 })).items[0];
    if (first) tickets.any.set(accountID, first.ticketID);
    let closed = (await moov.listPage(accountID, { count: 1, status: 'closed' })).items[0]?.ticketID;
    if (!closed && makeClosed) {
      const { ticket } = await moov.create(accountID, body(moov));
      closed = (await moov.close(accountID, ticket.ticketID)).ticket.ticketID;
    }
    if (closed) tickets.closed.set(accountID, closed);
  }
  return tickets;
}

test.describe('scopes', () => {
  test('read operations honour exactly the documented scopes', covers(C.documentedScopeAllowed, C.missingScopeDenied, C.profileScopeRequired, C.unreachableAccountRefused), async ({ moov }) => {
    const tickets = await knownTickets(moov, false);
    for (const scopeCase of scopeMatrix(moov.ids).filter((c) => c.operation === 'listTickets' || c.operation === 'getTicket')) {
      await runCase(moov, scopeCase, tickets);
    }
  });

  test('write operations honour exactly the documented scopes', covers(C.documentedScopeAllowed, C.missingScopeDenied, C.profileScopeRequired, C.unreachableAccountRefused), async ({ moov }) => {
    const cases = scopeMatrix(moov.ids).filter((c) => c.operation === 'createTicket' || c.operation === 'updateTicket');
    // Each allowed create makes a ticket, each allowed update one to close, plus a closed one per account if none exists.
    moov.requireWrites(cases.filter((c) => c.expect === 'allow').length + 2);
    const tickets = await knownTickets(moov, true);
    for (const scopeCase of cases) await runCase(moov, scopeCase, tickets);
  });
});
