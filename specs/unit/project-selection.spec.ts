import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';
import { playwright } from '../../lib/playwrightRun';
import type { ConformanceReport } from '../../reporters/conformance/report';

/** The tests `playwright test --list` selects, as `file:line title` lines. */
function listed(output: string): string[] {
  return output.split('\n').filter((l) => l.includes(' › ')).map((l) => l.trim());
}

test.describe('selecting what runs', () => {
  test('--grep selects the tests of a check id, or of an operation', async () => {
    const byCheck = await playwright(['test', '--list', '--project=moov', '-g', 'TKT-PAG-002']);
    expect(listed(byCheck.output).map((l) => l.replace(/^.*› /, ''))).toEqual(['cursor walks at several counts list every ticket once', 'generated pagination plans keep every list invariant']);
    const byOperation = await playwright(['test', '--list', '--project=teamwork-desk', '-g', 'listTickets']);
    expect(listed(byOperation.output).length).toBeGreaterThan(10);
    const none = await playwright(['test', '--list', '--project=moov', '-g', 'TKT-NOPE-999']);
    expect(listed(none.output)).toEqual([]);
  });

  test('a run of one project needs only that project\'s settings', async () => {
    // Moov is pointed at a live target without its keys: a teamwork-desk run does not care.
    const run = await playwright(['test', '--project=teamwork-desk', '-g', 'unknown orderBy value'], { MOOV_BASE_URL: 'https://api.example.com', MOOV_PUBLIC_KEY: '', MOOV_SECRET_KEY: '' });
    expect(run.output).not.toContain('Configuration error');
    expect(run.code).toBe(0);
    const moov = await playwright(['test', '--project=moov', '-g', 'unknown ticket IDs'], { MOOV_BASE_URL: 'https://api.example.com', MOOV_ALLOWED_HOSTS: 'api.example.com', MOOV_PUBLIC_KEY: '', MOOV_SECRET_KEY: '' });
    expect(moov.code).not.toBe(0);
    expect(moov.output).toContain('Configuration error: MOOV_PUBLIC_KEY, MOOV_SECRET_KEY: are not set');
  });

  test('runs of different projects keep each other\'s reports: each project has a folder of its own', async () => {
    const dirs = { reportDir: mkdtempSync(join(tmpdir(), 'reports-')), outputDir: mkdtempSync(join(tmpdir(), 'output-')) };
    const desk = await playwright(['test', '--project=teamwork-desk', '-g', 'unknown orderBy value'], {}, dirs);
    expect(desk.code).toBe(0);
    const moov = await playwright(['test', '--project=moov', '-g', 'unknown ticket IDs'], {}, dirs);
    expect(moov.code).toBe(0);
    const read = (...path: string[]) => JSON.parse(readFileSync(join(dirs.reportDir, ...path, 'conformance.json'), 'utf8')) as ConformanceReport;
    expect(read('projects', 'teamwork-desk').apis.map((a) => a.api)).toEqual(['teamwork-desk']);
    expect(read('projects', 'moov').apis.map((a) => a.api)).toEqual(['moov']);
    // The top-level report is the last run's.
    expect(read().apis.map((a) => a.api)).toEqual(['moov']);
  });
});
