import { test, type TestInfo } from '@playwright/test';
import { moovChecks as C } from '../../../checks/moov';
import { walkTickets, type ListPage, type ListWalk } from '../../../checks/moov/evidence';
import type { Intent, ResponseEvidence } from '../../../checks/response/evidence';
import { verify } from '../../../checks/verify';
import type { MoovOperationId } from '../../../lib/contract/moov';
import type { CreateTicket, Ticket, TicketStatus } from '../../../lib/contract/moov.types';
import { ticketLabel } from '../../../lib/config/run';
import { isRecord } from '../../../lib/json';
import type { MoovAuth, MoovRequest, MoovResponse } from '../../../lib/moov/client';
import { skipRun } from '../../support/property';
import { RateLimitedError } from '../../../lib/http/transport';
import type { MoovWorker } from './worker';

const TICKET_BODY_OPERATIONS: ReadonlySet<MoovOperationId> = new Set(['getTicket', 'createTicket', 'updateTicket']);
/** A walk longer than this is a runaway cursor, not a big account. */
const MAX_WALK_PAGES = 1000;

export interface WalkOptions {
  count?: number;
  status?: TicketStatus;
  /** Stop after this many pages (a partial walk). */
  maxPages?: number;
  auth?: MoovAuth;
}

/**
 * The `moov` fixture: every request goes through the contract's response checks; helpers gather
 * evidence (walks, reads, the suite's own writes) for the checks the specs run.
 */
export class MoovApi {
  readonly ids;

  constructor(private readonly worker: MoovWorker, private readonly testInfo: TestInfo) {
    const t = worker.target;
    this.ids = { partner: t.partnerAccountID, connected: t.accountID, unrelated: t.unrelatedAccountID };
  }

  get target() {
    return this.worker.target;
  }

  /** Sends a request and runs every response check on the answer. */
  async call(operation: MoovOperationId, request: MoovRequest, intent: Intent = 'valid'): Promise<MoovResponse> {
    let response: MoovResponse;
    try {
      response = await this.worker.client.send(operation, request);
    } catch (error) {
      // A target that keeps answering 429 is respected, not failed.
      if (error instanceof RateLimitedError) skipRun(`${error.message}: the run stops here rather than fail a check`);
      throw error;
    }
    const evidence: ResponseEvidence = { ...response, intent };
    const scope = { operation, status: response.status };
    verify(C.noServerError, evidence, scope);
    verify(C.statusDocumented, evidence, scope);
    if (C.headersPresent) verify(C.headersPresent, evidence, scope);
    verify(C.jsonServedAsJson, evidence, scope);
    verify(C.bodyConforms, evidence, scope);
    this.checkRequestId(response, operation);
    if (response.status === 200) this.checkTicketSemantics(operation, response);
    return response;
  }

  /** A request the pages say must succeed: anything but a 2xx fails TKT-HTTP-003. */
  async ok(operation: MoovOperationId, request: MoovRequest): Promise<MoovResponse> {
    const response = await this.call(operation, request);
    verify(C.validRequestServed, { ...response, intent: 'valid' }, { operation, status: response.status });
    return response;
  }

  async listPage(accountID: string, options: WalkOptions & { cursor?: string } = {}): Promise<ListPage> {
    const response = await this.ok('listTickets', {
      path: { accountID },
      query: { count: options.count, status: options.status, cursor: options.cursor },
      auth: options.auth,
    });
    const body = response.json as { items: Ticket[]; nextPage?: { cursor: string } };
    return { count: options.count, status: options.status, items: body.items, nextCursor: body.nextPage?.cursor, exchange: response.exchange };
  }

  /**
   * Follows nextPage until it is omitted (complete), maxPages is reached, or two empty pages in a
   * row still carry nextPage (a runaway cursor, which TKT-PAG-003 reports).
   */
  async walk(accountID: string, options: WalkOptions = {}): Promise<ListWalk> {
    const pages: ListPage[] = [];
    const limit = options.maxPages ?? MAX_WALK_PAGES;
    const done = (complete: boolean, runaway = false): ListWalk => ({ accountID, count: options.count, status: options.status, pages, complete, runaway });
    let cursor: string | undefined;
    let emptyInARow = 0;
    for (;;) {
      const page = await this.listPage(accountID, { ...options, cursor });
      pages.push(page);
      if (page.nextCursor === undefined) return done(true);
      emptyInARow = page.items.length === 0 ? emptyInARow + 1 : 0;
      if (emptyInARow >= 2) return done(false, true);
      if (pages.length >= limit) return done(false);
      cursor = page.nextCursor;
    }
  }

  /**
   * A reference listing of the account: a walk at count 200, the documented default, which every
   * server must accept (larger counts may be capped or refused). Walk invariants are judged on it too.
   */
  async reference(accountID: string, judge: (walk: ListWalk) => void = () => undefined): Promise<Ticket[]> {
    const walk = await this.walk(accountID, { count: 200 });
    judge(walk);
    return walkTickets(walk);
  }

  async get(accountID: string, ticketID: string, auth?: MoovAuth): Promise<{ ticket: Ticket; response: MoovResponse }> {
    const response = await this.ok('getTicket', { path: { accountID, ticketID }, auth });
    return { ticket: response.json as Ticket, response };
  }

  /**
   * Skips the test unless writes are allowed, and reserves `count` tickets from the run's budget
   * (MOOV_MAX_WRITES). Creates inside a property reserve as they go instead (pass 0).
   */
  requireWrites(count: number): void {
    test.skip(!this.target.allowWrites, 'writes are off: set ALLOW_WRITES=true to create and update tickets on this live target');
    for (let i = 0; i < count; i++) {
      if (!this.worker.ledger.reserve()) test.skip(true, `MOOV_MAX_WRITES (${this.target.maxWrites}) reached: this run may create no more tickets`);
      this.worker.reservedWrites += 1;
    }
  }

  /** The run's label for foreignID, with an optional generated suffix. */
  label(suffix?: string): string {
    return suffix === undefined ? ticketLabel(process.env) : `${ticketLabel(process.env)}:${suffix}`;
  }

  /**
   * Creates a ticket labelled with this run (foreignID), records it in the ledger, and checks
   * the response echoes what was sent (TKT-CRT-001).
   */
  async create(accountID: string, input: CreateTicket, auth?: MoovAuth): Promise<{ ticket: Ticket; sent: CreateTicket; response: MoovResponse }> {
    const sent: CreateTicket = { ...input, foreignID: this.label(input.foreignID) };
    this.takeWrite();
    const response = await this.ok('createTicket', { path: { accountID }, json: sent, auth });
    const ticket = response.json as Ticket;
    this.recordCreated(accountID, ticket, sent.foreignID ?? '');
    verify(C.createEchoesInput, { sent, created: ticket, exchange: response.exchange }, { operation: 'createTicket', status: 200 });
    return { ticket, sent, response };
  }

  /** Records a ticket the target created (also one created where it should not have been). */
  recordCreated(accountID: string, ticket: unknown, foreignID: string): void {
    if (!isRecord(ticket) || typeof ticket.ticketID !== 'string') return;
    this.worker.client.countWrite('created');
    this.worker.ledger.append({ event: 'created', ticketID: ticket.ticketID, accountID, foreignID, at: new Date().toISOString() });
  }

  async close(accountID: string, ticketID: string, auth?: MoovAuth): Promise<{ ticket: Ticket; response: MoovResponse }> {
    const response = await this.ok('updateTicket', { path: { accountID, ticketID }, json: { status: 'closed' }, auth });
    this.worker.client.countWrite('closed');
    this.worker.ledger.append({ event: 'closed', ticketID, accountID, at: new Date().toISOString() });
    return { ticket: response.json as Ticket, response };
  }

  /**
   * Reads until `accept` holds or MOOV_CONSISTENCY_MS passes (0 against the mock: one read).
   * Returns the last read and how long the write took to show (TKT-SEM-006 reports lag).
   */
  async eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<{ value: T; lagMs: number; settled: boolean }> {
    const started = Date.now();
    let value = await read();
    if (accept(value)) return { value, lagMs: 0, settled: true };
    let delay = 100;
    while (!accept(value) && Date.now() - started < this.target.consistencyMs) {
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 1000);
      value = await read();
    }
    const settled = accept(value);
    return { value, lagMs: settled ? Math.max(1, Date.now() - started) : 0, settled };
  }

  /**
   * A bearer token with exactly `scopes`, minted with the key pair (cached per worker). Returns
   * undefined when the target refuses to mint it (allowed for scopes outside the partner's reach).
   */
  async token(scopes: string[], intent: Intent = 'valid'): Promise<MoovAuth | undefined> {
    const key = [...scopes].sort().join(' ');
    const cached = this.worker.tokens.get(key);
    if (cached && cached.renewAt > Date.now()) return cached.auth;
    const response = await this.call('createAccessToken', {
      path: {},
      rawBody: new URLSearchParams({ grant_type: 'client_credentials', scope: scopes.join(' ') }).toString(),
      contentType: 'application/x-www-form-urlencoded',
      version: null,
    }, intent);
    const token = response.status === 200 && isRecord(response.json) && typeof response.json.access_token === 'string'
      ? ({ kind: 'token', token: response.json.access_token, scopes } as const)
      : undefined;
    // Minted again a minute before it expires, so long live runs never use a stale token.
    const expiresIn = isRecord(response.json) && typeof response.json.expires_in === 'number' ? response.json.expires_in : 300;
    this.worker.tokens.set(key, { auth: token, renewAt: Date.now() + Math.max(0, expiresIn - 60) * 1000 });
    return token;
  }

  private takeWrite(): void {
    if (!this.target.allowWrites) skipRun('writes are off: set ALLOW_WRITES=true to create tickets on this live target');
    if (this.worker.reservedWrites > 0) {
      this.worker.reservedWrites -= 1;
      return;
    }
    if (!this.worker.ledger.reserve()) skipRun(`MOOV_MAX_WRITES (${this.target.maxWrites}) reached: this run may create no more tickets`);
  }

  private checkRequestId(response: MoovResponse, operation: MoovOperationId): void {
    const requestId = response.headers['x-request-id'];
    const previous = requestId === undefined ? undefined : this.worker.requestIds.get(requestId);
    verify(C.requestIdUnique, { exchange: response.exchange, requestId, previous }, { operation, status: response.status });
    if (requestId !== undefined && !previous) this.worker.requestIds.set(requestId, response.exchange);
  }

  private checkTicketSemantics(operation: MoovOperationId, response: MoovResponse): void {
    const tickets: unknown[] = TICKET_BODY_OPERATIONS.has(operation)
      ? [response.json]
      : operation === 'listTickets' && isRecord(response.json) && Array.isArray(response.json.items)
        ? response.json.items
        : [];
    for (const ticket of tickets) {
      if (!isRecord(ticket)) continue;
      const seen = { ticket: ticket as unknown as Ticket, exchange: response.exchange };
      verify(C.closedHasClosedOn, seen, { operation, status: 200 });
      verify(C.updatedNotBeforeCreated, seen, { operation, status: 200 });
    }
  }

  get info(): TestInfo {
    return this.testInfo;
  }
}
