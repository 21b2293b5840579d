import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { playwright } from '../../lib/playwrightRun';
import type { ConformanceReport } from '../../reporters/conformance/report';

function matrixOf(report: ConformanceReport) {
  return report.apis.map((api) => ({
    api: api.api,
    coverage: api.coverage,
    conformance: api.conformance,
    cells: api.matrix.map((row) => `${row.checkId}: ${Object.entries(row.cells).map(([op, c]) => `${op}=${c.state}`).join(' ')}`),
  }));
}

test('two shards merged with merge-reports give the same conformance matrix as one run', async () => {
  test.setTimeout(180_000);
  const blobs = mkdtempSync(join(tmpdir(), 'conformance-blobs-'));
  const [single, first, second] = await Promise.all([
    playwright(['test', '--project=moov']),
    ...[1, 2].map((shard) => playwright(['test', '--project=moov', `--shard=${shard}/2`], { CONFORMANCE_REPORTER: 'blob', PLAYWRIGHT_BLOB_OUTPUT_DIR: join(blobs, String(shard)) })),
  ]);
  for (const run of [single, first!, second!]) expect(run.code, run.output.slice(-2000)).toBe(0);

  // Each shard's blob reporter clears its own folder, so shards write apart and are gathered here.
  const gathered = mkdtempSync(join(tmpdir(), 'conformance-merge-'));
  for (const shard of ['1', '2']) cpSync(join(blobs, shard), gathered, { recursive: true });
  expect(readdirSync(gathered)).toHaveLength(2);
  const merged = await playwright(['merge-reports', '--reporter', './reporters/conformance/index.ts', gathered]);
  expect(merged.code, merged.output).toBe(0);

  const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8')) as ConformanceReport;
  const one = read(single.reportDir);
  const both = read(merged.reportDir);
  expect(both.tests).toEqual(one.tests);
  expect(matrixOf(both)).toEqual(matrixOf(one));
});
