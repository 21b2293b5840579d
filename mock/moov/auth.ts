import { timingSafeEqual } from 'node:crypto';
import { HttpAnswer } from '../shared/http';
import type { Authorize, MoovRequestContext, Principal } from './context';

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const unauthorized = () => new HttpAnswer(401, { error: 'missing or invalid authentication' }, { 'www-authenticate': 'Basic realm="moov", Bearer' });

/** Whether a public/secret key pair is the configured one. */
export function keyPairMatches(ctx: MoovRequestContext, publicKey: string, secretKey: string): boolean {
  const { config } = ctx;
  return ctx.tamper.keyPairMatches((pub, secret) => sameText(pub, config.publicKey) && sameText(secret, config.secretKey))(publicKey, secretKey);
}

/** Decodes `Authorization: Basic ...` into its two halves, or undefined if it is not one. */
export function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The caller of a request: see authenticateHeader. */
export function authenticate(ctx: MoovRequestContext): Principal {
  return ctx.tamper.authenticate(authenticateHeader)(ctx);
}

/** HTTP Basic with the key pair, or a bearer token the mock issued; anything else is a 401. */
function authenticateHeader(ctx: MoovRequestContext): Principal {
  const { config, tokens } = ctx;
  const authorization = ctx.headers.authorization;
  if (authorization === undefined || authorization.trim() === '') throw unauthorized();
  const basic = basicCredentials(authorization);
  if (basic) {
    if (keyPairMatches(ctx, basic.user, basic.password)) return { kind: 'key', ownerID: config.partnerAccountID };
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
 * Applies the pages' scope rules to the request's operation on `accountID`: the account must be
 * the key owner or connected to it, and a token needs every scope of one documented alternative.
 */
export function authorize(ctx: MoovRequestContext, principal: Principal, accountID: string): void {
  ctx.tamper.authorize(checkScopes)(ctx, principal, accountID);
}

const checkScopes: Authorize = (ctx, principal, accountID) => {
  const { config, store, operation } = ctx;
  const refuse = () =>
    config.variants.has('unreachable-404')
      ? new HttpAnswer(404, { error: 'account not found' })
      : new HttpAnswer(403, { error: 'not authorized for this account' });
  const reachable = store.hasAccount(accountID) && ctx.tamper.reachable(store.reachable(principal.ownerID, accountID), ctx, principal, accountID);
  if (!reachable) throw refuse();
  if (principal.kind === 'key') return;

  const rule = operation.scopes;
  if (!rule) throw new Error(`operation ${operation.id} has no x-scopes in the contract`);
  const values = { accountID, partnerAccountID: principal.ownerID };
  const check = ctx.tamper.scopes(
    { alternatives: [rule.own, rule.partner].map((scopes) => scopes.map((s) => fill(s, values))), has: (scope) => principal.scopes.has(scope) },
    ctx,
    principal,
    accountID,
  );
  const granted = check.alternatives.some((scopes) => scopes.every(check.has));
  if (!granted) throw new HttpAnswer(403, { error: `missing scope for ${operation.id}: ${rule.own.join(' ')}` });
};
