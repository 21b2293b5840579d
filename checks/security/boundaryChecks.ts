import type { DocSource } from '../../lib/contract/openapi';
import type { Exchange } from '../../lib/http/exchange';
import type { TransportResponse } from '../../lib/http/transport';
import { defineCheck, type Finding } from '../check';
import { disclosedInternals, stackTraceIn } from './disclosure';

/** An undocumented method sent to a documented path, and what a read-back afterwards found. */
export interface MethodEvidence {
  method: string;
  /** The path's documented methods (e.g. GET, PATCH). */
  documented: readonly string[];
  status: number;
  headers: Record<string, string>;
  exchange: Exchange;
  /** What the read-back found changed (undefined: nothing, or nothing to read back). */
  changed?: string;
  readBack?: Exchange;
}

/** A request that carried its credentials somewhere the docs do not put them, and nothing in Authorization. */
export interface MisplacedCredentialEvidence {
  credentials: string;
  status: number;
  exchange: Exchange;
}

export interface BoundaryCheckOptions {
  api: string;
  /** The API's check-id prefix (TKT, TWD). */
  prefix: string;
  /** The check number of each shared check within the SEC family. */
  numbers: { methodInert: number; methodAnswer: number; noStackTrace: number; noInternals: number; authChallenge: number; misplacedCredentials: number };
  operations: readonly string[];
  /** Where the API documents its methods, its error bodies and its authentication. */
  sources: { methods: DocSource; errors: DocSource; auth: DocSource };
  /** Which undocumented methods the API's tests send, for the catalogue. */
  methodProbes: string;
  misplacedProbes: string;
}

const ALLOW = { seed: 'HTTP (RFC 9110 §15.5.6)', sentence: "The origin server MUST generate an Allow header field in a 405 response containing a list of the target resource's currently supported methods." };
const CHALLENGE = { seed: 'HTTP (RFC 9110 §11.6.1)', sentence: 'A server generating a 401 (Unauthorized) response MUST send a WWW-Authenticate header field containing at least one challenge.' };

const id = (prefix: string, n: number) => `${prefix}-SEC-${String(n).padStart(3, '0')}`;

/** Every place a response can give something away: its headers and its body. */
function responseText(r: Pick<TransportResponse, 'headers' | 'text'>): string {
  return `${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${r.text}`;
}

/**
 * The boundary checks both APIs share: undocumented methods, what error answers disclose, the 401
 * challenge and credentials sent where the docs do not put them. Specs apply the disclosure and
 * challenge checks to every error answer the run sees (not only their own probes).
 */
export function boundaryChecks(o: BoundaryCheckOptions) {
  const methodInert = defineCheck<MethodEvidence>({
    id: id(o.prefix, o.numbers.methodInert),
    title: 'undocumented method acted',
    api: o.api,
    severity: 'error',
    source: o.sources.methods,
    detects: 'a 2xx to a method the pages do not document for the path, or data changed by one (read back afterwards)',
    triggers: o.methodProbes,
    requests: 'one request per undocumented method, and a read-back of what it could have changed',
    operations: o.operations,
    statuses: [404, 405],
    evaluate: (e) => {
      const out: Finding[] = [];
      if (e.status >= 200 && e.status < 300) out.push({ expected: `${e.method} refused (405, or 404): the path documents only ${e.documented.join(', ')}`, received: String(e.status), exchange: e.exchange });
      if (e.changed !== undefined) out.push({ expected: `nothing changed by ${e.method}`, received: e.changed, exchange: e.readBack ?? e.exchange });
      return out;
    },
  });

  const methodAnswer = defineCheck<MethodEvidence>({
    id: id(o.prefix, o.numbers.methodAnswer),
    title: 'undocumented method not answered 405 with Allow',
    api: o.api,
    severity: 'advisory',
    source: ALLOW,
    detects: `an undocumented method answered with anything but 405 carrying an Allow header that names the documented methods, or 404 (advisory: the pages do not say)`,
    triggers: o.methodProbes,
    requests: `none beyond ${id(o.prefix, o.numbers.methodInert)}'s`,
    operations: o.operations,
    statuses: [404, 405],
    evaluate: (e) => {
      if (e.status === 404) return [];
      if (e.status !== 405) return [{ expected: `405 with Allow: ${e.documented.join(', ')} (or 404)`, received: String(e.status), exchange: e.exchange }];
      const allow = new Set((e.headers.allow ?? '').split(',').map((m) => m.trim().toUpperCase()).filter(Boolean));
      const missing = e.documented.filter((m) => !allow.has(m));
      return missing.length === 0 ? [] : [{ expected: `Allow naming ${e.documented.join(', ')}`, received: e.headers.allow === undefined ? '405 without Allow' : `Allow: ${e.headers.allow} (missing ${missing.join(', ')})`, exchange: e.exchange }];
    },
  });

  const noStackTrace = defineCheck<TransportResponse>({
    id: id(o.prefix, o.numbers.noStackTrace),
    title: 'error answer carries a stack trace',
    api: o.api,
    severity: 'error',
    source: o.sources.errors,
    detects: 'a stack trace (JavaScript, Python, Java, Go, PHP, .NET, Ruby frames) in the body or headers of a 4xx or 5xx answer',
    triggers: 'every 4xx and 5xx answer the run receives',
    requests: 'none',
    operations: o.operations,
    statuses: [400, 401, 403, 404, 405, 413, 422, 500],
    evaluate: (e) => {
      if (e.status < 400) return [];
      const trace = stackTraceIn(responseText(e));
      return trace === undefined ? [] : [{ expected: 'an error message without internals', received: `a stack trace: ${trace}`, exchange: e.exchange }];
    },
  });

  const noInternals = defineCheck<TransportResponse>({
    id: id(o.prefix, o.numbers.noInternals),
    title: 'error answer discloses internals',
    api: o.api,
    severity: 'advisory',
    source: o.sources.errors,
    detects: 'file paths of source files, SQL or database errors, internal host names or private addresses, framework banners (X-Powered-By, a versioned Server header) in a 4xx or 5xx answer (advisory: recognisable patterns, not proof)',
    triggers: 'every 4xx and 5xx answer the run receives',
    requests: 'none',
    operations: o.operations,
    statuses: [400, 401, 403, 404, 405, 413, 422, 500],
    evaluate: (e) => {
      if (e.status < 400) return [];
      return disclosedInternals(e.headers, e.text).map((what) => ({ expected: 'an error answer that names no internals', received: what, exchange: e.exchange }));
    },
  });

  const authChallenge = defineCheck<TransportResponse>({
    id: id(o.prefix, o.numbers.authChallenge),
    title: '401 without WWW-Authenticate',
    api: o.api,
    severity: 'advisory',
    source: CHALLENGE,
    detects: 'a 401 without a WWW-Authenticate header (advisory: the pages do not show the header)',
    triggers: 'every 401 the run receives',
    requests: 'none',
    operations: o.operations,
    statuses: [401],
    evaluate: (e) => (e.status === 401 && !e.headers['www-authenticate']?.trim() ? [{ expected: 'WWW-Authenticate naming a scheme', received: '401 without WWW-Authenticate', exchange: e.exchange }] : []),
  });

  const misplacedCredentials = defineCheck<MisplacedCredentialEvidence>({
    id: id(o.prefix, o.numbers.misplacedCredentials),
    title: 'credentials in the wrong place served',
    api: o.api,
    severity: 'error',
    source: o.sources.auth,
    detects: 'a request served (any status below 400) whose only credentials were in the query string or a cookie, or in a Basic header with the key pair swapped',
    triggers: o.misplacedProbes,
    requests: 'one read per placement',
    operations: o.operations,
    statuses: [401],
    evaluate: (e) => (e.status < 400 ? [{ expected: `refused (401, or another 4xx): ${e.credentials}`, received: `${e.status}, served`, exchange: e.exchange }] : []),
  });

  return { methodInert, methodAnswer, noStackTrace, noInternals, authChallenge, misplacedCredentials };
}
