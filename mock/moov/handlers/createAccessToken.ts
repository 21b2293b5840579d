import { HttpAnswer, isPlainObject, parseJson } from '../../shared/http';
import type { Handler, MoovRequestContext } from '../context';
import { basicCredentials, keyPairMatches } from '../auth';

const SCOPE = /^\/accounts\/([^/\s]+)\/[a-z][a-z-]*\.(read|write)$/;

/** The token request's fields: form-encoded as documented, or JSON as some clients send. */
function tokenFields(ctx: MoovRequestContext): Record<string, unknown> {
  const text = ctx.body.text;
  if (/^application\/json/i.test(ctx.headers['content-type'] ?? '')) {
    const parsed = parseJson(text);
    if (!parsed.ok || !isPlainObject(parsed.value)) throw new HttpAnswer(400, { error: 'invalid_request: body is not a JSON object' });
    return parsed.value;
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export const createAccessToken: Handler = (ctx) => {
  const { config } = ctx;
  const fields = tokenFields(ctx);
  const basic = basicCredentials(ctx.headers.authorization);
  const user = basic?.user ?? fields.client_id;
  const password = basic?.password ?? fields.client_secret;
  if (user === undefined && password === undefined && config.variants.has('token-400-without-credentials')) {
    throw new HttpAnswer(400, { error: 'invalid_client' });
  }
  if (typeof user !== 'string' || typeof password !== 'string' || !keyPairMatches(ctx, user, password)) {
    throw new HttpAnswer(401, { error: 'invalid_client' }, { 'www-authenticate': 'Basic realm="moov"' }); // RFC 6749 §5.2
  }
  const issues = ctx.operation.requestBody?.validate(fields).issues ?? [];
  ctx.violations.push(...issues.map((i) => i.message));
  if (issues.some((i) => i.field === 'grant_type')) throw new HttpAnswer(400, { error: 'unsupported_grant_type: use client_credentials' });
  if (issues.length > 0) throw new HttpAnswer(422, { error: `invalid_scope: ${issues.map((i) => i.message).join('; ')}` });

  const scopes = String(fields.scope).split(/\s+/).filter((s) => s !== '');
  if (scopes.length === 0) throw new HttpAnswer(422, { error: 'invalid_scope: scope is empty' });
  for (const scope of scopes) {
    const match = SCOPE.exec(scope);
    if (!match) throw new HttpAnswer(422, { error: `invalid_scope: ${JSON.stringify(scope).slice(0, 200)} is not a scope` });
    if (config.variants.has('strict-token-scopes') && !ctx.store.reachable(config.partnerAccountID, match[1] ?? '')) {
      throw new HttpAnswer(403, { error: `invalid_scope: ${scope} is outside this account's reach` });
    }
  }
  const { token, expiresIn } = ctx.tokens.issue(config.partnerAccountID, scopes);
  return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope: scopes.join(' ') } };
};
