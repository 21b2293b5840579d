import { test, type TestInfo } from '@playwright/test';
import type { MoovTarget } from '../../../lib/moov/settings';
import { runId } from '../../../lib/config/run';
import { TicketWrites } from '../../../lib/moov/ticketWrites';
import type { WriteSlot } from '../../../lib/moov/ledger';
import { MoovWrites } from '../../support/moovWrites';

const KEY = 'sdk: round trip';

/**
 * The sdk project's writes follow the moov project's rules: only with ALLOW_WRITES on a live
 * target, within the run's write plan (MOOV_MAX_WRITES), labelled uniquely and ledgered so the
 * run's end closes them.
 */
export class SdkWrites {
  private readonly writes: MoovWrites;
  private labels = 0;

  constructor(target: MoovTarget) {
    this.writes = new MoovWrites(target, runId(process.env));
  }

  /** Skips the test unless writes are on and the plan has its ticket. */
  require(testInfo: TestInfo): void {
    this.writes.begin(KEY, testInfo);
  }

  /** The planned ticket, before the SDK creates it. */
  take(): void {
    this.writes.take(KEY);
  }

  /** Room for a ticket a refusal probe may create; skips the rest of the test when the reserve is spent. */
  probe(): WriteSlot {
    const slot = this.writes.probe();
    if (!slot) test.skip(true, 'the refusal-probe reserve of the write plan is spent: earlier probes were accepted');
    return slot!;
  }

  /** Gives back a probe's slot the target did not use (it refused the request). */
  release(slot: WriteSlot): void {
    this.writes.tickets.giveBack(slot);
  }

  /** A foreignID no other ticket of this run carries (a target may refuse duplicates with 409). */
  label(): string {
    this.labels += 1;
    return TicketWrites.foreignID(process.env, `sdk-${process.pid}-${this.labels}`);
  }

  created(ticketID: string, accountID: string, foreignID: string): void {
    this.writes.tickets.created(accountID, ticketID, foreignID);
  }

  closed(ticketID: string, accountID: string): void {
    this.writes.tickets.closed(accountID, ticketID);
  }
}
