import { timingSafeEqual } from 'node:crypto';
import type { OperationSpec } from '../../lib/contract/loadContract';
import type { MoovOperationId } from '../../lib/contract/moov';
import { HttpAnswer } from '../shared/http';
import type { MoovMockConfig } from './config';
import type { TicketStore } from './store';
import type { TokenStore } from './tokens';

/** Who is calling: the key pair itself (every scope it can reach) or a token with its scopes. */
export type Principal =
  | { kind: 'key'; ownerID: string }
  | { kind: 'token'; ownerID: string; scopes: ReadonlySet<string> };

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const unauthorized = () => new HttpAnswer(401, { error: 'missing or invalid authentication' }, { 'www-authenticate': 'Basic realm="moov", Bearer' });

/** Whether a public/secret key pair is the configured one. */
export function keyPairMatches(config: MoovMockConfig, publicKey: string, secretKey: string): boolean {
  if (!sameText(publicKey, config.publicKey)) return false;
  return config.faults.has('wrong-secret-accepted') || sameText(secretKey, config.secretKey);
}

/** Decodes `Authorization: Basic ...` into its two halves, or undefined if it is not one. */
export function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** HTTP Basic with the key pair, or a bearer token the mock issued; anything else is a 401. */
export function authenticate(authorization: string | undefined, config: MoovMockConfig, tokens: TokenStore): Principal {
  if (authorization === undefined || authorization.trim() === '') {
    if (config.faults.has('missing-auth-accepted')) return { kind: 'key', ownerID: config.partnerAccountID };
    throw unauthorized();
  }
  const basic = basicCredentials(authorization);
  if (basic) {
    if (keyPairMatches(config, basic.user, basic.password)) return { kind: 'key', ownerID: config.partnerAccountID };
    throw unauthorized();
  }
  // A Basic header that does not decode, or an unknown scheme: 401, or 400 where a calibrated target said so.
  const malformed = (status: 400 | 401) => (status === 400 ? new HttpAnswer(400, { error: 'malformed Authorization header' }) : unauthorized());
  if (/^Basic(\s|$)/i.test(authorization)) throw malformed(config.malformedAuthorization.basic);
  if (!/^Bearer(\s|$)/i.test(authorization)) throw malformed(config.malformedAuthorization.scheme);
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const issued = bearer?.[1] ? tokens.lookup(bearer[1]) : undefined;
  if (!issued) throw unauthorized();
  return { kind: 'token', ownerID: issued.ownerID, scopes: issued.scopes };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * Applies the pages' scope rules to `operation` on `accountID`: the account must be the key
 * owner or connected to it, and a token needs every scope of one documented alternative.
 */
export function authorize(
  principal: Principal,
  operation: OperationSpec<MoovOperationId>,
  accountID: string,
  store: TicketStore,
  config: MoovMockConfig,
): void {
  const refuse = () =>
    config.variants.has('unreachable-404')
      ? new HttpAnswer(404, { error: 'account not found' })
      : new HttpAnswer(403, { error: 'not authorized for this account' });
  const reachable = store.hasAccount(accountID) && (store.reachable(principal.ownerID, accountID) || config.faults.has('unrelated-account-reachable'));
  if (!reachable) throw refuse();
  if (principal.kind === 'key') return;

  const rule = operation.scopes;
  if (!rule) throw new Error(`operation ${operation.id} has no x-scopes in the contract`);
  if (operation.id === 'listTickets' && config.faults.has('list-scope-ignored')) return;
  const values = { accountID, partnerAccountID: principal.ownerID };
  let alternatives = [rule.own, rule.partner].map((scopes) => scopes.map((s) => fill(s, values)));
  if (config.faults.has('profile-scope-not-required')) {
    alternatives = alternatives.map((scopes) => scopes.filter((s) => !s.endsWith('/profile.read')));
  }
  if (config.faults.has('read-scope-can-write')) {
    alternatives = [...alternatives, ...alternatives.map((scopes) => scopes.map((s) => s.replace(/tickets\.write$/, 'tickets.read')))];
  }
  const has = (scope: string) =>
    principal.scopes.has(scope) || (config.faults.has('any-profile-scope-accepted') && scope.endsWith('/profile.read') && [...principal.scopes].some((s) => s.endsWith('/profile.read')));
  if (config.faults.has('partner-form-refused') && accountID !== principal.ownerID) alternatives = alternatives.slice(0, 1);
  const granted = alternatives.some((scopes) => scopes.every(has));
  if (!granted) throw new HttpAnswer(403, { error: `missing scope for ${operation.id}: ${rule.own.join(' ')}` });
}
