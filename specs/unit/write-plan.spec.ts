import { expect, test } from '@playwright/test';
import { planWrites, STRAY_RESERVE, type WriteNeed } from '../../lib/writePlan';
import { APIS } from '../../apis';
import { writeNeedsOf } from '../../apis/lookup';
import { moovTargetKind } from '../../lib/moov/target';
import { moovTargetWriteNeeds } from '../support/moovWrites';

/** The needs a Moov target's budget is planned for: the moov project's, then the sdk's. */
const writeNeeds = () => writeNeedsOf(APIS, moovTargetKind);

test('the Moov writes plan for exactly the needs the descriptors addressing a Moov target declare, in their order', () => {
  expect([...moovTargetWriteNeeds()]).toEqual([...writeNeeds()]);
  expect([...writeNeeds().keys()].at(-1)).toBe('sdk: round trip');
});

const DEFAULT_BUDGET = 25;

test.describe('write plan', () => {
  test('at the default budget every write check runs at least once, and properties share the rest', () => {
    const needs = writeNeeds();
    const plan = planWrites(needs, DEFAULT_BUDGET, 'MOOV_MAX_WRITES');
    for (const [key, need] of needs) {
      const allotment = plan.allotments.get(key)!;
      expect(allotment.unexercised, key).toBeUndefined();
      expect(allotment.tickets, key).toBeGreaterThanOrEqual(need.tickets);
      if (need.perCase) expect(allotment.cases, key).toBeGreaterThanOrEqual(1);
    }
    const total = [...plan.allotments.values()].reduce((sum, a) => sum + a.tickets, 0);
    expect(total + plan.strayReserve).toBeLessThanOrEqual(DEFAULT_BUDGET);
    // The leftover went to the properties: more than one case for the generated creates.
    expect(plan.allotments.get('create: generated valid tickets')!.cases).toBeGreaterThan(1);
  });

  test('the plan does not depend on anything but the needs and the budget', () => {
    const a = planWrites(writeNeeds(), DEFAULT_BUDGET, 'MOOV_MAX_WRITES');
    const b = planWrites(writeNeeds(), DEFAULT_BUDGET, 'MOOV_MAX_WRITES');
    expect([...a.allotments]).toEqual([...b.allotments]);
  });

  test('a budget too small for every check names each one left out, and why', () => {
    const needs = new Map<string, WriteNeed>([
      ['first', { tickets: 2 }],
      ['second', { tickets: 3 }],
      ['property', { tickets: 1, perCase: 1, cases: 10 }],
    ]);
    const plan = planWrites(needs, STRAY_RESERVE + 3, 'MOOV_MAX_WRITES');
    expect(plan.allotments.get('first')).toEqual({ tickets: 2 });
    expect(plan.allotments.get('second')!.tickets).toBe(0);
    expect(plan.allotments.get('second')!.unexercised).toContain('MOOV_MAX_WRITES=6');
    expect(plan.allotments.get('second')!.unexercised).toContain('needs 3');
    expect(plan.allotments.get('property')).toEqual({ tickets: 1, cases: 1 });
  });

  test('properties get further cases in turn, never beyond what they ask', () => {
    const needs = new Map<string, WriteNeed>([
      ['a', { tickets: 1, perCase: 1, cases: 3 }],
      ['b', { tickets: 2, perCase: 2, cases: 10 }],
    ]);
    const plan = planWrites(needs, STRAY_RESERVE + 100, 'MOOV_MAX_WRITES');
    expect(plan.allotments.get('a')).toEqual({ tickets: 3, cases: 3 });
    expect(plan.allotments.get('b')).toEqual({ tickets: 20, cases: 10 });
  });

  test('the embedded mock has no budget: everything as asked', () => {
    const plan = planWrites(writeNeeds(), Number.POSITIVE_INFINITY, 'MOOV_MAX_WRITES');
    expect(plan.allotments.get('create: generated valid tickets')!.tickets).toBe(Number.POSITIVE_INFINITY);
  });

  test('a budget that is not a number is refused', () => {
    expect(() => planWrites(writeNeeds(), Number.NaN, 'MOOV_MAX_WRITES')).toThrow(/budget/);
  });
});
