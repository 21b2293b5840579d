import type { Contract, OperationSpec } from '../../lib/contract/loadContract';
import type { MoovOperationId } from '../../lib/contract/moov';
import type { RawBody } from '../shared/http';
import type { Principal } from './auth';
import type { MoovMockConfig } from './config';
import type { TicketStore } from './store';
import type { TokenStore } from './tokens';

/** Everything a handler needs for one request. */
export interface MoovRequestContext {
  config: MoovMockConfig;
  contract: Contract<MoovOperationId>;
  store: TicketStore;
  tokens: TokenStore;
  operation: OperationSpec<MoovOperationId>;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: RawBody;
  /** Contract violations found in the request; handlers add theirs for the request log. */
  violations: string[];
  /** The ticketID a create must use (set only by the parallel-create-overwrites fault, see concurrency.ts). */
  sharedTicketID?: string;
}

/** A handler's successful answer (errors are thrown as HttpAnswer). */
export interface HandlerResult {
  status: number;
  body: unknown;
}

export type Handler = (ctx: MoovRequestContext, principal: Principal | undefined) => HandlerResult;
