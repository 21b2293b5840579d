import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { OpenApiDocument } from './openapi';
import { typesFromSchemas } from './typesFromSchemas';

/** Each contract and the TypeScript file generated from its component schemas. */
export const CONTRACT_TYPE_FILES = [
  { contract: 'schemas/moov/openapi.yaml', types: 'lib/contract/moov.types.ts' },
  { contract: 'schemas/teamwork-desk/openapi.yaml', types: 'lib/contract/teamworkDesk.types.ts' },
] as const;

const root = resolve(__dirname, '../..');

export function renderTypes(contractFile: string): string {
  const document = parseYaml(readFileSync(resolve(root, contractFile), 'utf8')) as OpenApiDocument;
  return typesFromSchemas(document.components?.schemas ?? {}, contractFile);
}

export function typesPath(file: string): string {
  return resolve(root, file);
}
