import fc from 'fast-check';
import { moovContract } from '../../lib/contract/moov';
import type { TicketStatus } from '../../lib/contract/moov.types';

export interface PaginationPlan {
  account: 'partner' | 'connected';
  count: number;
  status?: TicketStatus;
  /** Stop after this many pages; undefined walks to the end (within the spec's page bound). */
  pages?: number;
  /**
   * Where an unfiltered walk starts: the cursor of reference page `start` modulo the pages a
   * reference walk has (0 or undefined: the first page). Spreads walks through large accounts.
   */
  start?: number;
}

export interface PaginationPlanConstraints {
  /** Largest count generated. Default 40 (small counts make many pages of seeded data). */
  maxCount?: number;
  /** Longest partial walk, in pages. Default 4. */
  maxPages?: number;
}

/** The status filter's possible values, read from the contract's list operation. */
export function listStatuses(): TicketStatus[] {
  const param = moovContract().operation('listTickets').parameters.find((p) => p.name === 'status');
  const schema = param ? moovContract().inline(param.schema) as { enum?: TicketStatus[] } : undefined;
  if (!schema?.enum?.length) throw new Error('paginationPlan: the contract documents no status values for listTickets');
  return schema.enum;
}

/** Pagination plans: which account, count, optional status filter, full or partial walk. */
export function paginationPlan(constraints: PaginationPlanConstraints = {}): fc.Arbitrary<PaginationPlan> {
  const { maxCount = 40, maxPages = 4 } = constraints;
  if (!Number.isInteger(maxCount) || maxCount < 1) throw new Error(`paginationPlan: maxCount must be a positive integer, got ${maxCount}`);
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new Error(`paginationPlan: maxPages must be a positive integer, got ${maxPages}`);
  return fc.record(
    {
      account: fc.constantFrom('partner' as const, 'connected' as const),
      count: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: maxCount })),
      status: fc.constantFrom(...listStatuses()),
      pages: fc.integer({ min: 1, max: maxPages }),
      start: fc.nat(1000),
    },
    { requiredKeys: ['account', 'count'] },
  );
}
