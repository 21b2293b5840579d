import { expect, test } from '@playwright/test';
import { APIS, registry } from '../../apis';
import type { AnyCheck } from '../../checks/check';
import { apiOfProject } from '../../lib/apis';
import { buildReport } from '../../reporters/conformance/model';
import { collectedMoovTest } from './support/collectedTest';

/**
 * Every API's coverage cells are counted against its own contract's documented statuses. (The
 * report once knew only the Moov contract: a Teamwork Desk check judging "every documented
 * status" had no cells at all, and the cells it did exercise counted as outside the contract.)
 */
for (const api of APIS) {
  test(`${api.name}: a check's exercised cell counts, against the ${api.name} contract's documented statuses`, () => {
    // A check judging documented statuses of an operation its contract defines.
    const judged = (c: AnyCheck) => {
      const operation = c.operations[0] ?? '';
      const documented = api.contract().operation(operation).documentedStatuses;
      return { operation, documented, statuses: c.statuses === 'documented' ? documented : c.statuses.filter((s) => documented.includes(s)) };
    };
    // One judging every documented status where the API has one: it has no cells at all unless
    // the report reads this API's own contract.
    const checks = registry.forApi(api.name).filter((c) => judged(c).statuses.length > 0);
    const check = checks.find((c) => c.statuses === 'documented') ?? checks[0];
    expect(check, `${api.name} has a check judging documented statuses`).toBeDefined();
    const { operation, statuses } = judged(check!);

    const exercised = collectedMoovTest({ title: 'one cell', checkId: check!.id, failing: false, message: '', operation }, {
      project: api.name,
      cells: [{ checkId: check!.id, operation, status: statuses[0], passed: 1, failed: 0, advisory: 0 }],
      run: { api: api.name, target: 'http://127.0.0.1:1', targetKind: 'mock', version: 'v', seed: 1, runId: 'r' },
    });
    const section = buildReport([exercised], 1).apis.find((s) => s.api === api.name);
    expect(section?.title).toBe(api.title);
    expect(section?.coverage.count, `the cell ${check!.id} × ${operation} × ${statuses[0]} is covered`).toBe(1);
    // The check alone spans one cell per status it judges of the operation.
    expect(section!.coverage.of).toBeGreaterThanOrEqual(statuses.length);
  });
}

test('a project is the API of its name, of a version of it, or of a self-test case of it', () => {
  const names = APIS.map((a) => a.name);
  expect(apiOfProject(names, 'moov')).toBe('moov');
  expect(apiOfProject(names, 'moov@v2025.07.00')).toBe('moov');
  expect(apiOfProject(names, 'teamwork-desk~page-gap')).toBe('teamwork-desk');
  expect(apiOfProject(names, 'sdk')).toBe('sdk');
  expect(apiOfProject(names, 'unit')).toBeUndefined();
  expect(apiOfProject(names, 'moovish')).toBeUndefined();
});
