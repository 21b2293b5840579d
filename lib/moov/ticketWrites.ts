import type { Env } from '../config/configError';
import { ticketLabel } from '../config/run';
import type { WriteLedger, WriteSlot } from './ledger';

/**
 * The one path by which the suite's tickets are written down. Tickets cannot be deleted, so every
 * ticket anything in the suite creates (the conformance specs, the SDK project, calibration, and
 * cleanup when it finds a lost create) is labelled with the run in its foreignID and ledgered as
 * created, lost (uncertain) or closed here: cleanup closes whatever a run left open. A Playwright
 * run's tickets are drawn from budget pools of its ledger, sized by the write plan
 * (lib/writePlan.ts); calibration, a run of its own, counts its MOOV_MAX_WRITES itself.
 */
export class TicketWrites {
  constructor(
    readonly ledger: WriteLedger,
    /** Told of each ticket created and closed (the transport's per-test counters). */
    private readonly counted: (kind: 'created' | 'closed') => void = () => undefined,
  ) {}

  /** A foreignID for one ticket: the run's label, a part unique within the run, and an optional suffix. */
  static foreignID(env: Env, unique: string, suffix?: string): string {
    return `${ticketLabel(env)}:${unique}${suffix === undefined ? '' : `:${suffix}`}`;
  }

  /** One ticket from `pool`, which holds `cap` in the whole run (all workers); undefined when it is spent. */
  draw(pool: string, cap: number): WriteSlot | undefined {
    return this.ledger.reserve(pool, cap);
  }

  /** Gives back a drawn ticket the target did not create (it refused the request, or never answered). */
  giveBack(slot: WriteSlot): void {
    this.ledger.release(slot);
  }

  /** A ticket the target created (also one it created where it should not have): ledgered for cleanup. */
  created(accountID: string, ticket: unknown, foreignID: string): void {
    const ticketID = typeof ticket === 'string' ? ticket : ticket !== null && typeof ticket === 'object' ? (ticket as { ticketID?: unknown }).ticketID : undefined;
    if (typeof ticketID !== 'string') return;
    this.counted('created');
    this.ledger.append({ event: 'created', ticketID, accountID, foreignID, at: new Date().toISOString() });
  }

  /** A create whose answer was lost: it may have made a ticket, which cleanup looks for by foreignID (and title). */
  uncertain(accountID: string, foreignID: string, title: string): void {
    this.ledger.append({ event: 'uncertain', accountID, foreignID, title, at: new Date().toISOString() });
  }

  closed(accountID: string, ticketID: string): void {
    this.counted('closed');
    this.ledger.append({ event: 'closed', ticketID, accountID, at: new Date().toISOString() });
  }
}
