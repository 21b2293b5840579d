import fc from 'fast-check';
import { moovChecks as C } from '../../checks/moov';
import type { ScopeEvidence } from '../../checks/moov/scopeRules';
import { verify } from '../../checks/verify';
import { createTicketBody } from '../../generators/moov/createTicketBody';
import { scopeMatrix, type ScopeCase } from '../../generators/moov/scopeMatrix';
import type { MoovOperationId } from '../../lib/contract/moov';
import type { Ticket } from '../../lib/contract/moov.types';
import type { MoovAuth, MoovRequest } from '../../lib/moov/client';
import type { Intent } from '../../checks/response/evidence';
import { isRecord } from '../../lib/json';
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
 * The request a scope case sends. Allowed updates close a ticket an allowed create made in the same
 * account. Refused ones send a valid close (so a server that validates before it authorises still
 * answers 403) of an open ticket an allowed create made, where a refusal that closes it all the
 * same shows when it is read back; the allowed updates close it afterwards. Without one, a ticket
 * already closed, harmless should the close be wrongly allowed.
 */
function requestFor(moov: MoovApi, scopeCase: ScopeCase, tickets: KnownTickets): MoovRequest {
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
      if (scopeCase.expect === 'allow') return { path: { accountID, ticketID: tickets.open.get(accountID)?.pop() ?? UNKNOWN_TICKET }, json: { status: 'closed' } };
      return { path: { accountID, ticketID: tickets.open.get(accountID)?.at(-1) ?? tickets.closed.get(accountID) ?? UNKNOWN_TICKET }, json: { status: 'closed' } };
    default:
      throw new Error(`no scope request for ${scopeCase.operation}`);
  }
}

async function send(moov: MoovApi, scopeCase: ScopeCase, request: MoovRequest, intent: Intent, tickets: KnownTickets) {
  if (scopeCase.operation !== 'createTicket') return moov.call(scopeCase.operation, request, intent);
  // An allowed create is one of the test's planned tickets; a refused one a refusal probe.
  if (scopeCase.expect !== 'allow') return moov.probeCreate(request, intent);
  moov.takePlannedWrite();
  const response = await moov.call('createTicket', request, intent);
  if (response.status >= 200 && response.status < 300 && isRecord(response.json) && typeof response.json.ticketID === 'string') {
    moov.recordCreated(request.path.accountID ?? '', response.json, String((request.json as { foreignID?: string }).foreignID ?? ''));
    const open = tickets.open.get(request.path.accountID ?? '') ?? [];
    open.push(response.json.ticketID);
    tickets.created.set(response.json.ticketID, response.json as unknown as Ticket);
    tickets.open.set(request.path.accountID ?? '', open);
  }
  return response;
}

async function runCase(moov: MoovApi, scopeCase: ScopeCase, tickets: KnownTickets): Promise<void> {
  const intent: Intent = scopeCase.expect === 'unreachable' ? 'outside-reach' : 'valid';
  // A target may refuse to mint a scope outside the partner's reach, with 403 or 404 as well.
  const token = await moov.token(scopeCase.scopes, intent);
  if (!token) {
    // A target may refuse to mint a token it could never honour; only documented scopes must be minted.
    if (scopeCase.expect === 'allow') throw new Error(`the target refused to mint a token with the documented scopes ${scopeCase.scopes.join(' ')}`);
    return;
  }
  // Requests a correct target refuses are safe to send again when weather takes their answer.
  const request = { ...requestFor(moov, scopeCase, tickets), auth: token as MoovAuth, repeatable: scopeCase.expect !== 'allow' };
  const operation: MoovOperationId = scopeCase.operation;
  const response = await send(moov, scopeCase, request, intent, tickets);
  if (!response) return; // the refusal-probe reserve is spent (the report says so)
  if (operation === 'updateTicket' && scopeCase.expect === 'allow' && response.status === 200) tickets.closed.set(request.path.accountID ?? '', request.path.ticketID ?? '');
  const evidence: ScopeEvidence = { ...response, intent, scopes: scopeCase.scopes, rule: scopeCase.rule, ...(await refusedUpdateTicket(moov, scopeCase, request, tickets)) };
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

/** For a refused update of an open ticket: the ticket before, and read back (with the key pair) after. */
async function refusedUpdateTicket(moov: MoovApi, scopeCase: ScopeCase, request: MoovRequest, tickets: KnownTickets): Promise<Pick<ScopeEvidence, 'ticket'>> {
  const ticketID = request.path.ticketID ?? '';
  const accountID = request.path.accountID ?? '';
  if (scopeCase.operation !== 'updateTicket' || scopeCase.expect === 'allow' || !tickets.open.get(accountID)?.includes(ticketID)) return {};
  const read = await moov.call('getTicket', { path: { accountID, ticketID } });
  return { ticket: { before: { ...(tickets.created.get(ticketID) as Ticket) }, ...(read.status === 200 ? { after: read.json as Ticket } : {}) } };
}

interface KnownTickets {
  any: Map<string, string>;
  /** Tickets allowed creates made, waiting for the allowed updates to close them. */
  open: Map<string, string[]>;
  /** The tickets allowed creates made, as created. */
  created: Map<string, Ticket>;
  closed: Map<string, string>;
}

/** A ticket of each reachable account, and a closed one where the account has one. */
async function knownTickets(moov: MoovApi): Promise<KnownTickets> {
  const tickets: KnownTickets = { any: new Map(), open: new Map(), created: new Map(), closed: new Map() };
  for (const accountID of [moov.ids.partner, moov.ids.connected]) {
    const first = (await moov.listPage(accountID, { count: 1 })).items[0];
    if (first) tickets.any.set(accountID, first.ticketID);
    const closed = (await moov.listPage(accountID, { count: 1, status: 'closed' })).items[0]?.ticketID;
    if (closed) tickets.closed.set(accountID, closed);
  }
  return tickets;
}

/** Allowed creates first (they make the tickets), then the refusals (on those tickets, still open), then allowed updates (they close them). */
function writeOrder(a: ScopeCase, b: ScopeCase): number {
  const rank = (c: ScopeCase) => (c.expect === 'allow' ? (c.operation === 'createTicket' ? 0 : 2) : 1);
  return rank(a) - rank(b);
}

test.describe('scopes', () => {
  test('read operations honour exactly the documented scopes', covers(C.documentedScopeAllowed, C.missingScopeDenied, C.profileScopeRequired, C.unreachableAccountRefused), async ({ moov }) => {
    const tickets = await knownTickets(moov);
    for (const scopeCase of scopeMatrix(moov.ids).filter((c) => c.operation === 'listTickets' || c.operation === 'getTicket')) {
      await runCase(moov, scopeCase, tickets);
    }
  });

  test('write operations honour exactly the documented scopes', covers(C.documentedScopeAllowed, C.missingScopeDenied, C.profileScopeRequired, C.unreachableAccountRefused), async ({ moov }) => {
    const cases = scopeMatrix(moov.ids).filter((c) => c.operation === 'createTicket' || c.operation === 'updateTicket').sort(writeOrder);
    moov.writes('scopes: write operations');
    const tickets = await knownTickets(moov);
    for (const scopeCase of cases) await runCase(moov, scopeCase, tickets);
  });
});
