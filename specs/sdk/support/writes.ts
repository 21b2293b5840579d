import { test } from '@playwright/test';
import type { MoovTarget } from '../../../lib/config/moovTarget';
import { runId, ticketLabel } from '../../../lib/config/run';
import { ledgerPath, WriteLedger } from '../../../lib/moov/ledger';

/**
 * The sdk project's writes follow the moov project's rules: only with ALLOW_WRITES on a live
 * target, within MOOV_MAX_WRITES, labelled and ledgered so the run's end closes them.
 */
export class SdkWrites {
  private readonly ledger: WriteLedger;

  constructor(private readonly target: MoovTarget) {
    this.ledger = new WriteLedger(ledgerPath(runId(process.env)), target.maxWrites);
  }

  require(count: number): void {
    test.skip(!this.target.allowWrites, 'writes are off: set ALLOW_WRITES=true to create tickets through the SDK on this live target');
    for (let i = 0; i < count; i++) if (!this.ledger.reserve()) test.skip(true, `MOOV_MAX_WRITES (${this.target.maxWrites}) reached`);
  }

  label(): string {
    return `${ticketLabel(process.env)}:sdk`;
  }

  created(ticketID: string, accountID: string): void {
    this.ledger.append({ event: 'created', ticketID, accountID, foreignID: this.label(), at: new Date().toISOString() });
  }

  closed(ticketID: string, accountID: string): void {
    this.ledger.append({ event: 'closed', ticketID, accountID, at: new Date().toISOString() });
  }
}
