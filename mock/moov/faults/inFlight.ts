import { randomUUID } from 'node:crypto';
import { HttpAnswer } from '../../shared/http';
import type { InFlight, MoovRequestContext, Tamper } from '../context';

/**
 * The mock handles requests one at a time, so requests in flight at once are handled correctly by
 * default. The parallel faults model a server with a slow, unguarded step instead: while one such
 * request is held (HOLD_MS), another of its kind arriving meets the first one's state. Only
 * requests that overlap in flight meet these faults; a client sending one request after another
 * never does.
 */
const HOLD_MS = 30;

/** What requests of one kind in flight at once share. */
export interface Shared {
  count: number;
  ticketID: string;
  requestId: string;
}

/**
 * Holds the requests `kindOf` names (undefined: not held) for HOLD_MS; those in flight at once
 * with the same kind share one Shared (`sharedBy`). With `refuseOverlap`, a request arriving
 * while another of its kind is held is a 500 instead.
 */
export function holding(kindOf: (ctx: MoovRequestContext) => string | undefined, refuseOverlap = false) {
  const held = new Map<string, Shared>();
  const shares = new WeakMap<MoovRequestContext, Shared>();

  async function enter(key: string, ctx: MoovRequestContext): Promise<InFlight> {
    const earlier = held.get(key);
    if (earlier && refuseOverlap) throw new HttpAnswer(500, { error: 'could not serialize access due to concurrent update' });
    const entry = earlier ?? { count: 0, ticketID: randomUUID(), requestId: randomUUID() };
    entry.count += 1;
    held.set(key, entry);
    shares.set(ctx, entry);
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    let left = false;
    return {
      leave: () => {
        if (left) return;
        left = true;
        entry.count -= 1;
        if (entry.count === 0 && held.get(key) === entry) held.delete(key);
      },
    };
  }

  const inFlight: Tamper['inFlight'] = (entered, ctx) => {
    const key = kindOf(ctx);
    return entered ?? (key === undefined ? undefined : enter(key, ctx));
  };
  return { inFlight, sharedBy: (ctx: MoovRequestContext | undefined): Shared | undefined => (ctx === undefined ? undefined : shares.get(ctx)) };
}
