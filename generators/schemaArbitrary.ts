import fc from 'fast-check';
import type { JsonSchema } from '../lib/contract/openapi';

export interface SchemaArbitraryConstraints {
  /** Arbitraries for particular fields, by dotted path ('contact.email'). Default: none. */
  fields?: Record<string, fc.Arbitrary<unknown>>;
  /** Arbitraries for string formats ('html', 'email', ...). Default: none (plain strings). */
  formats?: Record<string, fc.Arbitrary<string>>;
  /** Strings for fields nobody named: a new contract field still gets values. Default: non-blank printable text. */
  defaultString?: fc.Arbitrary<string>;
  /** Optional properties: 'sometimes' present (default), 'always' or 'never'. */
  optional?: 'sometimes' | 'always' | 'never';
}

const plainText = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s !== '');

/**
 * Values valid against a JSON Schema (the subset the contracts use: objects, strings with enums
 * and formats, integers, numbers, booleans, arrays). Generators derive their payloads from the
 * contract this way, so a field added to the contract reaches them without a second edit.
 */
export function schemaArbitrary(schema: JsonSchema, constraints: SchemaArbitraryConstraints = {}, path = ''): fc.Arbitrary<unknown> {
  const named = constraints.fields?.[path];
  if (named) return named;
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : (schema.type as string | undefined);
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required ?? []) as string[]);
      const optional = constraints.optional ?? 'sometimes';
      const keys = Object.keys(properties).filter((key) => required.has(key) || optional !== 'never');
      const model = Object.fromEntries(keys.map((key) => [key, schemaArbitrary(properties[key] ?? {}, constraints, path ? `${path}.${key}` : key)]));
      const requiredKeys = keys.filter((key) => required.has(key) || optional === 'always');
      return fc.record(model, { requiredKeys });
    }
    case 'string': {
      const format = typeof schema.format === 'string' ? constraints.formats?.[schema.format] : undefined;
      return format ?? constraints.defaultString ?? plainText;
    }
    case 'integer':
      return fc.integer({ min: (schema.minimum as number | undefined) ?? -1_000_000, max: (schema.maximum as number | undefined) ?? 1_000_000 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schemaArbitrary((schema.items ?? {}) as JsonSchema, constraints, `${path}[]`), { maxLength: 5 });
    default:
      return fc.jsonValue();
  }
}

/** Dotted paths of a schema's properties, with whether each is required and its JSON type. */
export interface FieldInfo {
  path: string;
  required: boolean;
  type: string;
  enum?: unknown[];
}

export function schemaFields(schema: JsonSchema, prefix = '', parentRequired = true): FieldInfo[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).flatMap(([key, property]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const isRequired = parentRequired && required.has(key);
    const info: FieldInfo = { path, required: isRequired, type: String(property.type ?? 'unknown'), enum: property.enum as unknown[] | undefined };
    return property.type === 'object' ? [info, ...schemaFields(property, path, isRequired)] : [info];
  });
}
