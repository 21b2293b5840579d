import { test, type TestInfo } from '@playwright/test';
import type { MoovTarget } from '../../lib/moov/settings';
import { ledgerPath, WriteLedger, type WriteSlot } from '../../lib/moov/ledger';
import { TicketWrites } from '../../lib/moov/ticketWrites';
import { describeAllotment, mergeWriteNeeds, planWrites, type Allotment, type WriteNeed, type WritePlan } from '../../lib/writePlan';
import { moovWriteNeeds } from '../../apis/moov/writeNeeds';
import { sdkWriteNeeds } from '../../apis/sdk/writeNeeds';

const STRAY_POOL = 'refusal-probes';

/**
 * The needs of every API addressing a Moov target (the moov and sdk projects), in the list's
 * order: one plan within the target's one budget. Imported one by one rather than through
 * apis/index.ts, so a worker loads no other API's checks and mock; specs/unit/write-plan.spec.ts
 * holds this to the descriptors' writeNeedsOf(APIS, moovTargetKind).
 */
export function moovTargetWriteNeeds(): Map<string, WriteNeed> {
  return mergeWriteNeeds([
    { by: 'moov', needs: moovWriteNeeds() },
    { by: 'sdk', needs: sdkWriteNeeds() },
  ]);
}

function poolName(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * A run's writes to a Moov target, by the write plan: every process computes the same plan from the
 * same settings, and each test's tickets come from a run-wide pool of its own, so which checks run
 * never depends on scheduling. Refusal probes share the stray reserve.
 */
export class MoovWrites {
  readonly plan: WritePlan;
  /** Where every ticket is drawn, labelled and ledgered (lib/moov/ticketWrites.ts). */
  readonly tickets: TicketWrites;
  private readonly needs = moovTargetWriteNeeds();

  constructor(private readonly target: MoovTarget, runId: string, counted?: (kind: 'created' | 'closed') => void) {
    this.plan = planWrites(this.needs, target.maxWrites, 'MOOV_MAX_WRITES');
    this.tickets = new TicketWrites(new WriteLedger(ledgerPath(runId), target.kind === 'live' ? target.baseURL : undefined), counted);
  }

  /**
   * The test's share of the plan; skips the test when writes are off or the budget has nothing
   * for it (the report names the check and why). Notes the allotment in the report.
   */
  begin(key: string, testInfo: TestInfo): Allotment {
    const need = this.needs.get(key);
    const allotment = this.plan.allotments.get(key);
    if (!need || !allotment) throw new Error(`write plan: no need declared for "${key}" (its API's writeNeeds, apis/<api>/)`);
    test.skip(!this.target.allowWrites, 'writes are off: set ALLOW_WRITES=true to create and update tickets on this live target');
    if (Number.isFinite(this.plan.budget)) testInfo.annotations.push({ type: 'write plan', description: describeAllotment(key, need, allotment, this.plan) });
    test.skip(allotment.unexercised !== undefined, allotment.unexercised);
    return allotment;
  }

  /** One planned ticket for `key`; an error when the test asks for more than it declared (a bug in the suite, not the target). */
  take(key: string): void {
    const allotment = this.plan.allotments.get(key);
    if (!allotment || !this.tickets.draw(poolName(key), allotment.tickets)) {
      throw new Error(`write plan: "${key}" created more tickets than the ${allotment?.tickets ?? 0} it declared (its API's writeNeeds, apis/<api>/)`);
    }
  }

  /** One planned ticket for `key` if the test has one left (false otherwise). */
  tryTake(key: string): boolean {
    const allotment = this.plan.allotments.get(key);
    return allotment !== undefined && this.tickets.draw(poolName(key), allotment.tickets) !== undefined;
  }

  /** Room for one ticket a refusal probe may create if the target wrongly accepts it; undefined when the reserve is spent. */
  probe(): WriteSlot | undefined {
    if (!this.target.allowWrites) return undefined;
    return this.tickets.draw(STRAY_POOL, this.plan.strayReserve);
  }
}
