import { moovContract, type MoovOperationId } from '../../lib/contract/moov';

export type AccountRole = 'partner' | 'connected' | 'unrelated';

/** One row of the scope matrix: a token's scopes, the account acted on, and what the pages say. */
export interface ScopeCase {
  operation: MoovOperationId;
  account: AccountRole;
  scopes: string[];
  expect: 'allow' | 'deny' | 'deny-profile' | 'unreachable';
  rule: string;
}

export interface AccountIds {
  partner: string;
  connected: string;
  unrelated: string;
}

const TICKET_OPERATIONS = ['listTickets', 'getTicket', 'createTicket', 'updateTicket'] as const satisfies readonly MoovOperationId[];

function fill(template: string, accountID: string, partnerAccountID: string): string {
  return template.replace('{accountID}', accountID).replace('{partnerAccountID}', partnerAccountID);
}

/**
 * The scope matrix, built from each operation's x-scopes in the contract: the documented forms
 * (allowed), and the near misses the pages rule out (denied). Cases the pages leave open (an
 * own-account scope naming a connected account) are not in it.
 */
export function scopeMatrix(ids: AccountIds): ScopeCase[] {
  const contract = moovContract();
  const cases: ScopeCase[] = [];
  for (const operation of TICKET_OPERATIONS) {
    const rule = contract.operation(operation).scopes;
    if (!rule) throw new Error(`scopeMatrix: ${operation} has no x-scopes in the contract`);
    const own = rule.own.map((s) => fill(s, ids.partner, ids.partner));
    const kind = /tickets\.(read|write)$/.exec(rule.own[0] ?? '')?.[1];
    const opposite = kind === 'read' ? 'write' : 'read';
    const swap = (scopes: string[]) => scopes.map((s) => s.replace(/tickets\.(read|write)$/, `tickets.${opposite}`));
    const partnerForm = rule.partner.map((s) => fill(s, ids.connected, ids.partner));
    const profileOnly = partnerForm.filter((s) => s.endsWith('/profile.read'));
    const withoutProfile = partnerForm.filter((s) => !s.endsWith('/profile.read'));
    const add = (account: AccountRole, scopes: string[], expect: ScopeCase['expect'], ruleText: string) =>
      cases.push({ operation, account, scopes, expect, rule: ruleText });

    add('partner', own, 'allow', `the documented scope ${own.join(' ')}`);
    add('partner', [...own, ...swap(own)], 'allow', 'the documented scope plus its read/write twin');
    add('partner', [fill('/accounts/{accountID}/profile.read', ids.partner, ids.partner)], 'deny', 'no tickets scope at all');
    add('partner', swap(own), 'deny', `tickets.${opposite} instead of tickets.${kind}`);
    add('partner', own.map((s) => s.replace(ids.partner, ids.connected)), 'deny', "another account's tickets scope");
    add('connected', partnerForm, 'allow', `the documented partner form ${partnerForm.join(' ')}`);
    add('connected', withoutProfile, 'deny-profile', `the partner's tickets scope without /accounts/${ids.connected}/profile.read`);
    add('connected', [...withoutProfile, fill('/accounts/{accountID}/profile.read', ids.partner, ids.partner)], 'deny-profile', "the partner's tickets scope with the partner's own profile.read instead of the connected account's");
    add('connected', profileOnly, 'deny', 'profile.read without any tickets scope');
    add('connected', swap(partnerForm), 'deny', `the partner form with tickets.${opposite} instead of tickets.${kind}`);
    add('unrelated', own.map((s) => s.replace(ids.partner, ids.unrelated)), 'unreachable', "a tickets scope naming an account outside the partner's reach");
    add('unrelated', rule.partner.map((s) => fill(s, ids.unrelated, ids.partner)), 'unreachable', "the partner form naming an account outside the partner's reach");
  }
  return cases;
}
