import fc from 'fast-check';
import { createTicketBody } from '../../generators/moov/createTicketBody';
import { moovContract } from '../contract/moov';
import { isRecord } from '../json';
import type { MoovAuth, MoovClient, MoovRequest, MoovResponse } from '../moov/client';
import type { MoovOperationId } from '../contract/moov';
import type { TicketWrites } from '../moov/ticketWrites';
import type { SilentPointSet } from './calibration';
import { MOOV_SILENCES } from './moovSilences';
import { AnswerLostError } from '../http/availability';
import {
  answer,
  contentTypeFinding,
  JSON_MEDIA_TYPE,
  servedSettings,
  servedVariants,
  ProbeStopped,
  statusAnswer,
  undetermined,
  type PointDefinition,
  type ServedPoint,
  type ServedProfile,
} from './points';

/** How calibration may write to a Moov target: tickets cannot be deleted, so every one is budgeted, labelled and ledgered. */
export interface MoovWriteAccess {
  /** Most tickets calibration may create (MOOV_MAX_WRITES; Infinity on the embedded mock). */
  maxWrites: number;
  /** Where created, lost and closed tickets are ledgered (lib/moov/ticketWrites.ts), so `npm run cleanup` can finish an interrupted calibration. */
  tickets?: TicketWrites;
  /** A foreignID unique to one ticket, carrying the run's label. */
  label: () => string;
}

/** What Moov probes share: the client, the accounts, memoised requests, and the one ticket write probes use. */
export class MoovProbeContext {
  private readonly memo = new Map<string, Promise<unknown>>();
  private spent = 0;

  constructor(readonly client: MoovClient, readonly writes: MoovWriteAccess) {}

  get ids(): { partner: string; connected: string; unrelated: string } {
    const t = this.client.target;
    return { partner: t.partnerAccountID, connected: t.accountID, unrelated: t.unrelatedAccountID };
  }

  send(operation: MoovOperationId, request: MoovRequest): Promise<MoovResponse> {
    return this.client.send(operation, request);
  }

  /** One request (or chain) per key: probes that read the same thing share it. */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (value === undefined) {
      value = make();
      this.memo.set(key, value);
    }
    return value;
  }

  /** The partner's first 50 tickets (order, fields and contacts are read off them). */
  firstPage(): Promise<MoovResponse> {
    return this.once('first page', () => this.send('listTickets', { path: { accountID: this.ids.partner }, query: { count: 50 } }));
  }

  async token(scopes: string[]): Promise<MoovAuth | undefined> {
    const response = await this.send('createAccessToken', {
      path: {},
      rawBody: new URLSearchParams({ grant_type: 'client_credentials', scope: scopes.join(' ') }).toString(),
      contentType: 'application/x-www-form-urlencoded',
      version: null,
    });
    return response.status === 200 && isRecord(response.json) && typeof response.json.access_token === 'string'
      ? { kind: 'token', token: response.json.access_token, scopes }
      : undefined;
  }

  /** The create of the ticket every write probe uses (created once, labelled, ledgered; closed by the re-close probe). */
  sharedCreate(): Promise<{ response: MoovResponse; ticketID: string; foreignID: string }> {
    return this.once('ticket', async () => {
      const foreignID = this.writes.label();
      const response = await this.create(fc.sample(createTicketBody(), { numRuns: 1, seed: 12 })[0]!, 'for the write probes', foreignID);
      if (response.status !== 200 || !isRecord(response.json) || typeof response.json.ticketID !== 'string') {
        throw new ProbeStopped(`could not create the ticket write probes use (${response.status})`);
      }
      return { response, ticketID: response.json.ticketID, foreignID };
    });
  }

  async ticket(): Promise<string> {
    return (await this.sharedCreate()).ticketID;
  }

  /**
   * Sends a create within the write budget, with a fresh label as foreignID unless `foreignID` is
   * given (a duplicate on purpose); a ticket it makes is recorded (refused ones cost nothing), and
   * one whose answer was lost is ledgered as uncertain, for `npm run cleanup` to find by foreignID.
   */
  async create(body: object, why: string, foreignID = this.writes.label()): Promise<MoovResponse> {
    if (this.spent >= this.writes.maxWrites) throw new ProbeStopped(`MOOV_MAX_WRITES=${this.writes.maxWrites} is spent: no ticket left ${why}`);
    this.spent += 1;
    const accountID = this.ids.partner;
    const json = { ...body, foreignID };
    let response: MoovResponse;
    try {
      response = await this.send('createTicket', { path: { accountID }, json });
    } catch (error) {
      if (!(error instanceof AnswerLostError)) throw error;
      this.writes.tickets?.uncertain(accountID, foreignID, String((body as { title?: unknown }).title ?? ''));
      throw new ProbeStopped(`a create's answer was lost (${error.message}); the ledger names its foreignID for cleanup`);
    }
    if (response.status >= 200 && response.status < 300 && isRecord(response.json) && typeof response.json.ticketID === 'string') {
      this.client.countWrite('created');
      this.writes.tickets?.created(accountID, response.json.ticketID, foreignID);
    } else {
      this.spent -= 1;
    }
    return response;
  }

  update(ticketID: string, json: unknown, auth?: MoovAuth): Promise<MoovResponse> {
    return this.send('updateTicket', { path: { accountID: this.ids.partner, ticketID }, json, auth });
  }

  /** Closes a ticket and records it closed in the ledger. */
  async close(ticketID: string): Promise<MoovResponse> {
    const response = await this.update(ticketID, { status: 'closed' });
    if (response.status === 200) {
      this.client.countWrite('closed');
      this.writes.tickets?.closed(this.ids.partner, ticketID);
    }
    return response;
  }

  emptyUpdate(): Promise<MoovResponse> {
    return this.once('empty update', async () => this.update(await this.ticket(), {}));
  }
}

type MoovPoint = PointDefinition<MoovProbeContext> & ServedPoint;

const isRefusal = (status: number) => status >= 400 && status < 500;
const items = (response: MoovResponse): Record<string, unknown>[] =>
  isRecord(response.json) && Array.isArray(response.json.items) ? response.json.items.filter(isRecord) : [];

/**
 * The points where Moov's pages are silent and correct servers differ (lib/calibration/silentPoints.ts
 * lists them), each with the probe that finds a target's answer and the mock variant (`serves`) or
 * setting that gives it. Order matters: the write probes share one ticket (its create shows
 * latestMessageOn, its foreignID is the duplicate), which the re-close probe closes last but one.
 */
/** A point at which a target answers a list request with an Authorization header it cannot use: 401 or 400 (the pages name only 401 for missing or expired authentication). */
function authStatusPoint(id: string, label: string, setting: 'malformedBasic' | 'unknownScheme', header: string, note: string): MoovPoint {
  return {
    id,
    label,
    answers: { '401': 'unauthorised', '400': 'a bad request' },
    setting,
    async probe(ctx) {
      return statusAnswer(this, await ctx.send('listTickets', { path: { accountID: ctx.ids.partner }, query: { count: 1 }, auth: { kind: 'literal', header, note } }));
    },
  };
}

export const MOOV_POINTS: readonly MoovPoint[] = [
  {
    id: 'moov.unreachable-account-status',
    label: 'account outside reach',
    answers: { '403': 'refused as forbidden', '404': 'hidden as not found' },
    serves: { '404': 'unreachable-404' },
    async probe(ctx) {
      return statusAnswer(this, await ctx.send('listTickets', { path: { accountID: ctx.ids.unrelated }, query: { count: 1 } }));
    },
  },
  {
    id: 'moov.token-outside-reach',
    label: 'token for an account outside reach',
    answers: { minted: 'minted (requests with it are refused)', '403': 'refused with a 403' },
    serves: { '403': 'strict-token-scopes' },
    async probe(ctx) {
      const response = await ctx.send('createAccessToken', {
        path: {},
        rawBody: new URLSearchParams({ grant_type: 'client_credentials', scope: `/accounts/${ctx.ids.unrelated}/tickets.read` }).toString(),
        contentType: 'application/x-www-form-urlencoded',
        version: null,
      });
      return response.status === 200 ? answer('minted', response) : statusAnswer(this, response);
    },
  },
  {
    id: 'moov.token-without-credentials',
    label: 'token request without client credentials',
    answers: { '401': 'unauthorised', '400': 'invalid_client as a bad request (RFC 6749 §5.2)' },
    serves: { '400': 'token-400-without-credentials' },
    async probe(ctx) {
      const body = new URLSearchParams({ grant_type: 'client_credentials', scope: `/accounts/${ctx.ids.partner}/tickets.read` }).toString();
      return statusAnswer(this, await ctx.send('createAccessToken', { path: {}, rawBody: body, contentType: 'application/x-www-form-urlencoded', version: null, auth: { kind: 'none' } }));
    },
  },
  authStatusPoint('moov.malformed-basic-status', 'Basic credential that does not decode', 'malformedBasic', 'Basic !!!not-base64!!!', 'a malformed Basic credential'),
  authStatusPoint('moov.unknown-scheme-status', 'unknown authentication scheme', 'unknownScheme', 'Token abc123', 'an unknown authentication scheme'),
  {
    id: 'moov.invalid-query-status',
    label: 'malformed count',
    answers: { '400': 'bad request', '422': 'unprocessable' },
    serves: { '422': 'invalid-query-422' },
    async probe(ctx) {
      return statusAnswer(this, await ctx.send('listTickets', { path: { accountID: ctx.ids.partner }, query: { count: 'abc' } }));
    },
  },
  {
    id: 'moov.fractional-count',
    label: 'count=2.5',
    answers: { refused: 'refused (4xx)', 'read-as-integer': 'read as 2 (parseInt)' },
    serves: { 'read-as-integer': 'lenient-count' },
    async probe(ctx) {
      const response = await ctx.send('listTickets', { path: { accountID: ctx.ids.partner }, query: { count: '2.5' } });
      if (isRefusal(response.status)) return answer('refused', response);
      if (response.status === 200 && items(response).length <= 2) return answer('read-as-integer', response);
      return undetermined(`answered ${response.status} with ${items(response).length} tickets`, response);
    },
  },
  {
    id: 'moov.count-over-200',
    label: 'count above 200',
    answers: { served: 'served as asked', capped: 'capped at 200', '400': 'refused with a 400', '422': 'refused with a 422' },
    serves: { capped: 'max-count-200', '400': 'count-over-200-refused', '422': 'count-over-200-422' },
    async probe(ctx) {
      const response = await ctx.send('listTickets', { path: { accountID: ctx.ids.partner }, query: { count: 201 } });
      // A refusal is recorded by its status: a client sees a 400 and a 422 differently.
      if (isRefusal(response.status)) return statusAnswer(this, response);
      const listed = items(response).length;
      const more = isRecord(response.json) && response.json.nextPage !== undefined;
      if (response.status === 200 && listed === 201) return answer('served', response);
      if (response.status === 200 && listed === 200 && more) return answer('capped', response);
      if (response.status === 200) return undetermined(`the partner account lists ${listed} ticket(s), at most 200: a count of 201 cannot show a cap`, response);
      return statusAnswer(this, response);
    },
  },
  {
    id: 'moov.listing-order',
    label: 'listing order',
    answers: { 'oldest-first': 'oldest ticket first', 'newest-first': 'newest ticket first' },
    serves: { 'newest-first': 'newest-first' },
    async probe(ctx) {
      const response = await ctx.firstPage();
      const numbers = items(response).map((t) => t.number).filter((n): n is number => typeof n === 'number');
      const steps = numbers.slice(1).map((n, i) => Math.sign(n - numbers[i]!));
      if (steps.length > 0 && steps.every((s) => s > 0)) return answer('oldest-first', response);
      if (steps.length > 0 && steps.every((s) => s < 0)) return answer('newest-first', response);
      return undetermined(steps.length === 0 ? 'the partner account lists fewer than two tickets' : 'ticket numbers neither rise nor fall along the listing', response);
    },
  },
  {
    id: 'moov.extra-fields',
    label: 'undocumented ticket fields',
    answers: { none: 'only documented fields', extra: 'undocumented fields too' },
    serves: { extra: 'extra-fields' },
    async probe(ctx) {
      const response = await ctx.firstPage();
      const documented = new Set(Object.keys(moovContract().schema('Ticket').properties ?? {}));
      const listed = items(response);
      if (listed.length === 0) return undetermined('the partner account lists no ticket', response);
      return answer(listed.some((t) => Object.keys(t).some((k) => !documented.has(k))) ? 'extra' : 'none', response);
    },
  },
  {
    id: 'moov.contact-key-order',
    label: 'contact key order',
    answers: { 'email-first': '{email, name}', 'name-first': '{name, email}' },
    serves: { 'name-first': 'contact-key-order' },
    async probe(ctx) {
      const response = await ctx.firstPage();
      const contact = items(response).map((t) => t.contact).find((c) => isRecord(c) && 'email' in c && 'name' in c);
      if (!isRecord(contact)) return undetermined('no listed ticket has a contact with both email and name', response);
      const keys = Object.keys(contact);
      return answer(keys.indexOf('email') < keys.indexOf('name') ? 'email-first' : 'name-first', response);
    },
  },
  {
    id: 'moov.list-foreign-id',
    label: 'foreignID on list items',
    answers: { listed: 'list items carry it', omitted: 'only a get shows it' },
    serves: { omitted: 'list-omits-foreignID' },
    async probe(ctx) {
      const response = await ctx.firstPage();
      const listed = items(response);
      if (listed.some((t) => typeof t.foreignID === 'string')) return answer('listed', response);
      // At most three gets: a ticket with a foreignID the listing left out shows the omission.
      for (const ticket of listed.slice(0, 3)) {
        const get = await ctx.send('getTicket', { path: { accountID: ctx.ids.partner, ticketID: String(ticket.ticketID) } });
        if (isRecord(get.json) && typeof get.json.foreignID === 'string') return answer('omitted', response, get);
      }
      return undetermined('no ticket among the first listed shows a foreignID', response);
    },
  },
  {
    id: 'moov.number-scope',
    label: 'ticket numbering',
    answers: { 'per-account': 'each account numbers its own tickets', global: 'one sequence across accounts' },
    serves: { global: 'global-ticket-numbers' },
    async probe(ctx) {
      // The first pages of two accounts: per-account numbers repeat between them; one sequence
      // never repeats, and interleaves the accounts' ranges.
      const partner = await ctx.firstPage();
      const connected = await ctx.once('connected first page', () => ctx.send('listTickets', { path: { accountID: ctx.ids.connected }, query: { count: 50 } }));
      const numbersOf = (r: MoovResponse) => items(r).map((t) => t.number).filter((n): n is number => typeof n === 'number');
      const [a, b] = [numbersOf(partner), numbersOf(connected)];
      if (a.length === 0 || b.length === 0) return undetermined('the partner or the connected account lists no numbered ticket', partner, connected);
      const inA = new Set(a);
      if (b.some((n) => inA.has(n))) return answer('per-account', partner, connected);
      const overlap = Math.max(Math.min(...a), Math.min(...b)) <= Math.min(Math.max(...a), Math.max(...b));
      if (overlap) return answer('global', partner, connected);
      return undetermined('the two accounts\' first pages hold disjoint ranges of numbers, which either numbering can give', partner, connected);
    },
  },
  {
    id: 'moov.content-type',
    label: 'Content-Type of JSON answers',
    answers: { 'application/json; charset=utf-8': 'with a charset parameter', 'application/json': 'without parameters' },
    open: { pattern: JSON_MEDIA_TYPE, means: 'the JSON media type the target sent, verbatim' },
    serves: { 'application/json': 'content-type-without-charset' },
    setting: 'contentType',
    async probe(ctx) {
      return contentTypeFinding(await ctx.firstPage());
    },
  },
  {
    id: 'moov.type-mismatch-status',
    label: 'field of the wrong type',
    answers: { '422': 'unprocessable, naming the field', '400': 'bad request' },
    serves: { '400': 'type-mismatch-400' },
    writes: 'it sends an update (status: 5) to a ticket it creates',
    async probe(ctx) {
      return statusAnswer(this, await ctx.update(await ctx.ticket(), { status: 5 }));
    },
  },
  {
    id: 'moov.validation-order',
    label: 'invalid body without the write scope',
    answers: { 'authorize-first': 'scope checked first (403)', 'validate-first': 'body validated first (422)' },
    serves: { 'validate-first': 'validate-before-authorize' },
    writes: 'it sends an invalid update, with a read-only token, to a ticket it creates',
    async probe(ctx) {
      const ticketID = await ctx.ticket();
      const auth = await ctx.token([`/accounts/${ctx.ids.partner}/tickets.read`]);
      if (!auth) return undetermined('no read-only token could be minted');
      const response = await ctx.update(ticketID, { status: 'new' }, auth);
      if (response.status === 403) return answer('authorize-first', response);
      if (response.status === 422) return answer('validate-first', response);
      return statusAnswer(this, response);
    },
  },
  {
    id: 'moov.empty-update-status',
    label: 'empty update',
    answers: { '200': 'the ticket unchanged', '422': 'refused' },
    serves: { '422': 'empty-update-422' },
    writes: 'it sends an empty update to a ticket it creates',
    async probe(ctx) {
      return statusAnswer(this, await ctx.emptyUpdate());
    },
  },
  {
    id: 'moov.empty-status-update',
    label: 'update with status ""',
    answers: { refused: 'refused as an invalid status', 'read-as-absent': 'read as no status (an empty update)' },
    serves: { 'read-as-absent': 'empty-status-as-absent' },
    writes: 'it sends status "" to a ticket it creates',
    async probe(ctx) {
      const response = await ctx.update(await ctx.ticket(), { status: '' });
      const empty = await ctx.emptyUpdate();
      if (response.status === 200) return answer('read-as-absent', response);
      if (!isRefusal(response.status)) return statusAnswer(this, response);
      if (isRefusal(empty.status)) return undetermined('an empty update is refused too, so a refused status "" does not show whether it was read as absent', response, empty);
      return answer('refused', response, empty);
    },
  },
  {
    id: 'moov.latest-message-on',
    label: 'latestMessageOn on a created ticket',
    answers: { 'created-on': 'present, equal to createdOn (the body is the first message)', absent: 'absent until a message is added' },
    serves: { absent: 'latestMessageOn-absent' },
    writes: 'it reads the create of the ticket the write probes share',
    async probe(ctx) {
      const { response } = await ctx.sharedCreate();
      const ticket = isRecord(response.json) ? response.json : {};
      if (!('latestMessageOn' in ticket)) return answer('absent', response);
      if (ticket.latestMessageOn === ticket.createdOn) return answer('created-on', response);
      return undetermined(`latestMessageOn ${JSON.stringify(ticket.latestMessageOn)} differs from createdOn ${JSON.stringify(ticket.createdOn)}`, response);
    },
  },
  {
    id: 'moov.duplicate-foreign-id',
    label: 'create with a foreignID already used',
    answers: { accepted: 'accepted (a second ticket)', '409': 'refused as a conflict', '400': 'refused as a bad request', '422': 'refused as invalid' },
    serves: { '409': 'duplicate-foreignID-409' },
    setting: 'duplicateForeignID',
    writes: 'it sends a create with the foreignID of the ticket the write probes share, which a target may accept (that ticket is closed at once)',
    async probe(ctx) {
      const shared = await ctx.sharedCreate();
      const body = fc.sample(createTicketBody(), { numRuns: 1, seed: 14 })[0]!;
      const response = await ctx.create(body, 'for a duplicate foreignID a target may accept', shared.foreignID);
      if (response.status === 200 && isRecord(response.json) && typeof response.json.ticketID === 'string') {
        await ctx.close(response.json.ticketID);
        return answer('accepted', shared.response, response);
      }
      return statusAnswer(this, response, shared.response);
    },
  },
  {
    id: 'moov.close-closed-status',
    label: 'closing a closed ticket',
    answers: { '200': 'idempotent', '409': 'conflict' },
    serves: { '409': 'close-closed-409' },
    writes: 'it closes a ticket it creates, twice',
    async probe(ctx) {
      const ticketID = await ctx.ticket();
      const first = await ctx.close(ticketID);
      if (first.status !== 200) return undetermined(`closing the open ticket answered ${first.status}`, first);
      return statusAnswer(this, await ctx.close(ticketID), first);
    },
  },
  {
    id: 'moov.blank-title',
    label: 'blank title',
    answers: { refused: 'refused (4xx)', accepted: 'accepted' },
    serves: { accepted: 'lenient-strings' },
    writes: 'it sends a create with a blank title, which a lenient target accepts (that ticket is closed at once)',
    async probe(ctx) {
      const body = { ...fc.sample(createTicketBody(), { numRuns: 1, seed: 13 })[0]!, title: '   ' };
      const response = await ctx.create(body, 'for a blank title a lenient target may accept');
      if (isRefusal(response.status)) return answer('refused', response);
      if (response.status === 200 && isRecord(response.json) && typeof response.json.ticketID === 'string') {
        await ctx.close(response.json.ticketID);
        return answer('accepted', response);
      }
      return statusAnswer(this, response);
    },
  },
];

/**
 * The Moov mock variants and settings that answer as `answers` say, and the answers the mock
 * cannot give. A lenient count parser saturates counts at 200, so it serves "capped" on its own
 * and cannot refuse or serve a count above 200.
 */
export function moovVariantsFor(answers: ReadonlyMap<string, string>): ServedProfile {
  const variants = servedVariants(MOOV_POINTS, answers);
  const settings = servedSettings(MOOV_POINTS, answers);
  const unservable: string[] = [];
  if (variants.has('lenient-count')) {
    variants.delete('max-count-200');
    const over = answers.get('moov.count-over-200');
    if (over !== undefined && over !== 'capped') unservable.push(`moov.count-over-200 "${over}" together with moov.fractional-count "read-as-integer" (the mock's lenient count saturates at 200)`);
  }
  return { variants: [...variants], settings, unservable };
}

/** Moov's silent points, for profiles and the mock (lib/calibration/moov.ts adds the probe). */
export const MOOV_SILENT_POINTS: SilentPointSet = { api: 'moov', silences: MOOV_SILENCES, points: MOOV_POINTS, variantsFor: moovVariantsFor };
