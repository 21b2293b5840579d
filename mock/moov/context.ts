import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Contract, OperationSpec } from '../../lib/contract/loadContract';
import type { MoovOperationId } from '../../lib/contract/moov';
import type { CreateTicket, Ticket, TicketStatus } from '../../lib/contract/moov.types';
import type { ValidationIssue } from '../../lib/contract/validation';
import type { RawBody } from '../shared/http';
import type { CursorPosition } from './cursor';
import type { MoovMockSettings } from './settings';
import type { HeldTicket, PageQuery, StoreSeams, TicketStore } from './store';
import type { TokenStore } from './tokens';

/** Who is calling: the key pair itself (every scope it can reach) or a token with its scopes. */
export type Principal =
  | { kind: 'key'; ownerID: string }
  | { kind: 'token'; ownerID: string; scopes: ReadonlySet<string> };

/** Everything a handler needs for one request. */
export interface MoovRequestContext {
  config: MoovMockSettings;
  /** Where the correct code lets the faults folder change it (AS_DOCUMENTED when no fault is on). */
  tamper: Tamper;
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
}

/** A handler's successful answer (errors are thrown as HttpAnswer). */
export interface HandlerResult {
  status: number;
  body: unknown;
}

export type Handler = (ctx: MoovRequestContext, principal: Principal | undefined) => HandlerResult;

/** An operation as the server runs it: authentication, then the handler. */
export type Operation = (ctx: MoovRequestContext) => HandlerResult;

export type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** An answer about to be sent. */
export interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** A request answered while others are in flight; `leave` once it is answered. */
export interface InFlight {
  leave(): void;
}

export type Authenticate = (ctx: MoovRequestContext) => Principal;
export type KeyPairCheck = (publicKey: string, secretKey: string) => boolean;
export type Authorize = (ctx: MoovRequestContext, principal: Principal, accountID: string) => void;

/** A token's scope check: granted when it `has` every scope of one alternative. */
export interface ScopeCheck {
  alternatives: string[][];
  has: (scope: string) => boolean;
}

/** Why a request is refused, where a refusal has a seam. */
export type Refusal = { reason: 'malformed-json' } | { reason: 'invalid-body'; issues: ValidationIssue[] } | { reason: 'unknown-ticket' };

/** Carries out a valid update of `held` (status undefined: an empty update; else a close). */
export type ApplyUpdate = (ctx: MoovRequestContext, held: HeldTicket, status: unknown) => HandlerResult;

/** Whose tickets a listing serves, and of which status. */
export interface ListingScope {
  accountID: string;
  status?: TicketStatus;
}

/** A page as listed: its tickets, whether more follow, and the position its cursor names. */
export interface Listing {
  items: Ticket[];
  more: boolean;
  nextAfter?: number;
}

/**
 * The mock's named seams: each point where a fault may change what the correct code does, and
 * nothing else. Every seam takes the value the correct code computed first and returns the one
 * to use; AS_DOCUMENTED returns it unchanged, the faults folder composes its deviations over it.
 */
export interface Tamper extends StoreSeams {
  // The server
  listener(listener: Listener): Listener;
  /** The x-request-id of an answer; `ctx` is given for answers of a routed request. */
  requestId(fresh: string, ctx: MoovRequestContext | undefined): string;
  /** Any answer, just before it is sent. */
  response(answer: Answer, request: { method: string }): Answer;
  /** What a routed request waits for before it is handled (undefined: nothing). */
  inFlight(entered: Promise<InFlight> | undefined, ctx: MoovRequestContext): Promise<InFlight> | undefined;
  operation(operation: Operation, id: MoovOperationId): Operation;
  // Authentication and authorization
  authenticate(authenticate: Authenticate): Authenticate;
  keyPairMatches(check: KeyPairCheck): KeyPairCheck;
  authorize(authorize: Authorize): Authorize;
  /** Whether the caller reaches `accountID` (the store's answer). */
  reachable(reachable: boolean, ctx: MoovRequestContext, principal: Principal, accountID: string): boolean;
  scopes(check: ScopeCheck, ctx: MoovRequestContext, principal: Principal, accountID: string): ScopeCheck;
  // Request bodies
  /** A parsed JSON object body. */
  requestBody(body: Record<string, unknown>, ctx: MoovRequestContext): Record<string, unknown>;
  /** The issues found in a body: against the contract, or the rules the pages leave open (semantic). */
  issues(issues: ValidationIssue[], kind: 'contract' | 'semantic', body: Record<string, unknown>, ctx: MoovRequestContext): ValidationIssue[];
  /** What a refusal throws. */
  refusal(answer: Error, why: Refusal, ctx: MoovRequestContext): Error;
  // Tickets
  /** The input a create stores. */
  storedInput(input: CreateTicket, ctx: MoovRequestContext): CreateTicket;
  /** The ticketID a create gives its ticket. */
  ticketID(fresh: string, ctx: MoovRequestContext): string;
  /** The ticket a path names, as found in the path's account. */
  heldTicket(found: HeldTicket | undefined, ctx: MoovRequestContext): HeldTicket | undefined;
  applyUpdate(apply: ApplyUpdate): ApplyUpdate;
  /** A stored ticket as sent (before the variants' readings). */
  presentedTicket(out: Record<string, unknown>, ticket: Ticket): Record<string, unknown>;
  // Listing
  /** An issue for a cursor this server never issued (undefined: none). */
  cursorIssue(issue: ValidationIssue | undefined, ctx: MoovRequestContext): ValidationIssue | undefined;
  /** Whose tickets, of which status, a listing serves, given the cursor it came with. */
  listing(scope: ListingScope, cursor: CursorPosition | undefined, ctx: MoovRequestContext): ListingScope;
  pageQuery(query: PageQuery, ctx: MoovRequestContext): PageQuery;
  listedPage(listing: Listing, ctx: MoovRequestContext): Listing;
  /** What the next page's cursor holds. */
  nextCursor(position: CursorPosition, scope: ListingScope, ctx: MoovRequestContext): CursorPosition;
}
