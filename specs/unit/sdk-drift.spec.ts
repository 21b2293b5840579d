import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DRIFT_REPORT, loadVerdicts, renderDriftReport, sdkDrifts } from '../../lib/contract/sdkDrift';

test('the contract and @moovio/sdk agree, or the docs settle each difference', () => {
  const drifts = sdkDrifts();
  const verdicts = loadVerdicts();
  const report = renderDriftReport(drifts, verdicts);
  // Rewritten only when it changes, so a clean checkout stays clean.
  if (readFileSync(DRIFT_REPORT, { encoding: 'utf8', flag: 'a+' }) !== report) writeFileSync(DRIFT_REPORT, report);
  const unexplained = drifts.filter((d) => !verdicts[d.key]);
  expect(unexplained.map((d) => `${d.key}: contract ${d.contract}, SDK ${d.sdk}`), 'add a verdict to schemas/moov/sdk-drift-verdicts.yaml').toEqual([]);
  const stale = Object.keys(verdicts).filter((key) => !drifts.some((d) => d.key === key));
  expect(stale, 'verdicts for differences that no longer exist').toEqual([]);
});

test('the cross-check notices a difference it has no verdict for', async () => {
  const { compareShapes, shapeOfSchema } = await import('../../lib/contract/sdkShapes');
  const drifts = compareShapes('Probe', shapeOfSchema({ type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer' } } }), {
    kind: 'object',
    properties: { a: { shape: { kind: 'string' }, required: false }, c: { shape: { kind: 'string' }, required: true } },
  });
  expect(drifts.map((d) => d.key).sort()).toEqual(['Probe.a:required', 'Probe.b:missing-in-sdk', 'Probe.c:missing-in-contract']);
});
