import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { documentedSettings, targetPrefixes } from './config/documented';

export interface NestedRun {
  code: number;
  output: string;
  reportDir: string;
  outputDir: string;
}

const CLI = require.resolve('@playwright/test/cli');
/** What a child run starts without: live targets, and the mocks' faults, variants, profile and weather. */
const CLEARED = /^(?:\w+_BASE_URL|(?:\w+_)?MOCK_(?:FAULTS|VARIANTS|PROFILE|WEATHER))$/;
const ROOT = resolve(__dirname, '..');

/**
 * Runs the suite as a user would, in a child process, with its reports and Playwright output in
 * fresh temporary folders (so it never touches the outer run's reports/ or test-results/).
 */
export function playwright(args: string[], env: Record<string, string> = {}, dirs?: { reportDir: string; outputDir: string }): Promise<NestedRun> {
  const reportDir = dirs?.reportDir ?? mkdtempSync(join(tmpdir(), 'conformance-reports-'));
  const outputDir = dirs?.outputDir ?? mkdtempSync(join(tmpdir(), 'conformance-output-'));
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    // Every target's mock, calm and correct, unless the caller says otherwise.
    ...Object.fromEntries(documentedSettings().filter((name) => CLEARED.test(name)).map((name) => [name, ''])),
    CONFORMANCE_REPORTER: 'line',
    CONFORMANCE_WORKERS: '1',
    CONFORMANCE_REPORT_DIR: reportDir,
    CONFORMANCE_OUTPUT_DIR: outputDir,
    FORCE_COLOR: '0',
    // A child run neither compares with, records into nor annotates for the outer run; tests opt in.
    CONFORMANCE_BASELINE: '',
    CONFORMANCE_HISTORY: '',
    CONFORMANCE_PROFILE: '',
    GITHUB_ACTIONS: '',
    ...env,
  };
  // The outer run's identity and mocks are not the child's; Playwright's worker markers neither.
  for (const key of ['CONFORMANCE_RUN_ID', 'CONFORMANCE_RUN_STARTED', ...targetPrefixes().map((p) => `${p}MOCK_URL`)]) delete childEnv[key];
  for (const key of Object.keys(childEnv)) if ((key.startsWith('TEST_') || key.startsWith('PW_')) && !(key in env)) delete childEnv[key];
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolveRun({ code: code ?? 1, output, reportDir, outputDir }));
  });
}
