import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { AS_DOCUMENTED } from '../../mock/moov/asDocumented';
import { FAULT_NAMES, FAULTS } from '../../mock/moov/faults';
import { mockConfig } from './support/moovMock';

/**
 * Issue 20: the Moov mock's fault switches sit apart from its correct behaviour. Only the faults
 * folder may test which faults are on or name a fault; every other file of the mock shows the
 * documented behaviour and at most calls a seam.
 */
const ROOT = resolve(__dirname, '../..');
const MOCK = join(ROOT, 'mock/moov');
const FAULTS_FOLDER = join(MOCK, 'faults');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (path !== FAULTS_FOLDER) sources(path, out);
    } else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** A fault name standing on its own (not inside a longer hyphenated name). */
function mentions(text: string, name: string): boolean {
  return new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text);
}

/** Each file outside the faults folder that switches on a fault or names one, with what it says. */
function faultsOutsideTheFolder(files: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    if (/faults\s*\.\s*has\s*\(/.test(text)) found.push(`${file}: faults.has`);
    for (const name of FAULT_NAMES) if (mentions(text, name)) found.push(`${file}: ${name}`);
  }
  return found;
}

test('no file of the Moov mock outside mock/moov/faults/ switches on or names a fault', () => {
  const files = Object.fromEntries(sources(MOCK).map((path) => [relative(ROOT, path), readFileSync(path, 'utf8')]));
  expect(Object.keys(files).length).toBeGreaterThan(10);
  expect(faultsOutsideTheFolder(files)).toEqual([]);
});

test('the rule sees a switch and a name, and not a longer name that contains one', () => {
  expect(
    faultsOutsideTheFolder({
      'a.ts': "if (config.faults.has('page-gap')) items.pop();",
      'b.ts': '// like json-as-text, but not quite',
      'c.ts': "variants.has('page-gap-wide')",
    }),
  ).toEqual(['a.ts: faults.has', 'a.ts: page-gap', 'b.ts: json-as-text']);
});

test('every fault changes at least one seam, and only seams the correct code has', () => {
  const seams = new Set(Object.keys(AS_DOCUMENTED));
  for (const name of FAULT_NAMES) {
    const changed = Object.keys(FAULTS[name].deviation(mockConfig()));
    expect(changed.length, name).toBeGreaterThan(0);
    expect(changed.filter((seam) => !seams.has(seam)), name).toEqual([]);
  }
});
