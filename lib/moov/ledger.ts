import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REPORTS_DIR } from '../config/run';

export type LedgerEvent =
  /** The first line of a live run's ledger: where its tickets are (cleanup and its listing read it). */
  | { event: 'run'; target: string; at: string }
  | { event: 'created'; ticketID: string; accountID: string; foreignID: string; at: string }
  | { event: 'closed'; ticketID: string; accountID: string; at: string }
  /** A create whose answer was lost: it may have made a ticket, found again by its foreignID (and title). */
  | { event: 'uncertain'; accountID: string; foreignID: string; title: string; at: string };

/** A create that may have happened, not (yet) matched by a created event of its foreignID. */
export interface UncertainWrite {
  accountID: string;
  foreignID: string;
  title: string;
}

export function ledgerPath(runId: string): string {
  return resolve(REPORTS_DIR, 'ledger', `${runId}.jsonl`);
}

/** A reserved write: where its slot is, so an unused one can be given back. */
export interface WriteSlot {
  pool: string;
  file: string;
}

/**
 * Tickets a run created, appended as they are created (tickets cannot be deleted, so each is
 * closed at the end, and `npm run cleanup` can finish the job after an interrupted one).
 * Also the run's write budget: slots are reserved atomically from named pools (the planned writes,
 * the reserve for refusal probes), so parallel workers share one cap per pool.
 */
export class WriteLedger {
  private readonly slotsDir: string;

  /**
   * `target`: the live target's base URL, written first so the ledger says where its tickets are;
   * undefined for the embedded mock, whose tickets vanish with it: nothing is written then.
   */
  constructor(readonly file: string, private readonly target?: string) {
    this.slotsDir = WriteLedger.slotsDirOf(file);
  }

  private static slotsDirOf(file: string): string {
    return resolve(dirname(file), `${file.replace(/^.*\//, '').replace(/\.jsonl$/, '')}.slots`);
  }

  /** Removes the run's budget slots (the write budget of a finished run is spent). */
  static removeSlots(file: string): void {
    rmSync(WriteLedger.slotsDirOf(file), { recursive: true, force: true });
  }

  /** Takes one write from `pool`, which holds `cap` of them in the whole run; undefined when all are taken. */
  reserve(pool: string, cap: number): WriteSlot | undefined {
    if (!Number.isFinite(cap)) return { pool, file: '' };
    const dir = resolve(this.slotsDir, pool);
    mkdirSync(dir, { recursive: true });
    for (let slot = 1; slot <= cap; slot++) {
      const file = resolve(dir, String(slot));
      try {
        closeSync(openSync(file, 'wx'));
        return { pool, file };
      } catch {
        // slot taken by this or another worker: try the next
      }
    }
    return undefined;
  }

  /** Gives back a slot whose request created nothing (a refusal probe the target refused). */
  release(slot: WriteSlot): void {
    if (slot.file !== '') rmSync(slot.file, { force: true });
  }

  append(event: LedgerEvent): void {
    if (this.target === undefined) return;
    mkdirSync(dirname(this.file), { recursive: true });
    if (!existsSync(this.file)) appendFileSync(this.file, `${JSON.stringify({ event: 'run', target: this.target, at: new Date().toISOString() })}\n`);
    appendFileSync(this.file, `${JSON.stringify(event)}\n`);
  }

  /** Tickets the ledger says were closed (by the tests or by cleanup). */
  static closedCount(file: string): number {
    return WriteLedger.events(file).filter((e) => e.event === 'closed').length;
  }

  /** The target a ledger's tickets are on (its run line), if it says. */
  static target(file: string): string | undefined {
    for (const event of WriteLedger.events(file)) if (event.event === 'run') return event.target;
    return undefined;
  }

  /** Tickets created and not yet closed, according to the ledger. */
  static open(file: string): Array<{ ticketID: string; accountID: string; foreignID: string }> {
    const created = new Map<string, { ticketID: string; accountID: string; foreignID: string }>();
    for (const event of WriteLedger.events(file)) {
      if (event.event === 'created') created.set(event.ticketID, { ticketID: event.ticketID, accountID: event.accountID, foreignID: event.foreignID });
      else if (event.event === 'closed') created.delete(event.ticketID);
    }
    return [...created.values()];
  }

  /** Tickets created and then closed in this ledger's run: tickets their checks have finished with. */
  static finished(file: string): Array<{ ticketID: string; accountID: string }> {
    const events = WriteLedger.events(file);
    const closed = new Set(events.flatMap((e) => (e.event === 'closed' ? [e.ticketID] : [])));
    return events.flatMap((e) => (e.event === 'created' && closed.has(e.ticketID) ? [{ ticketID: e.ticketID, accountID: e.accountID }] : []));
  }

  /** Creates whose answer was lost and whose ticket no created event names yet (cleanup looks for them). */
  static uncertain(file: string): UncertainWrite[] {
    const events = WriteLedger.events(file);
    const known = new Set(events.flatMap((e) => (e.event === 'created' ? [e.foreignID] : [])));
    const out = new Map<string, UncertainWrite>();
    for (const e of events) if (e.event === 'uncertain' && !known.has(e.foreignID)) out.set(e.foreignID, { accountID: e.accountID, foreignID: e.foreignID, title: e.title });
    return [...out.values()];
  }

  private static events(file: string): LedgerEvent[] {
    if (!existsSync(file)) return [];
    const events: LedgerEvent[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        events.push(JSON.parse(line) as LedgerEvent);
      } catch {
        // a line cut short by an interrupted run
      }
    }
    return events;
  }
}
