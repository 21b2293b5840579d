import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { APIS, registry } from '../../apis';
import { defineCheck } from '../../checks/check';
import { CheckRegistry } from '../../checks/registry';
import { verify } from '../../checks/verify';
import { ConformanceFailure } from '../../checks/failure';
import { outcomes } from '../../checks/outcomes';
import { renderCheckCatalogue } from '../../checks/catalogue';
import { citedFromContract } from '../../lib/contract/loadContract';

const probe = (id: string, severity: 'error' | 'advisory' = 'error') =>
  defineCheck<number>({
    id,
    title: 'probe',
    api: 'moov',
    severity,
    source: { seed: '000', sentence: 'A sentence.' },
    detects: 'd',
    triggers: 't',
    requests: 'none',
    operations: ['listTickets'],
    statuses: [200],
    evaluate: (n) => (n === 0 ? [] : [{ expected: 'zero', received: String(n) }]),
  });

test.describe('the check registry', () => {
  test('rejects a second check with an id already taken', () => {
    const local = new CheckRegistry();
    local.register(probe('TKT-TST-001'));
    expect(() => local.register(probe('TKT-TST-001'))).toThrow(/duplicate check id TKT-TST-001/);
  });

  test('rejects malformed ids', () => {
    expect(() => probe('pagination-1')).toThrow(/must look like/);
  });

  test('every registered check names its doc sentence and its three RESTler lines', () => {
    for (const check of registry.all()) {
      expect(check.source.sentence.length, check.id).toBeGreaterThan(10);
      for (const text of [check.title, check.detects, check.triggers, check.requests]) expect(text.length, check.id).toBeGreaterThan(2);
      expect(check.operations.length, check.id).toBeGreaterThan(0);
    }
  });

  test('docs/checks.md is generated from the registry (run npm run docs:checks)', () => {
    expect(readFileSync(resolve(__dirname, '../../docs/checks.md'), 'utf8')).toBe(renderCheckCatalogue(APIS, registry));
  });
});

test.describe('verify', () => {
  test('an error finding throws a ConformanceFailure naming id, operation, doc sentence, expected and received', () => {
    outcomes.drain();
    const thrown = (() => {
      try {
        verify(probe('TKT-TST-002'), 3, { operation: 'listTickets', status: 200 });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ConformanceFailure);
    const message = (thrown as Error).message;
    for (const part of ['[TKT-TST-002]', 'listTickets', 'A sentence.', 'expected: zero', 'received: 3']) expect(message).toContain(part);
    expect(outcomes.drain().cells).toEqual([{ checkId: 'TKT-TST-002', operation: 'listTickets', status: 200, passed: 0, failed: 1, advisory: 0 }]);
  });

  test('an advisory finding is recorded, and throws only in strict mode', () => {
    outcomes.drain();
    const previous = process.env.CONFORMANCE_STRICT;
    try {
      process.env.CONFORMANCE_STRICT = '';
      expect(() => verify(probe('TKT-TST-003', 'advisory'), 1, { operation: 'listTickets' })).not.toThrow();
      process.env.CONFORMANCE_STRICT = 'true';
      expect(() => verify(probe('TKT-TST-003', 'advisory'), 1, { operation: 'listTickets' })).toThrow(ConformanceFailure);
    } finally {
      process.env.CONFORMANCE_STRICT = previous;
    }
    const cell = outcomes.drain().cells[0];
    expect(cell).toMatchObject({ advisory: 1, failed: 1 });
  });
});

test('a doc sentence the contract holds is cited from it, never typed a second time', () => {
  const typedTwice: string[] = [];
  for (const api of APIS) {
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    const inContract = new Set(api.contract().sources().map((s) => norm(s.sentence)));
    for (const check of registry.forApi(api.name)) {
      if (inContract.has(norm(check.source.sentence)) && !citedFromContract(check.source)) typedTwice.push(`${check.id}: "${check.source.sentence}"`);
    }
  }
  expect(typedTwice, 'checks whose sentence is also an x-source of their contract: take it with contract.source(pointer)').toEqual([]);
});
