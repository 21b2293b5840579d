import type { DocSource } from '../../lib/contract/openapi';
import type { ResponseSpec } from '../../lib/contract/loadContract';
import { defineCheck, type Check } from '../check';
import type { ResponseEvidence } from './evidence';

/**
 * The checks every response of a contract-described API gets, whatever the API: status
 * documented, no server error, body and headers as the contract says, JSON served as JSON.
 * Built per API so each keeps its own id prefix (TKT-..., TWD-...) and doc sources.
 */
export interface ResponseCheckOptions {
  api: Check<never>['api'];
  prefix: string;
  operations: readonly string[];
  /** Where the pages list each operation's responses. */
  statusSource: DocSource;
  headerSource?: DocSource;
  bodySource: DocSource;
}

export interface ResponseChecks {
  statusDocumented: Check<ResponseEvidence>;
  noServerError: Check<ResponseEvidence>;
  bodyConforms: Check<ResponseEvidence>;
  jsonServedAsJson: Check<ResponseEvidence>;
  headersPresent: Check<ResponseEvidence> | undefined;
  validRequestServed: Check<ResponseEvidence>;
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

function specFor(evidence: ResponseEvidence): ResponseSpec | undefined {
  return evidence.operation.responses.get(evidence.status);
}

/** Headers required on every documented response of the operation (e.g. x-request-id). */
function alwaysRequiredHeaders(evidence: ResponseEvidence): string[] {
  const specs = [...evidence.operation.responses.values()];
  const first = specs[0];
  if (!first) return [];
  return first.headers
    .filter((h) => h.required && specs.every((s) => s.headers.some((o) => o.name === h.name && o.required)))
    .map((h) => h.name);
}

export function responseChecks(options: ResponseCheckOptions): ResponseChecks {
  const { api, prefix, operations } = options;
  const statusDocumented = defineCheck<ResponseEvidence>({
    id: `${prefix}-HTTP-001`,
    title: 'status not documented for the operation',
    api,
    severity: 'error',
    source: options.statusSource,
    detects: 'a response status the pages do not list for the operation',
    triggers: 'every response the suite receives (a deliberately invalid request may get any 4xx, an unreachable account 403 or 404)',
    requests: 'none',
    operations,
    statuses: 'documented',
    evaluate: (e) => {
      if (e.operation.documentedStatuses.includes(e.status)) return [];
      if (e.intent === 'invalid-input' && e.status >= 400 && e.status < 500) return [];
      if (e.intent === 'outside-reach' && (e.status === 403 || e.status === 404)) return [];
      return [{ expected: `one of ${e.operation.documentedStatuses.join(', ')}`, received: String(e.status), exchange: e.exchange }];
    },
  });

  const noServerError = defineCheck<ResponseEvidence>({
    id: `${prefix}-HTTP-002`,
    title: 'server error',
    api,
    severity: 'error',
    source: { seed: 'HTTP (RFC 9110 §15.6)', sentence: 'The 5xx (Server Error) class of status code indicates that the server is aware that it has erred or is incapable of performing the requested method.' },
    detects: 'a 5xx answer to a request the suite built from the contract (valid, or invalid on purpose, which must be a 4xx)',
    triggers: 'every response the suite receives',
    requests: 'none',
    operations,
    statuses: [500, 502, 503, 504],
    evaluate: (e) => (e.status >= 500 ? [{ expected: e.intent === 'invalid-input' ? 'a 4xx' : 'no server error', received: String(e.status), exchange: e.exchange }] : []),
  });

  const bodyConforms = defineCheck<ResponseEvidence>({
    id: `${prefix}-SCH-001`,
    title: 'response body does not match the contract',
    api,
    severity: 'error',
    source: options.bodySource,
    detects: 'a documented body with a missing required field, a wrong type, a value outside its enum or a date-time that is not RFC 3339 (every Ajv error reported)',
    triggers: 'every response whose status has a documented body',
    requests: 'none',
    operations,
    statuses: 'documented',
    evaluate: (e) => {
      const spec = specFor(e);
      if (!spec?.validateBody) return [];
      if (e.parseError !== undefined || e.text === '') {
        return [{ expected: `a JSON body (${spec.description})`, received: e.text === '' ? 'an empty body' : `text that is not JSON: ${e.parseError ?? ''}`, exchange: e.exchange }];
      }
      const result = spec.validateBody(e.json);
      return result.valid ? [] : [{ expected: 'a body that validates against the contract', received: result.issues.map((i) => i.message).join('; '), exchange: e.exchange }];
    },
  });

  const jsonServedAsJson = defineCheck<ResponseEvidence>({
    id: `${prefix}-SCH-002`,
    title: 'JSON body not served as JSON',
    api,
    severity: 'error',
    source: options.bodySource,
    detects: 'a documented application/json body sent with another Content-Type',
    triggers: 'every response whose status has a documented body',
    requests: 'none',
    operations,
    statuses: 'documented',
    evaluate: (e) => {
      const spec = specFor(e);
      if (!spec?.contentType || e.text === '') return [];
      const type = e.headers['content-type'] ?? '';
      return JSON_TYPE.test(type) ? [] : [{ expected: `Content-Type ${spec.contentType}`, received: type === '' ? 'no Content-Type' : type, exchange: e.exchange }];
    },
  });

  const headersPresent = options.headerSource
    ? defineCheck<ResponseEvidence>({
        id: `${prefix}-HDR-001`,
        title: 'documented response header missing or malformed',
        api,
        severity: 'error',
        source: options.headerSource,
        detects: 'a required documented header (e.g. x-request-id) that is absent or does not match its schema (uuid)',
        triggers: 'every response the suite receives; headers every documented response shares are required on the others too',
        requests: 'none',
        operations,
        statuses: 'documented',
        evaluate: (e) => {
          const spec = specFor(e);
          if (spec) {
            const result = spec.validateHeaders(e.headers);
            return result.valid ? [] : [{ expected: 'every documented header, valid', received: result.issues.map((i) => i.message).join('; '), exchange: e.exchange }];
          }
          const missing = alwaysRequiredHeaders(e).filter((name) => e.headers[name] === undefined);
          return missing.length === 0 ? [] : [{ expected: `headers ${missing.join(', ')} (sent on every documented response)`, received: 'absent', exchange: e.exchange }];
        },
      })
    : undefined;

  const validRequestServed = defineCheck<ResponseEvidence>({
    id: `${prefix}-HTTP-003`,
    title: 'valid request not served',
    api,
    severity: 'error',
    source: options.statusSource,
    detects: 'a request the pages say must succeed (documented credentials, scopes and body) answered with a non-2xx',
    triggers: 'every request the suite needs to succeed to gather evidence (walks, reads, its own creates and closes)',
    requests: 'none',
    operations,
    statuses: [200],
    evaluate: (e) => (e.status >= 200 && e.status < 300 ? [] : [{ expected: 'a 2xx', received: String(e.status), exchange: e.exchange }]),
  });

  return { statusDocumented, noServerError, bodyConforms, jsonServedAsJson, headersPresent, validRequestServed };
}
