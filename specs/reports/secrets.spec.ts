import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { playwright, type NestedRun } from '../../lib/playwrightRun';
import { searchableText } from './support/zipText';

const CANARY = {
  MOOV_PUBLIC_KEY: 'canary-public-key-5f1c2a',
  MOOV_SECRET_KEY: 'canary-secret-key-9d7e3b',
  TEAMWORK_DESK_API_KEY: 'canary-teamwork-key-4b8a61',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function assertNoSecret(run: NestedRun): void {
  const basic = Buffer.from(`${CANARY.MOOV_PUBLIC_KEY}:${CANARY.MOOV_SECRET_KEY}`).toString('base64');
  const forbidden = [...Object.values(CANARY), basic, Buffer.from(`${CANARY.TEAMWORK_DESK_API_KEY}:x`).toString('base64')];
  // Bearer tokens the mock mints look like mock_<32 base64url characters>.
  const mintedToken = /mock_[A-Za-z0-9_-]{32}/;
  const places: Array<[string, string]> = [['console output', run.output]];
  for (const dir of [run.reportDir, run.outputDir]) {
    for (const file of filesUnder(dir)) {
      const content = readFileSync(file);
      places.push([file, content.length >= 4 ? searchableText(content) : content.toString('latin1')]);
    }
  }
  expect(places.length).toBeGreaterThan(5);
  for (const [where, text] of places) {
    for (const secret of forbidden) {
      const at = text.indexOf(secret);
      expect(at, `${secret.slice(0, 12)}… found in ${where}: …${text.slice(Math.max(0, at - 300), at).replaceAll(secret, '<SECRET>')}<SECRET>…`).toBe(-1);
    }
    expect(mintedToken.exec(text)?.[0], `a minted bearer token found in ${where}`).toBeUndefined();
  }
}

test.describe('secrets', () => {
  test('no secret reaches a report, an attachment, Playwright output or the console when checks fail', async () => {
    test.setTimeout(150_000);
    // Faults that make checks fail with requests and responses in their messages, scoped-token requests among them.
    const run = await playwright(['test', '--project=moov', '--project=teamwork-desk', '--project=sdk'], {
      ...CANARY,
      MOCK_FAULTS: 'page-gap,read-scope-can-write',
      TEAMWORK_DESK_MOCK_FAULTS: 'ne-as-eq,basic-auth-refused',
      // Workflow annotations (one ::error line per failure) are output too.
      GITHUB_ACTIONS: 'true',
    });
    expect(run.code, 'the run must fail, so failure output is covered').not.toBe(0);
    expect(run.output).toContain('[TKT-');
    expect(run.output).toContain('[TWD-');
    expect(run.output).toMatch(/^::error title=TKT-/m);
    expect(run.output).toMatch(/^::error title=TWD-/m);
    assertNoSecret(run);
  });

  test('no secret leaks through Playwright call logs when the target is unreachable', async () => {
    test.setTimeout(150_000);
    // A live target that refuses connections: Playwright's request errors carry call logs with headers.
    const run = await playwright(['test', '--project=moov', '-g', 'cursor walks|without credentials|read operations'], {
      ...CANARY,
      MOOV_BASE_URL: 'http://127.0.0.1:9',
      MOOV_PARTNER_ACCOUNT_ID: 'canary-partner',
      MOOV_ACCOUNT_ID: 'canary-connected',
      MOOV_UNRELATED_ACCOUNT_ID: 'canary-unrelated',
      MOOV_MAX_RPS: '1000',
    });
    expect(run.code).not.toBe(0);
    expect(run.output, 'annotations only under GITHUB_ACTIONS=true').not.toMatch(/^::error/m);
    assertNoSecret(run);
  });
});
