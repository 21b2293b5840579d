import type { JsonSchema } from './openapi';

const REF = /^#\/components\/schemas\/([^/]+)$/;

function typeOf(schema: JsonSchema, indent: string): string {
  if (typeof schema.$ref === 'string') {
    const match = REF.exec(schema.$ref);
    if (!match?.[1]) throw new Error(`typesFromSchemas: unsupported $ref ${schema.$ref}`);
    return match[1];
  }
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  return types
    .map((type) => {
      switch (type) {
        case 'string':
          return 'string';
        case 'integer':
        case 'number':
          return 'number';
        case 'boolean':
          return 'boolean';
        case 'null':
          return 'null';
        case 'array':
          return `Array<${typeOf((schema.items ?? {}) as JsonSchema, indent)}>`;
        case 'object':
          return objectType(schema, indent);
        default:
          return 'unknown';
      }
    })
    .join(' | ');
}

function objectType(schema: JsonSchema, indent: string): string {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const inner = indent + '  ';
  const lines = Object.entries(properties).map(([name, property]) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
    return `${inner}${key}${required.has(name) ? '' : '?'}: ${typeOf(property, inner)};`;
  });
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    lines.push(`${inner}[key: string]: ${typeOf(schema.additionalProperties as JsonSchema, inner)};`);
  }
  return lines.length === 0 ? 'Record<string, unknown>' : `{\n${lines.join('\n')}\n${indent}}`;
}

/** TypeScript declarations for a contract's component schemas, so code types come from the contract. */
export function typesFromSchemas(schemas: Record<string, JsonSchema>, origin: string): string {
  const header = [
    `// Generated from ${origin} by \`npm run contract:types\`. Do not edit: change the contract and regenerate.`,
    '// A unit test (specs/unit/contract-types.spec.ts) fails when this file is stale.',
    '',
  ];
  const body = Object.entries(schemas).map(([name, schema]) => {
    const description = typeof schema.description === 'string' ? `/** ${schema.description} */\n` : '';
    const type = typeOf(schema, '');
    // An interface needs a body in braces; an object with no known properties is a type alias.
    return schema.type === 'object' && !schema.enum && type.startsWith('{')
      ? `${description}export interface ${name} ${type}\n`
      : `${description}export type ${name} = ${type};\n`;
  });
  return header.join('\n') + body.join('\n');
}
