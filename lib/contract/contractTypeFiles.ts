import { resolve } from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { OpenApiDocument } from './openapi';
import { typesFromSchemas } from './typesFromSchemas';

const root = resolve(__dirname, '../..');

/**
 * Each contract (schemas/<api>/openapi.yaml) and the TypeScript file generated from its component
 * schemas (lib/contract/<api in camelCase>.types.ts): a new API's contract gets its types by being there.
 */
export const CONTRACT_TYPE_FILES: ReadonlyArray<{ contract: string; types: string }> = readdirSync(resolve(root, 'schemas'))
  .filter((api) => existsSync(resolve(root, 'schemas', api, 'openapi.yaml')))
  .sort()
  .map((api) => ({ contract: `schemas/${api}/openapi.yaml`, types: `lib/contract/${api.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}.types.ts` }));

export function renderTypes(contractFile: string): string {
  const document = parseYaml(readFileSync(resolve(root, contractFile), 'utf8')) as OpenApiDocument;
  return typesFromSchemas(document.components?.schemas ?? {}, contractFile);
}

export function typesPath(file: string): string {
  return resolve(root, file);
}
