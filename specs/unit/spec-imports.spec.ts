import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const SPECS = resolve(__dirname, '..');

/**
 * Every conformance spec takes `test` from its project's fixtures. A spec that takes Playwright's
 * own has another fixture pool, so Playwright gives its tests a worker of their own: every
 * self-test case then starts two worker processes instead of one (and its tests miss the case's
 * environment, specs/support/selftestCase.ts).
 */
test('conformance specs take test from their project fixtures', () => {
  const strays: string[] = [];
  for (const project of ['moov', 'teamwork-desk', 'sdk']) {
    for (const file of readdirSync(join(SPECS, project)).filter((f) => f.endsWith('.spec.ts'))) {
      const source = readFileSync(join(SPECS, project, file), 'utf8');
      if (!/^import \{[^}]*\btest\b[^}]*\} from '\.\/support\/fixtures';$/m.test(source)) strays.push(`${project}/${file}`);
    }
  }
  expect(strays, 'spec files whose test is not their project fixtures\' test').toEqual([]);
});
