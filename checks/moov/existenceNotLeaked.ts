import type { Exchange } from '../../lib/http/exchange';
import { defineCheck } from '../check';
import { SRC } from './sources';

/** One answer of a pair, reduced to what may not differ: its status and the shape of its body. */
export interface RefusalAnswer {
  what: string;
  status: number;
  /** JSON: its top-level keys, sorted; otherwise "empty" or "not JSON". Messages may differ. */
  shape: string;
  exchange: Exchange;
}

/** The same request for something that exists outside the caller's reach and for something that does not exist. */
export interface ExistencePair {
  request: string;
  exists: RefusalAnswer;
  absent: RefusalAnswer;
}

/** The shape of a body: what a caller can tell apart without reading messages. */
export function bodyShape(text: string, json: unknown): string {
  if (text.trim() === '') return 'empty';
  if (json === undefined) return 'not JSON';
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return `JSON ${json === null ? 'null' : Array.isArray(json) ? 'array' : typeof json}`;
  return `{${Object.keys(json).sort().join(', ')}}`;
}

export const existenceNotLeaked = defineCheck<ExistencePair>({
  id: 'TKT-SEC-001',
  title: 'refusal tells what exists outside reach',
  api: 'moov',
  severity: 'error',
  source: SRC.reach,
  detects: "different answers (status, or the keys of the body) for a ticket that exists in another account and one that does not exist, or for an account outside the partner's reach and one that does not exist: 403 and 404 are both accepted, but the same for both (messages and x-request-id may differ)",
  triggers: "get (key pair and token) and update (where writes are allowed) of another account's ticket and of an unknown one through the connected account; list and get on MOOV_UNRELATED_ACCOUNT_ID and on an unknown account ID, with the key pair and a token",
  requests: 'about fourteen reads (two more updates of tickets the path does not hold where writes are allowed)',
  operations: ['getTicket', 'updateTicket', 'listTickets'],
  statuses: [403, 404],
  evaluate: (e) =>
    e.exists.status === e.absent.status && e.exists.shape === e.absent.shape
      ? []
      : [{
          expected: `${e.request}: the same answer for ${e.exists.what} and for ${e.absent.what} (${e.absent.status} ${e.absent.shape})`,
          received: `${e.exists.status} ${e.exists.shape} for ${e.exists.what}`,
          exchange: e.exists.exchange,
        }],
});
