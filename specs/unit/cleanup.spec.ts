import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { WriteLedger } from '../../lib/moov/ledger';

const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

function cleanup(args: string[], env: Record<string, string>): { code: number; output: string } {
  try {
    const output = execFileSync(TSX, ['scripts/cleanup.ts', ...args], { cwd: ROOT, env: { ...process.env, MOOV_BASE_URL: '', ...env }, stdio: 'pipe' }).toString();
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: Buffer; stderr: Buffer };
    return { code: e.status, output: `${e.stdout.toString()}${e.stderr.toString()}` };
  }
}

test.describe('npm run cleanup', () => {
  test('lists the live runs\' ledgers, newest first, with their target and what they left open; mock runs keep none', () => {
    const reports = mkdtempSync(join(tmpdir(), 'cleanup-'));
    const dir = join(reports, 'ledger');
    mkdirSync(dir);
    const older = join(dir, 'run-1.jsonl');
    const newer = join(dir, 'run-2.jsonl');
    const staging = new WriteLedger(older, 'https://api.staging.example.com');
    staging.append({ event: 'created', ticketID: 't1', accountID: 'a', foreignID: 'f1', at: '2026-12-01T00:00:00Z' });
    staging.append({ event: 'created', ticketID: 't2', accountID: 'a', foreignID: 'f2', at: '2026-12-01T00:00:00Z' });
    staging.append({ event: 'closed', ticketID: 't1', accountID: 'a', at: '2026-12-01T00:00:01Z' });
    utimesSync(older, new Date('2026-12-01'), new Date('2026-12-01'));
    new WriteLedger(newer, 'https://sandbox.example.com').append({ event: 'uncertain', accountID: 'a', foreignID: 'f9', title: 'x', at: '2026-12-02T00:00:00Z' });
    // A mock run's ledger object writes nothing at all.
    new WriteLedger(join(dir, 'mock.jsonl')).append({ event: 'created', ticketID: 't', accountID: 'a', foreignID: 'f', at: '2026-12-02T00:00:00Z' });
    writeFileSync(join(dir, 'old-format.jsonl'), '{"event":"created","ticketID":"t","accountID":"a","foreignID":"f","at":"x"}\n');
    const { code, output } = cleanup([], { CONFORMANCE_REPORT_DIR: reports });
    expect(code).toBe(0);
    const rows = output.split('\n').filter((l) => l.includes('.jsonl'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/run-2\.jsonl .* https:\/\/sandbox\.example\.com  0 ticket\(s\) open, 1 create\(s\) whose answer was lost/);
    expect(rows[1]).toMatch(/run-1\.jsonl .* https:\/\/api\.staging\.example\.com  1 ticket\(s\) open$/);
  });

  test('cleaning needs the ledger\'s own target, and says so', () => {
    const reports = mkdtempSync(join(tmpdir(), 'cleanup-'));
    const file = join(reports, 'run.jsonl');
    new WriteLedger(file, 'https://api.staging.example.com').append({ event: 'created', ticketID: 't1', accountID: 'a', foreignID: 'f1', at: 'x' });
    const unset = cleanup([file], {});
    expect(unset.code).toBe(1);
    expect(unset.output).toContain("Configuration error: MOOV_BASE_URL: is unset, so cleanup would talk to no target; set it to the ledger's target (https://api.staging.example.com) and its keys");
    const other = cleanup([file], { MOOV_BASE_URL: 'https://sandbox.example.com', MOOV_ALLOWED_HOSTS: 'sandbox.example.com', MOOV_PUBLIC_KEY: 'p', MOOV_SECRET_KEY: 's', MOOV_PARTNER_ACCOUNT_ID: 'a', MOOV_ACCOUNT_ID: 'b', MOOV_UNRELATED_ACCOUNT_ID: 'c' });
    expect(other.code).toBe(1);
    expect(other.output).toContain(`holds tickets of https://api.staging.example.com`);
  });
});
