import { test, type TestInfo } from '@playwright/test';
import { moovChecks as C } from '../../../checks/moov';
import { walkTickets, type ListPage, type ListWalk } from '../../../checks/moov/evidence';
import { censusFrom, spannedTickets, type Census } from './census';
import type { Intent } from '../../../checks/response/evidence';
import { verify } from '../../../checks/verify';
import { judgeDocumented, judgeServed } from '../../../checks/response/judge';
import type { MoovOperationId } from '../../../lib/contract/moov';
import type { CreateTicket, Ticket, TicketStatus } from '../../../lib/contract/moov.types';
import { TicketWrites } from '../../../lib/moov/ticketWrites';
import type { Allotment } from '../../../lib/writePlan';
import { isRecord } from '../../../lib/json';
import type { MoovAuth, MoovRequest, MoovResponse } from '../../../lib/moov/client';
import type { Exchange } from '../../../lib/http/exchange';
import { isConfirming, skipRun } from '../../support/property';
import { AnswerLostError, TargetUnavailableError } from '../../../lib/http/availability';
import { recoverLostWrite, type LostWriteHost } from './lostWrites';
import type { MoovWorker } from './worker';
import { WriteLedger } from '../../../lib/moov/ledger';

const TICKET_BODY_OPERATIONS: ReadonlySet<MoovOperationId> = new Set(['getTicket', 'createTicket', 'updateTicket']);
/** A walk longer than this is a runaway cursor, not a big account (200 × this many tickets). */
const MAX_WALK_PAGES = 1000;
/** Missing tickets a walk's judgement confirms with a GET each (one confirmed gap is a finding). */
const MAX_CONFIRMATIONS = 5;
const LIST = { operation: 'listTickets', status: 200 } as const;
/**
 * On a live target a walk with findings is walked again this many times before they count: with
 * offset cursors, a ticket created or closed by someone else mid-walk shifts the pages (a repeat
 * or a skip) on a correct server. A real fault shows every time; the mock is judged at once.
 */
const LIVE_RETRIES = 2;

export interface WalkOptions {
  count?: number;
  status?: TicketStatus;
  /** Start from this cursor (one a reference walk issued) instead of the first page. */
  cursor?: string;
  /** Stop after this many pages (a partial walk). */
  maxPages?: number;
  auth?: MoovAuth;
  /**
   * `cursor` was issued by another listing (the unfiltered census's, sent with a status filter):
   * the target may refuse it (a 4xx) or read it as a position; a refusal ends the walk as `refused`.
   */
  foreignCursor?: boolean;
}

/**
 * The `moov` fixture: every request goes through the contract's response checks; helpers gather
 * evidence (walks, reads, the suite's own writes) for the checks the specs run.
 */
export class MoovApi implements LostWriteHost {
  readonly ids;
  /** The write-plan key this test declared (writes()). */
  private writeKey: string | undefined;
  /** The next create draws from the plan's reserve (spare()). */
  private fromReserve = false;

  constructor(private readonly worker: MoovWorker, private readonly testInfo: TestInfo) {
    const t = worker.target;
    this.ids = { partner: t.partnerAccountID, connected: t.accountID, unrelated: t.unrelatedAccountID };
  }

  get target() {
    return this.worker.target;
  }

  /** Sends a request and runs every response check on the answer. */
  async call(operation: MoovOperationId, request: MoovRequest, intent: Intent = 'valid'): Promise<MoovResponse> {
    const response = await this.sendOnly(operation, request, intent);
    // A lost write's answer, found by reading back: the reads were judged as they came.
    if (response.recovered !== undefined) return response;
    this.judgeResponse(operation, response, intent, true);
    return response;
  }

  /** The checks every response gets; `requestId` false leaves x-request-id to the caller (a burst judges its own, TKT-PAR-003). */
  private judgeResponse(operation: MoovOperationId, response: MoovResponse, intent: Intent, requestId: boolean): void {
    judgeDocumented(C, { ...response, intent }, operation);
    if (requestId) this.checkRequestId(response, operation);
    if (response.status === 200) this.checkTicketSemantics(operation, response);
  }

  /** The next `size` requests go out at once, within the rate cap's spirit (see Throttle.allowBurst). */
  allowBurst(size: number): void {
    this.worker.client.allowBurst(size);
  }

  /**
   * A read sent as part of a burst: every response check but x-request-id uniqueness and "no 5xx",
   * which the burst's own check judges (TKT-PAR-003) before registerRequestIds() records them.
   */
  async burstRead(operation: 'getTicket' | 'listTickets', request: MoovRequest): Promise<MoovResponse> {
    let response: MoovResponse;
    try {
      response = await this.worker.client.send(operation, request);
    } catch (error) {
      if (error instanceof TargetUnavailableError) skipRun(error.message);
      throw error;
    }
    this.judgeResponse(operation, response, 'valid', false);
    return response;
  }

  /** The x-request-ids this worker's run has seen so far, with the exchange that first carried each. */
  get seenRequestIds(): ReadonlyMap<string, Exchange> {
    return this.worker.requestIds;
  }

  /** Records x-request-ids a burst carried (after TKT-PAR-003 judged them), so later responses are compared with them too. */
  registerRequestIds(responses: readonly MoovResponse[]): void {
    for (const r of responses) {
      const id = r.headers['x-request-id'];
      if (id !== undefined && !this.worker.requestIds.has(id)) this.worker.requestIds.set(id, r.exchange);
    }
  }

  /**
   * A write sent once, whose lost answer is handed back rather than found out (two closes of one
   * ticket at once: what each was answered is the evidence). Answered: every response check but
   * "no 5xx", which the caller judges (TKT-PAR-002).
   */
  async tryWrite(operation: 'updateTicket', request: MoovRequest): Promise<{ response: MoovResponse } | { lost: AnswerLostError }> {
    let response: MoovResponse;
    try {
      response = await this.worker.client.send(operation, { ...request, repeatable: false });
    } catch (error) {
      if (error instanceof AnswerLostError) return { lost: error };
      if (error instanceof TargetUnavailableError) skipRun(error.message);
      throw error;
    }
    this.judgeResponse(operation, response, 'valid', true);
    return { response };
  }

  /**
   * Sends a request and judges only that it is no 5xx: for answers the contract's body and
   * header rules do not cover (X-Moov-Version `latest`, which "may include breaking changes").
   */
  async sendOnly(operation: MoovOperationId, request: MoovRequest, intent: Intent = 'valid'): Promise<MoovResponse> {
    let response: MoovResponse;
    try {
      // Requests a correct target refuses are safe to repeat; valid writes are not (see lostWrites.ts).
      response = await this.worker.client.send(operation, { ...request, repeatable: request.repeatable ?? intent !== 'valid' });
    } catch (error) {
      if (error instanceof AnswerLostError && (operation === 'createTicket' || operation === 'updateTicket')) return recoverLostWrite(this, operation, request, error);
      // Weather (unreachable, hanging, transient errors or 429s past their retries): not a verdict.
      if (error instanceof TargetUnavailableError) {
        // A create cut off by an outage may still have made its ticket: cleanup looks for it.
        if (operation === 'createTicket' && intent === 'valid' && isRecord(request.json) && typeof request.json.foreignID === 'string') {
          this.ledgerUncertain(request.path.accountID ?? '', request.json.foreignID, typeof request.json.title === 'string' ? request.json.title : '');
        }
        skipRun(error.message);
      }
      throw error;
    }
    if (response.recovered === undefined) judgeServed(C, { ...response, intent }, operation);
    return response;
  }

  /**
   * A ticket of this run that its check has finished with (created and closed), for probes that a
   * faulty target could act on; undefined when there is none (or against the embedded mock, whose
   * writes leave no ledger).
   */
  finishedTicket(accountID: string): string | undefined {
    return WriteLedger.finished(this.worker.writes.tickets.ledger.file).find((t) => t.accountID === accountID)?.ticketID;
  }

  /** Sends a write again once a lost answer proved it had not happened (lostWrites.ts). */
  async resend(operation: MoovOperationId, request: MoovRequest): Promise<MoovResponse> {
    try {
      return await this.worker.client.send(operation, request);
    } catch (error) {
      if (error instanceof AnswerLostError) skipRun(`target unavailable: ${operation} lost its answer twice (${error.what})`);
      if (error instanceof TargetUnavailableError) skipRun(error.message);
      throw error;
    }
  }

  /** The contract's spec of an operation. */
  operation(id: MoovOperationId) {
    return this.worker.client.operation(id);
  }

  /** Notes weather the test rode out (a lost answer, what it turned out to be) in the report. */
  noteWeather(text: string): void {
    this.testInfo.annotations.push({ type: 'weather', description: `${this.testInfo.title}: ${text}` });
  }

  /** A create that may have happened (its answer was lost): cleanup looks for it by foreignID. */
  ledgerUncertain(accountID: string, foreignID: string, title: string): void {
    this.worker.writes.tickets.uncertain(accountID, foreignID, title);
  }

  /** Room in the write plan's reserve to send a lost create again; false when it is spent or writes are off. */
  reserveResend(): boolean {
    return this.worker.writes.probe() !== undefined;
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
    const done = (complete: boolean, runaway = false): ListWalk => ({ accountID, count: options.count, status: options.status, pages, complete, runaway, ...(options.cursor ? { fromCursor: true } : {}) });
    let cursor = options.cursor;
    let emptyInARow = 0;
    if (options.foreignCursor && cursor !== undefined) {
      const first = await this.call('listTickets', { path: { accountID }, query: { count: options.count, status: options.status, cursor }, auth: options.auth }, 'invalid-input');
      if (first.status >= 400) return { ...done(false), refused: true };
      verify(C.validRequestServed, { ...first, intent: 'valid' }, LIST);
      const body = first.json as { items: Ticket[]; nextPage?: { cursor: string } };
      pages.push({ count: options.count, status: options.status, items: body.items, nextCursor: body.nextPage?.cursor, exchange: first.exchange });
      if (body.nextPage === undefined) return done(true);
      if (pages.length >= limit) return done(false);
      cursor = body.nextPage.cursor;
    }
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

  /** How many findings the single-walk checks have (without recording outcomes): what settling retries on. */
  walkFindings(walk: ListWalk): number {
    return [C.walkNoDuplicates, C.pageCountRespected, C.noNextPageAtEnd, C.statusFilterOnly, C.shortPageWithNext].reduce((n, check) => n + check.evaluate(walk).length, 0);
  }

  /**
   * A walk, and (given the census) the census tickets it missed that are still unchanged after it;
   * on a live target gathered again while it shows a finding (see LIVE_RETRIES).
   */
  async settledWalk(accountID: string, options: WalkOptions, census?: Census): Promise<{ walk: ListWalk; stable: Ticket[] }> {
    for (let attempt = 0; ; attempt++) {
      const walk = await this.walk(accountID, options);
      const stable = census ? await this.unchangedMissing(census, walk) : [];
      const clean = this.walkFindings(walk) === 0 && stable.length === 0;
      if (clean || this.target.kind !== 'live' || attempt >= LIVE_RETRIES) return { walk, stable };
    }
  }

  /** Every walk invariant that needs no second walk. */
  judgeWalk(walk: ListWalk): void {
    verify(C.walkNoDuplicates, walk, LIST);
    verify(C.pageCountRespected, walk, LIST);
    verify(C.noNextPageAtEnd, walk, LIST);
    verify(C.statusFilterOnly, walk, LIST);
    verify(C.shortPageWithNext, walk, LIST);
  }

  /**
   * The account's census: a reference walk at count 200, the documented default, which every
   * server must accept (larger counts may be capped or refused). Taken once per worker and judged
   * like any walk; later walks are compared with it (see Census).
   */
  async census(accountID: string): Promise<Census> {
    const cached = this.worker.census.get(accountID);
    if (cached) return cached;
    const { walk } = await this.settledWalk(accountID, { count: 200 });
    this.judgeWalk(walk);
    const census = censusFrom(walk);
    this.worker.census.set(accountID, census);
    return census;
  }

  /**
   * The census tickets a walk should have listed and did not, each confirmed by a GET after the
   * walk to be unchanged (same status, same updatedOn): tickets listed before the walk and after
   * it as they were, which is what the gap and filter checks may not miss. A walk from the first
   * page spans the census from its head, a complete one to its end; a window spans from its first
   * to its last ticket the census knows. Tickets created, closed or edited meanwhile prove nothing.
   */
  async unchangedMissing(census: Census, walk: ListWalk): Promise<Ticket[]> {
    const listed = walkTickets(walk);
    const seen = new Set(listed.map((t) => t.ticketID));
    const known = spannedTickets(census, listed);
    const first = census.position.get(known[0]?.ticketID ?? '');
    const last = census.position.get(known[known.length - 1]?.ticketID ?? '');
    // A walk from the first page covers the census from its head, a complete one to its end.
    const start = walk.fromCursor ? first : 0;
    const end = walk.complete ? census.tickets.length : last === undefined ? 0 : last + 1;
    const span = start === undefined ? [] : census.tickets.slice(start, end);
    const candidates = span.filter((t) => !seen.has(t.ticketID) && (walk.status === undefined || t.status === walk.status));
    const confirmed: Ticket[] = [];
    for (const candidate of candidates.slice(0, MAX_CONFIRMATIONS)) {
      const response = await this.call('getTicket', { path: { accountID: census.accountID, ticketID: candidate.ticketID } });
      const now = response.status === 200 ? (response.json as Ticket) : undefined;
      if (now && now.status === candidate.status && sameInstant(now.updatedOn, candidate.updatedOn)) confirmed.push(candidate);
    }
    return confirmed;
  }

  /**
   * The part of the account's listing where tickets created after the census are: its tail when
   * the listing rises (by number or createdOn), its head when it falls, all of it otherwise; at
   * count 200, optionally filtered. When `expect` names tickets a part does not hold, the whole
   * listing is walked before anything is concluded, so a wrong reading of the order costs requests,
   * never a false finding.
   */
  async locate(accountID: string, options: { status?: TicketStatus; expect?: ReadonlyArray<Pick<Ticket, 'ticketID'>> } = {}): Promise<ListWalk> {
    const census = await this.census(accountID);
    const whole = () => this.walk(accountID, { count: 200, status: options.status });
    let walk: ListWalk;
    if (census.order === 'ascending' && options.status === undefined && census.cursors.length > 1) {
      walk = { ...(await this.walk(accountID, { count: 200, cursor: census.cursors[census.cursors.length - 1] })), segment: 'tail' };
    } else if (census.order === 'descending') {
      walk = await this.walkUntil(accountID, options.status, (page) => page.items.some((t) => census.position.has(t.ticketID)));
    } else {
      walk = await whole();
    }
    if (walk.segment === undefined) return walk;
    const listed = new Set(walkTickets(walk).map((t) => t.ticketID));
    return (options.expect ?? []).every((t) => listed.has(t.ticketID)) ? walk : whole();
  }

  /** A head segment: pages from the first until `stop` holds for one of them (or the listing ends). */
  private async walkUntil(accountID: string, status: TicketStatus | undefined, stop: (page: ListPage) => boolean): Promise<ListWalk> {
    const pages: ListPage[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await this.listPage(accountID, { count: 200, status, cursor });
      pages.push(page);
      if (page.nextCursor === undefined) return { accountID, count: 200, status, pages, complete: true };
      if (stop(page) || pages.length >= MAX_WALK_PAGES) return { accountID, count: 200, status, pages, complete: false, segment: 'head' };
      cursor = page.nextCursor;
    }
  }

  async get(accountID: string, ticketID: string, auth?: MoovAuth): Promise<{ ticket: Ticket; response: MoovResponse }> {
    const response = await this.ok('getTicket', { path: { accountID, ticketID }, auth });
    return { ticket: response.json as Ticket, response };
  }

  /**
   * Skips the test unless writes are allowed: for tests that send writes a correct target refuses
   * or that can create nothing (unknown tickets), which need no share of the write plan.
   */
  requireWritesOn(): void {
    test.skip(!this.target.allowWrites, 'writes are off: set ALLOW_WRITES=true to send create and update requests to this live target');
  }

  /**
   * Takes the test's share of the write plan (see lib/writePlan.ts): skips the test unless
   * writes are allowed and the budget has room for it. create() then draws from it.
   */
  writes(key: string): Allotment {
    const allotment = this.worker.writes.begin(key, this.testInfo);
    this.writeKey = key;
    return allotment;
  }

  /** A label for foreignID unique to one ticket: the run's label, this worker and a sequence number, then `suffix`. */
  label(suffix?: string): string {
    return TicketWrites.foreignID(process.env, this.worker.nextLabel(), suffix);
  }

  /**
   * Creates a ticket labelled with this run (foreignID), within the test's share of the write plan,
   * records it in the ledger, and checks the response echoes what was sent (TKT-CRT-001).
   */
  async create(accountID: string, input: CreateTicket, auth?: MoovAuth): Promise<{ ticket: Ticket; sent: CreateTicket; response: MoovResponse }> {
    const sent: CreateTicket = { ...input, foreignID: this.label(input.foreignID) };
    this.takeTicket();
    const response = await this.ok('createTicket', { path: { accountID }, json: sent, auth });
    const ticket = response.json as Ticket;
    this.recordCreated(accountID, ticket, sent.foreignID ?? '');
    verify(C.createEchoesInput, { sent, created: ticket, exchange: response.exchange }, { operation: 'createTicket', status: 200 });
    return { ticket, sent, response };
  }

  /**
   * A create of values a target may refuse (a 4xx) or must store exactly (TKT-VAL-001 judges
   * that): within the test's share of the write plan, ledgered when created. Not judged against
   * what was sent here; anything but a 2xx or a 4xx fails TKT-HTTP-003.
   */
  async createOrRefused(accountID: string, input: CreateTicket): Promise<{ sent: CreateTicket; ticket?: Ticket; response: MoovResponse }> {
    const sent: CreateTicket = { ...input, foreignID: this.label(input.foreignID) };
    this.takeTicket();
    const response = await this.call('createTicket', { path: { accountID }, json: sent });
    if (response.status >= 400 && response.status < 500) return { sent, response };
    verify(C.validRequestServed, { ...response, intent: 'valid' }, { operation: 'createTicket', status: response.status });
    this.recordCreated(accountID, response.json, sent.foreignID ?? '');
    return { sent, ticket: response.json as Ticket, response };
  }

  /** One of the test's planned tickets for the create about to be sent. */
  private takeTicket(): void {
    if (this.writeKey === undefined) throw new Error('create() before writes(key): every test that creates tickets declares it in the moov write needs (apis/moov/writeNeeds.ts)');
    // A spare (below) has its ticket from the plan's reserve already; a live failure's replay
    // (property.ts) writes beyond the test's share, from the reserve too.
    if (this.fromReserve) {
      // taken by spare()
    } else if (isConfirming()) {
      if (!this.worker.writes.tryTake(this.writeKey) && !this.worker.writes.probe()) skipRun('the write plan has no ticket left to replay the failing case');
    } else this.worker.writes.take(this.writeKey);
  }

  /**
   * A ticket from the write plan's reserve, for evidence weather took away (a close whose own
   * answer was lost can only be judged on another close); undefined when the reserve is spent.
   */
  async spare(accountID: string, input: CreateTicket): Promise<Ticket | undefined> {
    if (!this.worker.writes.probe()) return undefined;
    this.fromReserve = true;
    try {
      return (await this.create(accountID, input)).ticket;
    } finally {
      this.fromReserve = false;
    }
  }

  /** One of the test's planned tickets, for a create the test sends itself (a scoped token's). */
  takePlannedWrite(): void {
    if (this.writeKey === undefined) throw new Error('takePlannedWrite() before writes(key)');
    this.worker.writes.take(this.writeKey);
  }

  /**
   * Sends a create a correct target refuses (invalid body, missing scope, unreachable account),
   * with room in the stray reserve should it wrongly create a ticket (ledgered for cleanup then).
   * Returns undefined, sending nothing, when the reserve is spent or writes are off.
   */
  async probeCreate(request: MoovRequest, intent: Intent, judge: 'all' | 'no-server-error' = 'all'): Promise<MoovResponse | undefined> {
    const slot = this.worker.writes.probe();
    if (!slot) {
      const note = `${this.testInfo.title}: refusal probes not sent, the write plan's reserve (${this.worker.writes.plan.strayReserve}) is spent: the target created tickets from requests it should have refused`;
      if (this.target.allowWrites && !this.testInfo.annotations.some((a) => a.description === note)) this.testInfo.annotations.push({ type: 'write plan', description: note });
      return undefined;
    }
    let response: MoovResponse;
    try {
      response = judge === 'all' ? await this.call('createTicket', request, intent) : await this.sendOnly('createTicket', request, intent);
    } catch (error) {
      // No answer (an outage): nothing shows the target created anything, so nothing is blamed on it.
      this.worker.writes.tickets.giveBack(slot);
      throw error;
    }
    if (response.status >= 200 && response.status < 300 && isRecord(response.json) && typeof response.json.ticketID === 'string') {
      const foreignID = isRecord(request.json) && typeof request.json.foreignID === 'string' ? request.json.foreignID : '';
      this.recordCreated(request.path.accountID ?? '', response.json, foreignID);
    } else {
      this.worker.writes.tickets.giveBack(slot);
    }
    return response;
  }

  /** Records a ticket the target created (also one created where it should not have been). */
  recordCreated(accountID: string, ticket: unknown, foreignID: string): void {
    this.worker.writes.tickets.created(accountID, ticket, foreignID);
  }

  async close(accountID: string, ticketID: string, auth?: MoovAuth): Promise<{ ticket: Ticket; response: MoovResponse }> {
    const response = await this.ok('updateTicket', { path: { accountID, ticketID }, json: { status: 'closed' }, auth });
    this.recordClosed(accountID, ticketID);
    return { ticket: response.json as Ticket, response };
  }

  /** Records a close the run made (cleanup then leaves the ticket alone). */
  recordClosed(accountID: string, ticketID: string): void {
    this.worker.writes.tickets.closed(accountID, ticketID);
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

/** Two date-times name the same instant (or neither is given). */
function sameInstant(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Date.parse(a) === Date.parse(b);
}
