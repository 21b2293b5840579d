import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REPORTS_DIR } from '../config/run';

export type LedgerEvent =
  | { event: 'created'; ticketID: string; accountID: string; foreignID: string; at: string }
  | { event: 'closed'; ticketID: string; accountID: string; at: string };

export function ledgerPath(runId: string): string {
  return resolve(REPORTS_DIR, 'ledger', `${runId}.jsonl`);
}

/**
 * Tickets a run created, appended as they are created (tickets cannot be deleted, so each is
 * closed at the end, and `npm run cleanup` can finish the job after an interrupted run).
 * Also the run's write budget: slots are reserved atomically, so parallel workers share one cap.
 */
export class WriteLedger {
  private readonly slotsDir: string;

  constructor(readonly file: string, private readonly maxWrites: number) {
    this.slotsDir = resolve(dirname(file), `${file.replace(/^.*\//, '').replace(/\.jsonl$/, '')}.slots`);
  }

  /** Takes one write from the budget; false when the run has used it all. */
  reserve(): boolean {
    if (!Number.isFinite(this.maxWrites)) return true;
    mkdirSync(this.slotsDir, { recursive: true });
    for (let slot = 1; slot <= this.maxWrites; slot++) {
      try {
        closeSync(openSync(resolve(this.slotsDir, String(slot)), 'wx'));
        return true;
      } catch {
        // slot taken by this or another worker: try the next
      }
    }
    return false;
  }

  append(event: LedgerEvent): void {
    mkdirSync(dirname(this.file), { recursive: true });
    appendFileSync(this.file, `${JSON.stringify(event)}\n`);
  }

  /** Tickets created and not yet closed, according to the ledger. */
  static open(file: string): Array<{ ticketID: string; accountID: string; foreignID: string }> {
    if (!existsSync(file)) return [];
    const created = new Map<string, { ticketID: string; accountID: string; foreignID: string }>();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      let event: LedgerEvent;
      try {
        event = JSON.parse(line) as LedgerEvent;
      } catch {
        continue; // a line cut short by an interrupted run
      }
      if (event.event === 'created') created.set(event.ticketID, { ticketID: event.ticketID, accountID: event.accountID, foreignID: event.foreignID });
      else created.delete(event.ticketID);
    }
    return [...created.values()];
  }
}
