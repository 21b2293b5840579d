import type { Contract } from '../contract/loadContract';
import type { CalibratedApi } from './types';

/**
 * A place where the docs leave a choice (the README's Checks section, "Where the docs are silent",
 * and docs/checks.md): the readings the suite accepts, and either the calibration points that record
 * a target's choice or why no client sees it. Calibration derives its points from these lists, not
 * from the mocks' variants. Each API's list is its own (lib/calibration/<api>Silences.ts), named by its
 * point set (SilentPointSet.silences): a unit test fails when an entry has neither, when a point answers no
 * entry, or when the contract shows a silence (`contractSilences`) no entry covers.
 */
export interface SilentPoint {
  /** What the docs leave open. */
  what: string;
  /** The readings the suite accepts there. */
  readings: string;
  /** Silences read off the contract that this entry covers (see contractSilences). */
  facets?: readonly string[];
  /** The calibration points that record a target's choice, or why a client cannot tell the readings apart. */
  calibration: readonly string[] | { notClientVisible: string };
}

type ObjectSchema = { $ref?: string; type?: string; maximum?: number; properties?: Record<string, ObjectSchema>; required?: string[] };

/** A schema's component name and the component (the contracts keep bodies as components). */
function component(contract: Contract, schema: unknown): { name: string; schema: ObjectSchema } | undefined {
  const ref = (schema as ObjectSchema | undefined)?.$ref;
  if (ref === undefined) return undefined;
  const name = ref.replace('#/components/schemas/', '');
  return { name, schema: contract.schema(name) as ObjectSchema };
}

/**
 * The silences `api`'s contract itself shows, one facet id each:
 * - `<api>:content-type`: JSON bodies, whose media-type parameters no page fixes;
 * - `<api>:<operation>.<param>`: an integer query parameter with no maximum (what comes above it);
 * - `<api>:<Schema>.<field>`: a field of a created resource the server sets (not sent in the create)
 *   that is optional (present or not), or an integer it assigns (numbered in what scope);
 * - `<api>:<operation>.<field>`: an optional identifier a client sends in a create (unique or not).
 */
export function contractSilences(api: CalibratedApi, contract: Contract): string[] {
  const facets = new Set<string>();
  for (const operation of contract.operations()) {
    if ([...operation.responses.values()].some((r) => r.contentType !== undefined && /json/i.test(r.contentType))) facets.add(`${api}:content-type`);
    for (const parameter of operation.parameters) {
      const schema = parameter.schema as ObjectSchema;
      if (parameter.in === 'query' && schema.type === 'integer' && schema.maximum === undefined) facets.add(`${api}:${operation.id}.${parameter.name}`);
    }
    if (operation.method !== 'POST' || !operation.id.startsWith('create')) continue;
    const sent = component(contract, operation.requestBody?.schema);
    const resource = component(contract, operation.responses.get(200)?.bodySchema);
    if (!sent || !resource) continue;
    for (const [field, schema] of Object.entries(resource.schema.properties ?? {})) {
      if (field in (sent.schema.properties ?? {})) continue;
      if (!(resource.schema.required ?? []).includes(field) || schema.type === 'integer') facets.add(`${api}:${resource.name}.${field}`);
    }
    for (const field of Object.keys(sent.schema.properties ?? {})) {
      if (/ID$/.test(field) && !(sent.schema.required ?? []).includes(field)) facets.add(`${api}:${operation.id}.${field}`);
    }
  }
  return [...facets].sort();
}
