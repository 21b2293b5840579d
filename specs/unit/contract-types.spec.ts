import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CONTRACT_TYPE_FILES, renderTypes, typesPath } from '../../lib/contract/contractTypeFiles';

test('generated contract types are up to date (run npm run contract:types)', () => {
  for (const { contract, types } of CONTRACT_TYPE_FILES) {
    expect(readFileSync(typesPath(types), 'utf8'), `${types} is stale: run npm run contract:types`).toBe(renderTypes(contract));
  }
});

test('an object schema without properties becomes a type alias, not an empty interface', async () => {
  const { typesFromSchemas } = await import('../../lib/contract/typesFromSchemas');
  const out = typesFromSchemas({ Meta: { type: 'object' }, Named: { type: 'object', properties: { a: { type: 'string' } } } }, 'probe');
  expect(out).toContain('export type Meta = Record<string, unknown>;');
  expect(out).toContain('export interface Named {');
});
