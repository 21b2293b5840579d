import { teamworkDeskContract } from '../contract/teamworkDesk';
import { isRecord } from '../json';
import type { TeamworkDeskClient, TeamworkDeskResponse } from '../teamworkDesk/client';
import { ticketVocabulary } from '../teamworkDesk/vocabulary';
import type { SilentPointSet } from './calibration';
import { TEAMWORK_DESK_SILENCES } from './teamworkDeskSilences';
import { answer, contentTypeFinding, JSON_MEDIA_TYPE, servedSettings, servedVariants, statusAnswer, undetermined, type PointDefinition, type ServedPoint, type ServedProfile } from './points';

type Query = Record<string, string | number | undefined>;
type Row = Record<string, unknown>;

/** What Teamwork Desk probes share: the client and memoised reads of the default listing and of a sample by id. */
export class TeamworkDeskProbeContext {
  private readonly memo = new Map<string, Promise<TeamworkDeskResponse>>();

  constructor(readonly client: TeamworkDeskClient) {}

  get(query: Query): Promise<TeamworkDeskResponse> {
    const key = JSON.stringify(query);
    let response = this.memo.get(key);
    if (response === undefined) {
      response = this.client.send('listTickets', { query });
      this.memo.set(key, response);
    }
    return response;
  }

  /** Tickets matching `filter`, as pagination.records counts them (one ticket a page: the count is what matters). */
  async count(filter: unknown): Promise<{ records: number | undefined; response: TeamworkDeskResponse }> {
    const response = await this.get({ filter: JSON.stringify(filter), pageSize: 1 });
    return { records: numberAt(response, 'records'), response };
  }

  /** The listing as a client sees it first: no parameters at all. */
  defaultPage(): Promise<TeamworkDeskResponse> {
    return this.get({});
  }

  /** The first 20 tickets by id, the tickets filters are tried on. */
  sample(): Promise<TeamworkDeskResponse> {
    return this.get({ orderBy: 'id', orderMode: 'asc', pageSize: 20 });
  }
}

function tickets(response: TeamworkDeskResponse): Row[] {
  return isRecord(response.json) && Array.isArray(response.json.tickets) ? response.json.tickets.filter(isRecord) : [];
}

function numberAt(response: TeamworkDeskResponse, key: string): number | undefined {
  const pagination = isRecord(response.json) ? response.json.pagination : undefined;
  const value = isRecord(pagination) ? pagination[key] : undefined;
  return typeof value === 'number' ? value : undefined;
}

const ids = (rows: Row[]) => rows.map((t) => t.id).filter((id): id is number => typeof id === 'number');
const rising = (values: number[]) => values.length > 1 && values.every((v, i) => i === 0 || v > values[i - 1]!);
const relatedId = (value: unknown) => (isRecord(value) && typeof value.id === 'number' ? value.id : null);

/** The first ticket field of kind number that some sampled tickets leave null and others fill: where null handling shows. */
function nullableNumberField(rows: Row[]): string | undefined {
  const filterable = new Set(ticketVocabulary().filter.fields);
  for (const [field, kind] of ticketVocabulary().fieldKinds) {
    if (kind !== 'number' || field === 'id' || !filterable.has(field) || !ticketVocabulary().orderBy.includes(field)) continue;
    if (rows.some((t) => t[field] === null) && rows.some((t) => typeof t[field] === 'number')) return field;
  }
  return undefined;
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
}

/** A page of `pageSize` tickets at `page`, ordered by the sampled tie-heavy field (each inbox holds many tickets). */
const tiePage = (ctx: TeamworkDeskProbeContext, page: number, pageSize: number) => ctx.get({ orderBy: 'inbox', orderMode: 'asc', page, pageSize });

type TeamworkDeskPoint = PointDefinition<TeamworkDeskProbeContext> & ServedPoint;

/** The page size the cap probe asks for: above every cap the suite has met, still a bounded read. */
const ASKED_PAGE_SIZE = 250;

/** A cap answer's kind and size ("capped-100" → cap 100), undefined for "served". */
export function pageSizeCap(value: string | undefined): { overCap: 'cap' | 'refuse'; maxPageSize: number } | undefined {
  const match = value === undefined ? null : /^(capped|refused-above)-(\d+)$/.exec(value);
  return match ? { overCap: match[1] === 'capped' ? 'cap' : 'refuse', maxPageSize: Number(match[2]) } : undefined;
}

/**
 * The points Teamwork Desk's page and notes leave open ("Default and maximum page size, default
 * order, behaviour for a page past the end, and whether an unknown includes name is an error"),
 * and the readings the mock's variants give, each with a probe of one to three reads.
 */
export const TEAMWORK_DESK_POINTS: readonly TeamworkDeskPoint[] = [
  {
    id: 'teamwork-desk.default-page-size',
    label: 'default page size',
    answers: { '25': '25 tickets a page', '10': '10 tickets a page' },
    open: { pattern: /^[1-9]\d{0,3}$/, means: 'the number of tickets a page holds' },
    serves: { '10': 'default-page-size-10' },
    setting: 'defaultPageSize',
    async probe(ctx) {
      const response = await ctx.defaultPage();
      const size = numberAt(response, 'pageSize');
      if (size !== undefined && this.open!.pattern.test(String(size))) return answer(String(size), response);
      return undetermined(size === undefined ? `answered ${response.status} without pagination.pageSize` : `a default page of ${size}`, response);
    },
  },
  {
    id: 'teamwork-desk.page-size-over-cap',
    label: 'pageSize 250',
    answers: { served: 'served as asked', 'capped-50': 'capped at 50', 'refused-above-50': 'refused (400) above 50' },
    open: { pattern: /^(?:capped|refused-above)-[1-9]\d{0,2}$/, means: 'capped-<n> (served as n) or refused-above-<n> (400 above n), for the cap n observed' },
    serves: { 'capped-50': 'max-page-size-50', 'refused-above-50': 'page-size-over-50-refused' },
    setting: 'pageSizeCap',
    async probe(ctx) {
      const response = await ctx.get({ pageSize: ASKED_PAGE_SIZE });
      const size = numberAt(response, 'pageSize');
      if (response.status === 200 && size === ASKED_PAGE_SIZE) return answer('served', response);
      if (response.status === 200 && size !== undefined && size >= 1 && size < ASKED_PAGE_SIZE) return answer(`capped-${size}`, response);
      if (response.status !== 400) return undetermined(`answered ${response.status}, pageSize ${size ?? 'absent'}`, response);
      // Refused: the largest size served, by bisection (at most 8 reads of fewer than 250 tickets).
      let [served, refused] = [1, ASKED_PAGE_SIZE];
      let [lastServed, lastRefused]: Array<TeamworkDeskResponse | undefined> = [undefined, response];
      while (refused - served > 1) {
        const middle = Math.floor((served + refused) / 2);
        const tried = await ctx.get({ pageSize: middle });
        if (tried.status === 200) [served, lastServed] = [middle, tried];
        else if (tried.status === 400) [refused, lastRefused] = [middle, tried];
        else return undetermined(`pageSize ${ASKED_PAGE_SIZE} was refused, and pageSize ${middle} answered ${tried.status}`, response, tried);
      }
      return answer(`refused-above-${served}`, ...[response, lastServed, lastRefused].filter((r): r is TeamworkDeskResponse => r !== undefined));
    },
  },
  {
    id: 'teamwork-desk.default-order',
    label: 'default order',
    answers: { 'by-id': 'by id', 'newest-first': 'newest first' },
    serves: { 'newest-first': 'default-newest-first' },
    async probe(ctx) {
      const response = await ctx.defaultPage();
      const rows = tickets(response);
      if (rising(ids(rows))) return answer('by-id', response);
      const created = rows.map((t) => (typeof t.createdAt === 'string' ? Date.parse(t.createdAt) : Number.NaN));
      if (created.length > 1 && created.every((c, i) => !Number.isNaN(c) && (i === 0 || c <= created[i - 1]!))) return answer('newest-first', response);
      return undetermined(rows.length < 2 ? 'the site lists fewer than two tickets' : 'neither by id nor newest first', response);
    },
  },
  {
    id: 'teamwork-desk.tie-order',
    label: 'order of tied tickets',
    answers: { 'ascending-id': 'by ascending id', 'descending-id': 'by descending id', unstable: 'differently from request to request' },
    serves: { 'descending-id': 'ties-broken-descending' },
    async probe(ctx) {
      // Positions 11-20 read twice, on page 1 of 20 and on page 2 of 10: a stable order lists them alike.
      const first = await tiePage(ctx, 1, 20);
      const second = await tiePage(ctx, 2, 10);
      const rows = tickets(first);
      if (rows.length < 20) return undetermined(`the site lists ${rows.length} ticket(s); the probe needs 20`, first);
      if (JSON.stringify(ids(rows.slice(10))) !== JSON.stringify(ids(tickets(second)))) return answer('unstable', first, second);
      const directions = new Set<number>();
      rows.forEach((t, i) => {
        const next = rows[i + 1];
        if (next && relatedId(t.inbox) === relatedId(next.inbox) && typeof t.id === 'number' && typeof next.id === 'number') directions.add(Math.sign(next.id - t.id));
      });
      if (directions.size === 1) return answer(directions.has(1) ? 'ascending-id' : 'descending-id', first, second);
      return undetermined(directions.size === 0 ? 'no two of the first 20 tickets by inbox share one' : 'tied tickets follow each other in no one id order', first, second);
    },
  },
  {
    id: 'teamwork-desk.past-end-page',
    label: 'page past the last',
    answers: { 'empty-page': 'an empty page', refused: 'refused (400)' },
    serves: { refused: 'past-end-400' },
    async probe(ctx) {
      const first = await ctx.defaultPage();
      const pages = numberAt(first, 'pages');
      if (pages === undefined) return undetermined('the default listing reports no pages', first);
      const response = await ctx.get({ page: Math.max(1, pages) + 1 });
      if (response.status === 400) return answer('refused', first, response);
      return response.status === 200 && tickets(response).length === 0 ? answer('empty-page', first, response) : statusAnswer(this, response, first);
    },
  },
  {
    id: 'teamwork-desk.empty-result-pages',
    label: 'pages of an empty result',
    answers: { '0': 'pages 0', '1': 'pages 1' },
    serves: { '1': 'empty-result-one-page' },
    async probe(ctx) {
      const { records, response } = await ctx.count({ id: { $lt: 0 } });
      const pages = numberAt(response, 'pages');
      if (records !== 0 || pages === undefined || !(String(pages) in this.answers)) return undetermined(`a filter matching nothing answered ${response.status}, records ${records}, pages ${pages}`, response);
      return answer(String(pages), response);
    },
  },
  {
    id: 'teamwork-desk.included-without-includes',
    label: 'included without includes',
    answers: { present: 'included and meta always sent', omitted: 'left out unless includes is given' },
    serves: { omitted: 'no-included-unless-asked' },
    async probe(ctx) {
      const response = await ctx.defaultPage();
      if (!isRecord(response.json)) return undetermined(`answered ${response.status} without a JSON body`, response);
      return answer('included' in response.json ? 'present' : 'omitted', response);
    },
  },
  {
    id: 'teamwork-desk.unknown-includes',
    label: 'unknown includes name',
    answers: { ignored: 'ignored', refused: 'refused (400)' },
    serves: { refused: 'unknown-includes-400' },
    async probe(ctx) {
      const response = await ctx.get({ includes: 'calibrationprobes', pageSize: 1 });
      if (response.status === 200) return answer('ignored', response);
      return response.status === 400 ? answer('refused', response) : statusAnswer(this, response);
    },
  },
  {
    id: 'teamwork-desk.extra-fields',
    label: 'undocumented fields',
    answers: { none: 'only documented fields', extra: 'undocumented fields too' },
    serves: { extra: 'extra-fields' },
    async probe(ctx) {
      const response = await ctx.defaultPage();
      const contract = teamworkDeskContract();
      const documented = (schema: string) => new Set(Object.keys(contract.schema(schema).properties ?? {}));
      const [ticketKeys, paginationKeys] = [documented('Ticket'), documented('Pagination')];
      const rows = tickets(response);
      const pagination = isRecord(response.json) && isRecord(response.json.pagination) ? response.json.pagination : {};
      if (rows.length === 0) return undetermined('the site lists no ticket', response);
      const extra = rows.some((t) => Object.keys(t).some((k) => !ticketKeys.has(k))) || Object.keys(pagination).some((k) => !paginationKeys.has(k));
      return answer(extra ? 'extra' : 'none', response);
    },
  },
  {
    id: 'teamwork-desk.content-type',
    label: 'Content-Type of JSON answers',
    answers: { 'application/json; charset=utf-8': 'with a charset parameter', 'application/json': 'without parameters' },
    open: { pattern: JSON_MEDIA_TYPE, means: 'the JSON media type the target sent, verbatim' },
    serves: { 'application/json': 'content-type-without-charset' },
    setting: 'contentType',
    async probe(ctx) {
      return contentTypeFinding(await ctx.defaultPage());
    },
  },
  {
    id: 'teamwork-desk.state-spelling',
    label: 'state values',
    answers: { lowercase: 'active / deleted', uppercase: 'ACTIVE / DELETED', integer: '1 / 0' },
    serves: { uppercase: 'state-uppercase', integer: 'state-as-integer' },
    async probe(ctx) {
      const response = await ctx.sample();
      const states = new Set(tickets(response).map((t) => t.state));
      if (states.has('active')) return answer('lowercase', response);
      if (states.has('ACTIVE')) return answer('uppercase', response);
      if (states.has(1)) return answer('integer', response);
      return undetermined(`no sampled ticket is active in a spelling the suite knows (${[...states].map((s) => JSON.stringify(s)).join(', ') || 'none'})`, response);
    },
  },
  {
    id: 'teamwork-desk.deleted-listed',
    label: 'deleted tickets without a state filter',
    answers: { listed: 'listed', hidden: 'listed only when the filter names state' },
    serves: { hidden: 'hide-deleted-by-default' },
    async probe(ctx) {
      const sample = await ctx.sample();
      const active = tickets(sample).map((t) => t.state).find((s) => s === 'active' || s === 'ACTIVE' || s === 1);
      if (active === undefined) return undetermined('no sampled ticket shows how the site spells active', sample);
      const all = await ctx.defaultPage();
      const deleted = await ctx.count({ state: { $ne: active } });
      const live = await ctx.count({ state: { $eq: active } });
      const total = numberAt(all, 'records');
      if (deleted.records === undefined || live.records === undefined || total === undefined) return undetermined('a count came back without pagination.records', all, deleted.response, live.response);
      if (deleted.records === 0) return undetermined('the site holds no deleted ticket', deleted.response);
      if (total === live.records + deleted.records) return answer('listed', all, deleted.response, live.response);
      if (total === live.records) return answer('hidden', all, deleted.response, live.response);
      return undetermined(`${total} listed, ${live.records} active and ${deleted.records} not: neither reading`, all, deleted.response, live.response);
    },
  },
  {
    id: 'teamwork-desk.timestamp-precision',
    label: 'date-time precision',
    answers: { milliseconds: 'kept and written in milliseconds', microseconds: 'kept and written in microseconds', 'microseconds-sent-as-milliseconds': 'kept in microseconds, written in milliseconds' },
    serves: { microseconds: 'microsecond-timestamps', 'microseconds-sent-as-milliseconds': 'microseconds-sent-as-milliseconds' },
    async probe(ctx) {
      const sample = await ctx.sample();
      const rows = tickets(sample).filter((t) => typeof t.id === 'number' && typeof t.createdAt === 'string');
      if (rows.length === 0) return undetermined('the site lists no ticket', sample);
      if (rows.some((t) => (/\.(\d+)/.exec(String(t.createdAt))?.[1]?.length ?? 0) > 3)) return answer('microseconds', sample);
      // A ticket kept with more digits than it shows was created after the instant it shows.
      const { records, response } = await ctx.count({ $or: rows.map((t) => ({ id: t.id, createdAt: { $lte: t.createdAt } })) });
      if (records === rows.length) return answer('milliseconds', sample, response);
      if (records !== undefined && records < rows.length) return answer('microseconds-sent-as-milliseconds', sample, response);
      return undetermined(`the filter by shown instants answered ${response.status}, records ${records}`, sample, response);
    },
  },
  {
    id: 'teamwork-desk.ne-null',
    label: '$ne and null fields',
    answers: { kept: 'null fields match $ne (MongoDB)', excluded: 'null fields never match $ne (SQL)' },
    serves: { excluded: 'null-excluded-by-ne' },
    async probe(ctx) {
      const sample = await ctx.sample();
      const rows = tickets(sample);
      const field = nullableNumberField(rows);
      const ticket = field === undefined ? undefined : rows.find((t) => t[field] === null);
      if (field === undefined || ticket === undefined) return undetermined('no sampled number field is null on one ticket and set on another', sample);
      const { records, response } = await ctx.count({ id: ticket.id, [field]: { $ne: -1 } });
      if (records === 1) return answer('kept', sample, response);
      return records === 0 ? answer('excluded', sample, response) : undetermined(`answered ${response.status}, records ${records}`, sample, response);
    },
  },
  {
    id: 'teamwork-desk.null-order',
    label: 'nulls in ascending order',
    answers: { 'nulls-first': 'before every value', 'nulls-last': 'after every value' },
    serves: { 'nulls-last': 'nulls-last' },
    async probe(ctx) {
      const sample = await ctx.sample();
      const field = nullableNumberField(tickets(sample));
      if (field === undefined) return undetermined('no sampled number field is null on one ticket and set on another', sample);
      const response = await ctx.get({ orderBy: field, orderMode: 'asc', pageSize: 1 });
      const first = tickets(response)[0];
      if (!first) return undetermined(`ordering by ${field} answered ${response.status} with no ticket`, sample, response);
      return answer(first[field] === null ? 'nulls-first' : 'nulls-last', sample, response);
    },
  },
  {
    id: 'teamwork-desk.text-collation',
    label: 'text comparison',
    answers: { binary: 'by code unit', 'case-insensitive': 'case- and accent-insensitive (*_ci)', glibc: 'as a glibc locale (punctuation breaks ties only)' },
    serves: { 'case-insensitive': 'case-insensitive-text', glibc: 'glibc-collation' },
    async probe(ctx) {
      const sample = await ctx.sample();
      // A subject starting with a cased letter before z: its case swapped, and "!zzzz", tell the three apart.
      const ticket = tickets(sample).find((t) => typeof t.subject === 'string' && /^[a-yA-Y]/.test(t.subject) && swapCase(t.subject) !== t.subject);
      if (!ticket) return undetermined('no sampled subject starts with a cased letter', sample);
      const folded = await ctx.count({ id: ticket.id, subject: swapCase(String(ticket.subject)) });
      if (folded.records === 1) return answer('case-insensitive', sample, folded.response);
      const punctuation = await ctx.count({ id: ticket.id, subject: { $lt: '!zzzz' } });
      if (folded.records !== 0 || punctuation.records === undefined) return undetermined('a subject filter came back without records', sample, folded.response, punctuation.response);
      return answer(punctuation.records === 1 ? 'glibc' : 'binary', sample, folded.response, punctuation.response);
    },
  },
];

/**
 * The Teamwork Desk mock variants and settings that answer as `answers` say, and the answers the
 * mock cannot give. Unstable ties come only with the newest-first default order (as a database
 * without a unique tie-breaker gives them); a default page larger than the cap is no page the
 * mock can serve.
 */
export function teamworkDeskVariantsFor(answers: ReadonlyMap<string, string>): ServedProfile {
  const variants = servedVariants(TEAMWORK_DESK_POINTS, answers);
  const settings = servedSettings(TEAMWORK_DESK_POINTS, answers);
  const unservable: string[] = [];
  if (answers.get('teamwork-desk.tie-order') === 'unstable') {
    if (variants.delete('default-newest-first')) variants.add('default-newest-unstable-ties');
    else unservable.push('teamwork-desk.tie-order "unstable" without teamwork-desk.default-order "newest-first" (the mock breaks ties unstably only under its newest-first default)');
  }
  const cap = pageSizeCap(answers.get('teamwork-desk.page-size-over-cap'));
  const defaultSize = Number(answers.get('teamwork-desk.default-page-size') ?? 25);
  if (cap !== undefined && defaultSize > cap.maxPageSize) {
    unservable.push(`teamwork-desk.default-page-size "${defaultSize}" above teamwork-desk.page-size-over-cap "${answers.get('teamwork-desk.page-size-over-cap')}" (a default page larger than the cap)`);
  }
  return { variants: [...variants], settings, unservable };
}

/** Teamwork Desk's silent points, for profiles and the mock (lib/calibration/teamworkDesk.ts adds the probe). */
export const TEAMWORK_DESK_SILENT_POINTS: SilentPointSet = { api: 'teamwork-desk', silences: TEAMWORK_DESK_SILENCES, points: TEAMWORK_DESK_POINTS, variantsFor: teamworkDeskVariantsFor };
