import type { JsonSchema } from '../../lib/contract/openapi';
import { isRecord } from '../../lib/json';
import { defineCheck } from '../check';
import { SDK_SRC } from './sources';

export interface RoundTripEvidence {
  call: string;
  /** The contract schema of the body (inlined). */
  schema: JsonSchema;
  /** The JSON the target sent. */
  raw: unknown;
  /** What the SDK returned for it. */
  returned: unknown;
}

/** Differences between the raw JSON and the SDK's value, for the fields the contract documents. */
export function roundTripDiffs(schema: JsonSchema, raw: unknown, returned: unknown, path = ''): string[] {
  const at = path || '(body)';
  if (schema.type === 'object' && isRecord(raw)) {
    if (!isRecord(returned)) return [`${at}: an object became ${typeof returned}`];
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    return Object.entries(properties).flatMap(([key, child]) => {
      const sub = path ? `${path}.${key}` : key;
      if (raw[key] === undefined) return [];
      if (!(key in returned) || returned[key] === undefined) return [`${sub}: dropped (sent ${JSON.stringify(raw[key]).slice(0, 80)})`];
      return roundTripDiffs(child, raw[key], returned[key], sub);
    });
  }
  if (schema.type === 'array' && Array.isArray(raw)) {
    if (!Array.isArray(returned) || returned.length !== raw.length) return [`${at}: ${raw.length} items became ${Array.isArray(returned) ? returned.length : typeof returned}`];
    return raw.flatMap((item, i) => roundTripDiffs((schema.items ?? {}) as JsonSchema, item, returned[i], `${path}[${i}]`));
  }
  if (schema.format === 'date-time' && typeof raw === 'string') {
    const instant = returned instanceof Date ? returned.getTime() : typeof returned === 'string' ? Date.parse(returned) : Number.NaN;
    return instant === Date.parse(raw) ? [] : [`${at}: ${raw} became ${returned instanceof Date ? returned.toISOString() : String(returned)}`];
  }
  return Object.is(raw, returned) ? [] : [`${at}: ${JSON.stringify(raw)} became ${JSON.stringify(returned)}`];
}

export const sdkResultMatchesRaw = defineCheck<RoundTripEvidence>({
  id: 'SDK-RT-001',
  title: 'SDK result differs from the JSON the target sent',
  api: 'sdk',
  severity: 'error',
  source: SDK_SRC.models,
  detects: 'a documented field the SDK drops, renames or changes, or a date-time it parses to another instant',
  triggers: 'every successful SDK call, compared with the raw response body it parsed',
  requests: 'none',
  operations: ['createTicket', 'getTicket', 'listTickets', 'updateTicket', 'listTicketMessages'],
  statuses: [200],
  evaluate: (e) => {
    const diffs = roundTripDiffs(e.schema, e.raw, e.returned);
    return diffs.length === 0 ? [] : [{ expected: `${e.call} returns what the target sent`, received: diffs.slice(0, 8).join('; ') }];
  },
});
