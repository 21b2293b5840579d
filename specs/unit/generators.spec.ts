import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { createTicketBody } from '../../generators/moov/createTicketBody';
import { invalidCreateTicketBody } from '../../generators/moov/invalidCreateTicketBody';
import { paginationPlan } from '../../generators/moov/paginationPlan';
import { scopeMatrix } from '../../generators/moov/scopeMatrix';
import { refusedUpdateStatus } from '../../generators/moov/updateStatusValues';
import { moovContract } from '../../lib/contract/moov';
import type { JsonSchema } from '../../lib/contract/openapi';
import { parameterProbes } from '../../generators/parameterProbes';

const contract = moovContract();

test.describe('generators derived from the contract', () => {
  test('valid create bodies validate, with optional fields sometimes present and sometimes absent', () => {
    const bodies = fc.sample(createTicketBody(), { numRuns: 300, seed: 1 });
    for (const body of bodies) expect(contract.validate('CreateTicket', body).issues).toEqual([]);
    expect(bodies.some((b) => b.author !== undefined) && bodies.some((b) => b.author === undefined)).toBe(true);
    expect(bodies.some((b) => /[^\x00-\x7f]/.test(b.title))).toBe(true);
    expect(bodies.every((b) => b.title.trim() === b.title && b.title !== '')).toBe(true);
  });

  test('invalid create bodies fail the contract on the field they name', () => {
    for (const { body, field } of fc.sample(invalidCreateTicketBody(), { numRuns: 300, seed: 2 })) {
      const result = contract.validate('CreateTicket', body);
      expect(result.valid).toBe(false);
      expect(result.issues.some((i) => i.field === field || i.field.startsWith(`${field}.`))).toBe(true);
    }
  });

  test('refused update statuses fail the contract', () => {
    for (const { status } of fc.sample(refusedUpdateStatus(), { numRuns: 200, seed: 3 })) {
      expect(contract.validate('UpdateTicket', { status }).valid).toBe(false);
    }
  });

  test('pagination plans use documented statuses and positive counts', () => {
    for (const plan of fc.sample(paginationPlan({ maxCount: 10 }), { numRuns: 200, seed: 4 })) {
      expect(plan.count).toBeGreaterThanOrEqual(1);
      expect(plan.count).toBeLessThanOrEqual(10);
      if (plan.status) expect(['new', 'in-progress', 'on-hold', 'closed']).toContain(plan.status);
    }
  });

  test('constraints are validated up front, naming the function', () => {
    expect(() => createTicketBody({ maxTitleLength: 0 })).toThrow(/createTicketBody: maxTitleLength/);
    expect(() => paginationPlan({ maxCount: -1 })).toThrow(/paginationPlan: maxCount/);
  });

  test('the scope matrix follows the x-scopes of each operation', () => {
    const ids = { partner: 'P', connected: 'C', unrelated: 'U' };
    const cases = scopeMatrix(ids);
    expect(cases.find((c) => c.operation === 'listTickets' && c.account === 'connected' && c.expect === 'allow')?.scopes).toEqual(['/accounts/P/tickets.read', '/accounts/C/profile.read']);
    expect(cases.find((c) => c.operation === 'createTicket' && c.expect === 'deny-profile')?.scopes).toEqual(['/accounts/P/tickets.write']);
    expect(cases.filter((c) => c.expect === 'allow').every((c) => c.account !== 'unrelated')).toBe(true);
  });
});

test.describe('parameter probes derived from the contract', () => {
  const contract = moovContract();
  const resolve = (schema: JsonSchema) => contract.parameterSchema(schema);

  test('every query parameter and header of listTickets gets invalid or boundary values', () => {
    const probes = parameterProbes(contract.operation('listTickets').parameters, resolve);
    const byParameter = new Map<string, string[]>();
    for (const p of probes) byParameter.set(p.parameter, [...(byParameter.get(p.parameter) ?? []), p.kind]);
    expect([...byParameter.keys()].sort()).toEqual(['X-Moov-Version', 'count', 'cursor', 'status']);
    // The status enum and the server-issued cursor have values no correct server may serve.
    expect(byParameter.get('status')).toContain('invalid');
    expect(byParameter.get('cursor')).toContain('invalid');
    expect(byParameter.get('count')).toContain('invalid');
    // Every invalid status really is outside the contract's enum.
    for (const p of probes.filter((p) => p.parameter === 'status' && p.kind === 'invalid')) {
      expect(contract.operation('listTickets').coerceQuery({ status: String(p.value) }).issues.length).toBeGreaterThan(0);
    }
  });

  test('a parameter added to the contract gets probes without a second edit', () => {
    const added = [{ name: 'priority', in: 'query' as const, required: false, schema: { type: 'integer' } }];
    const probes = parameterProbes(added, resolve);
    expect(probes.map((p) => p.kind)).toContain('invalid');
    expect(probes.every((p) => p.parameter === 'priority' && p.in === 'query')).toBe(true);
  });
});
