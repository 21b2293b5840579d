import type { CollectedTest } from '../../../reporters/conformance/collected';

export interface MoovTestShape {
  title: string;
  checkId: string;
  failing: boolean;
  message: string;
  operation?: string;
  requests?: number;
}

/** A test of the moov project as the conformance reporter collects it, passing or failing one check. */
export function collectedMoovTest(shape: MoovTestShape, extra: Partial<CollectedTest> = {}): CollectedTest {
  const { title, checkId, failing, message, operation = 'listTickets', requests = 3 } = shape;
  return {
    project: 'moov',
    title,
    leafTitle: title,
    file: 'specs/moov/list.spec.ts',
    line: 1,
    status: failing ? 'failed' : 'passed',
    durationMs: 10,
    covers: [checkId],
    notes: [],
    errors: failing ? [`ConformanceFailure: ${message}`] : [],
    cells: [{ checkId, operation, passed: 1, failed: failing ? 1 : 0, advisory: 0 }],
    details: failing ? [{ checkId, operation, outcome: 'fail', message }] : [],
    counters: { requests },
    run: { api: 'moov', target: 'http://127.0.0.1:1', targetKind: 'mock', version: 'v2024.01.00', seed: 1, runId: 'r' },
    ...extra,
  };
}
