import type { MoovOperationId } from '../../../lib/contract/moov';
import { isPlainObject } from '../../shared/http';
import type { Answer, HandlerResult, Operation, Tamper } from '../context';
import type { MoovMockSettings } from '../settings';
import type { HeldTicket } from '../store';

/** What a fault changes: some of the seams, made once per mock (so a deviation may keep state). */
export type Deviation = (settings: MoovMockSettings) => Partial<Tamper>;

/** A catalogue entry: the family, the one documented promise it breaks, and how. */
export interface Fault {
  family: string;
  breaks: string;
  deviation: Deviation;
}

/** An operation seam that wraps the handlers of `ids` and leaves the other operations alone. */
export function around(ids: readonly MoovOperationId[], wrap: (operation: Operation) => Operation): Tamper['operation'] {
  return (operation, id) => (ids.includes(id) ? wrap(operation) : operation);
}

/** An operation seam that changes the JSON object body of the successful answers of `id`. */
export function answeredBody(id: MoovOperationId, change: (body: Record<string, unknown>, ctx: Parameters<Operation>[0]) => void): Tamper['operation'] {
  return around([id], (operation) => (ctx) => {
    const result: HandlerResult = operation(ctx);
    if (isPlainObject(result.body)) change(result.body, ctx);
    return result;
  });
}

/** Whether an update of `held` with `status` is the one that closes it. */
export function closes(held: HeldTicket, status: unknown): boolean {
  return status === 'closed' && held.ticket.status !== 'closed';
}

/** `answer` without the header `name`. */
export function withoutHeader(answer: Answer, name: string): Answer {
  const headers = { ...answer.headers };
  delete headers[name];
  return { ...answer, headers };
}
