import type { JsonSchema } from './openapi';

/** A type, reduced to what a contract and an SDK model can both say about it. */
export type Shape =
  | { kind: 'object'; properties: Record<string, { shape: Shape; required: boolean }> }
  | { kind: 'array'; items: Shape }
  | { kind: 'enum'; values: string[]; open: boolean }
  | { kind: 'string' | 'integer' | 'number' | 'boolean' | 'date-time' | 'unknown' };

/** The shape of an (inlined) JSON Schema from the contract. */
export function shapeOfSchema(schema: JsonSchema): Shape {
  if (Array.isArray(schema.enum)) return { kind: 'enum', values: schema.enum.map(String), open: false };
  switch (schema.type) {
    case 'object': {
      const required = new Set((schema.required ?? []) as string[]);
      const properties = Object.fromEntries(
        Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([key, value]) => [key, { shape: shapeOfSchema(value), required: required.has(key) }]),
      );
      return { kind: 'object', properties };
    }
    case 'array':
      return { kind: 'array', items: shapeOfSchema((schema.items ?? {}) as JsonSchema) };
    case 'string':
      return { kind: schema.format === 'date-time' ? 'date-time' : 'string' };
    case 'integer':
    case 'number':
    case 'boolean':
      return { kind: schema.type };
    default:
      return { kind: 'unknown' };
  }
}

/** The parts of Zod 3's runtime schema objects this reader needs (the SDK is built on Zod 3). */
interface ZodLike {
  _def: {
    typeName?: string;
    innerType?: ZodLike;
    schema?: ZodLike;
    in?: ZodLike;
    out?: ZodLike;
    options?: ZodLike[];
    value?: unknown;
    values?: Record<string, unknown> | unknown[];
    type?: ZodLike;
    checks?: Array<{ kind: string }>;
  };
  shape?: Record<string, ZodLike>;
}

function asZod(value: unknown): ZodLike | undefined {
  return value && typeof value === 'object' && '_def' in value ? (value as ZodLike) : undefined;
}

/** Strips wrappers that do not change the JSON type (optional, nullable, effects, pipelines). */
function unwrap(schema: ZodLike | undefined): { schema: ZodLike | undefined; optional: boolean; date: boolean } {
  let optional = false;
  let date = false;
  let current = schema;
  for (let i = 0; i < 20 && current; i++) {
    const def = current._def;
    if (def.typeName === 'ZodOptional' || def.typeName === 'ZodNullable' || def.typeName === 'ZodDefault') {
      if (def.typeName === 'ZodOptional') optional = true;
      current = def.innerType;
    } else if (def.typeName === 'ZodPipeline') current = def.out;
    else if (def.typeName === 'ZodEffects') {
      if (def.schema?._def.typeName === 'ZodDate') date = true;
      current = def.schema;
    } else if (def.typeName === 'ZodLazy') return { schema: current, optional, date };
    else break;
  }
  return { schema: current, optional, date };
}

/** Literal values of an inbound (lenient) union, and whether it also takes other strings. */
function enumOf(inbound: ZodLike | undefined): { values: string[]; open: boolean } | undefined {
  const { schema } = unwrap(inbound);
  if (!schema) return undefined;
  if (schema._def.typeName === 'ZodNativeEnum' || schema._def.typeName === 'ZodEnum') {
    const values = schema._def.values;
    return { values: (Array.isArray(values) ? values : Object.values(values ?? {})).map(String), open: false };
  }
  if (schema._def.typeName !== 'ZodUnion') return undefined;
  const values: string[] = [];
  let open = false;
  const visit = (option: ZodLike) => {
    const name = option._def.typeName;
    if (name === 'ZodLiteral') values.push(String(option._def.value));
    else if (name === 'ZodUnion') option._def.options?.forEach(visit);
    else if (name === 'ZodEffects' && option._def.schema?._def.typeName === 'ZodNull') return; // null → undefined
    else open = true;
  };
  schema._def.options?.forEach(visit);
  return values.length > 0 ? { values, open } : undefined;
}

/**
 * The shape of an SDK model: types from its outbound (strict) Zod schema, enums from its inbound
 * (lenient) one, where the SDK's "open enums" show that they accept unknown values.
 */
export function shapeOfZod(outbound: unknown, inbound?: unknown): Shape {
  const out = unwrap(asZod(outbound));
  const inboundEnum = enumOf(asZod(inbound));
  if (inboundEnum) return { kind: 'enum', ...inboundEnum };
  const schema = out.schema;
  if (!schema) return { kind: 'unknown' };
  if (out.date) return { kind: 'date-time' };
  switch (schema._def.typeName) {
    case 'ZodObject': {
      const inboundObject = unwrap(asZod(inbound)).schema;
      const properties: Record<string, { shape: Shape; required: boolean }> = {};
      for (const [key, value] of Object.entries(schema.shape ?? {})) {
        if (key.endsWith('$')) continue; // the SDK's own bookkeeping (request$, response$, body$)
        properties[key] = { shape: shapeOfZod(value, inboundObject?.shape?.[key]), required: !unwrap(value).optional };
      }
      return { kind: 'object', properties };
    }
    case 'ZodArray':
      return { kind: 'array', items: shapeOfZod(schema._def.type, unwrap(asZod(inbound)).schema?._def.type) };
    case 'ZodString':
      return { kind: 'string' };
    case 'ZodNumber':
      return { kind: schema._def.checks?.some((c) => c.kind === 'int') ? 'integer' : 'number' };
    case 'ZodBoolean':
      return { kind: 'boolean' };
    case 'ZodNativeEnum':
    case 'ZodEnum':
      return { kind: 'enum', ...(enumOf(schema) ?? { values: [], open: false }) };
    default:
      return { kind: 'unknown' };
  }
}

/** One difference between the contract and the SDK, at a dotted path. */
export interface Drift {
  key: string;
  object: string;
  path: string;
  contract: string;
  sdk: string;
}

function describe(shape: Shape): string {
  if (shape.kind === 'enum') return `enum [${shape.values.join(', ')}]${shape.open ? ' (open: unknown values accepted)' : ''}`;
  if (shape.kind === 'array') return `array of ${describe(shape.items)}`;
  return shape.kind;
}

export function compareShapes(object: string, contract: Shape, sdk: Shape, path = ''): Drift[] {
  const at = (p: string) => (p === '' ? '(whole)' : p);
  const drift = (p: string, kind: string, c: string, s: string): Drift => ({ key: `${object}.${at(p)}:${kind}`, object, path: at(p), contract: c, sdk: s });
  if (contract.kind === 'object' && sdk.kind === 'object') {
    const drifts: Drift[] = [];
    const keys = new Set([...Object.keys(contract.properties), ...Object.keys(sdk.properties)]);
    for (const key of keys) {
      const sub = path ? `${path}.${key}` : key;
      const c = contract.properties[key];
      const s = sdk.properties[key];
      if (!s) drifts.push(drift(sub, 'missing-in-sdk', `${describe(c!.shape)}${c!.required ? ', required' : ''}`, 'absent'));
      else if (!c) drifts.push(drift(sub, 'missing-in-contract', 'absent', `${describe(s.shape)}${s.required ? ', required' : ''}`));
      else {
        if (c.required !== s.required) drifts.push(drift(sub, 'required', c.required ? 'required' : 'optional', s.required ? 'required' : 'optional'));
        drifts.push(...compareShapes(object, c.shape, s.shape, sub));
      }
    }
    return drifts;
  }
  if (contract.kind === 'array' && sdk.kind === 'array') return compareShapes(object, contract.items, sdk.items, `${path}[]`);
  if (contract.kind === 'enum' && sdk.kind === 'enum') {
    const drifts: Drift[] = [];
    if ([...contract.values].sort().join() !== [...sdk.values].sort().join()) drifts.push(drift(path, 'enum-values', describe(contract), describe(sdk)));
    if (contract.open !== sdk.open) drifts.push(drift(path, 'enum-open', describe(contract), describe(sdk)));
    return drifts;
  }
  if (contract.kind !== sdk.kind) return [drift(path, 'type', describe(contract), describe(sdk))];
  return [];
}
