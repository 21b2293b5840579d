import type { JsonSchema } from '../../lib/contract/openapi';
import type { ValidationIssue } from '../../lib/contract/validation';
import { HttpAnswer, isPlainObject, parseJson } from '../shared/http';
import type { MoovRequestContext } from './context';

/**
 * The request's JSON object body. Malformed JSON and non-object bodies are a 400 {error}
 * ("The server could not understand the request due to invalid syntax").
 */
export function jsonObjectBody(ctx: MoovRequestContext, emptyAs?: Record<string, unknown>): Record<string, unknown> {
  const contentType = ctx.headers['content-type'];
  if (ctx.body.text !== '' && contentType !== undefined && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    ctx.violations.push(`content-type is "${contentType}", the contract documents application/json`);
  }
  if (ctx.body.text.trim() === '') {
    if (emptyAs) return emptyAs;
    ctx.violations.push('request body is required');
    throw new HttpAnswer(400, { error: 'request body is required' });
  }
  const parsed = parseJson(ctx.body.text);
  if (!parsed.ok) {
    ctx.violations.push(`request body is not JSON: ${parsed.error}`);
    throw ctx.tamper.refusal(new HttpAnswer(400, { error: `request body is not valid JSON: ${parsed.error}` }), { reason: 'malformed-json' }, ctx);
  }
  if (!isPlainObject(parsed.value)) {
    ctx.violations.push('request body is not a JSON object');
    throw new HttpAnswer(400, { error: 'request body must be a JSON object' });
  }
  return ctx.tamper.requestBody(parsed.value, ctx);
}

/** Validates the body against the operation's documented request schema. */
export function contractIssues(ctx: MoovRequestContext, body: Record<string, unknown>): ValidationIssue[] {
  const spec = ctx.operation.requestBody;
  if (!spec) throw new Error(`${ctx.operation.id} has no request body in the contract`);
  const issues = spec.validate(body).issues;
  ctx.violations.push(...issues.map((i) => i.message));
  return ctx.tamper.issues(issues, 'contract', body, ctx);
}

/**
 * The operation's 422 body (CreateTicketError, UpdateTicketError): one message per offending
 * field, placed where the error schema has room for it.
 */
export function fieldErrorBody(ctx: MoovRequestContext, schemaName: string, issues: ValidationIssue[]): Record<string, unknown> {
  const schema = ctx.contract.schema(schemaName);
  const out: Record<string, unknown> = {};
  for (const issue of issues) {
    const [head, ...rest] = issue.field.split('.');
    const property = head ? ((schema.properties ?? {}) as Record<string, JsonSchema>)[head] : undefined;
    if (!head || !property) continue;
    if (property.type === 'object') {
      const inner = rest[0] ?? Object.keys((property.properties ?? {}) as object)[0];
      if (!inner) continue;
      const nested = (isPlainObject(out[head]) ? out[head] : {}) as Record<string, unknown>;
      nested[inner] ??= issue.message;
      out[head] = nested;
    } else {
      out[head] ??= issue.message;
    }
  }
  return out;
}

/** A 4xx for contract violations: 422 with the field body, or 400 where the variant says so. */
export function rejectInvalid(ctx: MoovRequestContext, schemaName: string, issues: ValidationIssue[]): never {
  const typeMismatch = issues.some((i) => i.keyword === 'type');
  const answer = typeMismatch && ctx.config.variants.has('type-mismatch-400')
    ? new HttpAnswer(400, { error: issues.map((i) => i.message).join('; ') })
    : new HttpAnswer(422, fieldErrorBody(ctx, schemaName, issues));
  throw ctx.tamper.refusal(answer, { reason: 'invalid-body', issues }, ctx);
}
