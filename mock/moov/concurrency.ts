import { randomUUID } from 'node:crypto';
import { HttpAnswer } from '../shared/http';
import type { MoovOperationId } from '../../lib/contract/moov';
import type { MoovMockConfig } from './config';

/**
 * The mock handles requests one at a time, so requests in flight at once are handled correctly by
 * default. The parallel faults model a server with a slow, unguarded step instead: while one such
 * request is held (HOLD_MS), another of its kind arriving meets the first one's state. Only
 * requests that overlap in flight meet these faults; a client sending one request after another
 * never does.
 */
const HOLD_MS = 30;

/** What a request in flight takes from the others of its kind. */
export interface Overlap {
  /** The ticketID a create must use (parallel-create-overwrites: shared with creates in flight). */
  ticketID?: string;
  /** The x-request-id the answer must carry (parallel-read-same-request-id). */
  requestId?: string;
  /** Called once the request is answered. */
  leave: () => void;
}

interface Held {
  count: number;
  ticketID: string;
  requestId: string;
}

export class Concurrency {
  private readonly held = new Map<string, Held>();

  constructor(private readonly config: MoovMockConfig) {}

  /** True when one of the parallel faults is on (otherwise enter() costs nothing). */
  get active(): boolean {
    const f = this.config.faults;
    return f.has('parallel-create-overwrites') || f.has('parallel-close-500') || f.has('parallel-read-same-request-id');
  }

  /**
   * Registers a request in flight and holds it for HOLD_MS when a parallel fault applies to it.
   * Throws a 500 for an update of a ticket another update holds (parallel-close-500).
   */
  async enter(operation: MoovOperationId, method: string, pathParams: Record<string, string>): Promise<Overlap> {
    const key = this.keyFor(operation, method, pathParams);
    if (key === undefined) return { leave: () => undefined };
    const earlier = this.held.get(key);
    if (earlier && operation === 'updateTicket') throw new HttpAnswer(500, { error: 'could not serialize access due to concurrent update' });
    const entry = earlier ?? { count: 0, ticketID: randomUUID(), requestId: randomUUID() };
    entry.count += 1;
    this.held.set(key, entry);
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      entry.count -= 1;
      if (entry.count === 0 && this.held.get(key) === entry) this.held.delete(key);
    };
    return {
      ...(operation === 'createTicket' ? { ticketID: entry.ticketID } : {}),
      ...(method === 'GET' ? { requestId: entry.requestId } : {}),
      leave,
    };
  }

  private keyFor(operation: MoovOperationId, method: string, pathParams: Record<string, string>): string | undefined {
    const f = this.config.faults;
    if (operation === 'createTicket' && f.has('parallel-create-overwrites')) return `create:${pathParams.accountID ?? ''}`;
    if (operation === 'updateTicket' && f.has('parallel-close-500')) return `update:${pathParams.ticketID ?? ''}`;
    if (method === 'GET' && f.has('parallel-read-same-request-id')) return 'read';
    return undefined;
  }
}
