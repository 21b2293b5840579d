import type { TestInfo } from '@playwright/test';
import { teamworkDeskChecks as C } from '../../../checks/teamwork-desk';
import type { ListPage, ListQuery, ListWalk } from '../../../checks/teamwork-desk/evidence';
import type { Intent } from '../../../checks/response/evidence';
import { verify } from '../../../checks/verify';
import { judgeDocumented, judgeServed } from '../../../checks/response/judge';
import type { TicketsAPIBody } from '../../../lib/contract/teamworkDesk.types';
import { isRecord } from '../../../lib/json';
import type { TeamworkDeskAuth, TeamworkDeskRequest, TeamworkDeskResponse } from '../../../lib/teamworkDesk/client';
import { TargetUnavailableError } from '../../../lib/http/availability';
import { skipRun } from '../../support/property';
import { surveySite, type Survey } from './survey';
import type { TeamworkDeskWorker } from './worker';
import type { SiteReader, WalkLimits } from './reader';

/** A walk longer than this is not followed to the end: the checks needing the end skip it. */
export const MAX_WALK_PAGES = 400;
/** On a live target a finding is re-gathered this many times before it counts (the account may change meanwhile). */
const LIVE_RETRIES = 2;

const SCOPE = { operation: 'listTickets', status: 200 } as const;
/**
 * The maximum page size is not documented: a server may cap larger sizes (and report the cap in
 * pagination.pageSize) or refuse them with a 400 naming pageSize. A refusal of a size above this
 * counts as such a maximum and later sizes are clamped below it; at or below it, a refusal is a
 * valid request not served (no reasonable maximum is that small).
 */
const SMALLEST_PLAUSIBLE_MAXIMUM = 10;

function namesParameter(json: unknown, parameter: string): boolean {
  const errors = isRecord(json) && isRecord(json.errors) ? json.errors : undefined;
  return errors !== undefined && Object.keys(errors).some((k) => k.toLowerCase() === parameter.toLowerCase());
}

/** Query parameters as sent: the filter serialised, includes joined. */
export function serialise(query: ListQuery): Record<string, string | number | undefined> {
  return {
    filter: query.filter === undefined ? undefined : JSON.stringify(query.filter),
    orderBy: query.orderBy,
    orderMode: query.orderMode,
    page: query.page,
    pageSize: query.pageSize,
    includes: query.includes?.join(','),
  };
}

/**
 * The `teamworkDesk` fixture: every request goes through the contract's response checks; pages
 * and walks are judged by the pagination, filter, order and includes checks. Gathering and
 * judging are separate so a live target's churn can be told from a broken promise (settled).
 */
export class TeamworkDeskApi implements SiteReader {
  constructor(private readonly worker: TeamworkDeskWorker, readonly info: TestInfo) {}

  get target() {
    return this.worker.target;
  }

  /** Sends raw query parameters and runs every response check on the answer. */
  async call(query: Record<string, string | number | readonly string[] | undefined>, intent: Intent = 'valid', auth?: TeamworkDeskAuth): Promise<TeamworkDeskResponse> {
    let response: TeamworkDeskResponse;
    try {
      response = await this.worker.client.send('listTickets', { query, auth });
    } catch (error) {
      // Weather (unreachable, hanging, transient errors or 429s past their retries): not a verdict.
      if (error instanceof TargetUnavailableError) skipRun(error.message);
      throw error;
    }
    judgeServed(C, { ...response, intent }, 'listTickets');
    judgeDocumented(C, { ...response, intent }, 'listTickets');
    return response;
  }

  /**
   * Sends a request the contract's body and status rules do not cover (an undocumented method,
   * credentials in the wrong place) and judges that it is no 5xx and gives nothing away.
   */
  async probe(request: TeamworkDeskRequest): Promise<TeamworkDeskResponse> {
    let response: TeamworkDeskResponse;
    try {
      response = await this.worker.client.send('listTickets', request);
    } catch (error) {
      if (error instanceof TargetUnavailableError) skipRun(error.message);
      throw error;
    }
    judgeServed(C, { ...response, intent: 'invalid-input' }, 'listTickets');
    return response;
  }

  /** One page, fetched and judged. */
  async page(query: ListQuery): Promise<ListPage> {
    const page = await this.fetchPage(query);
    this.judgePage(page);
    return page;
  }

  /** A walk through every page (within `limits`), settled on a live target, then judged. */
  async walk(query: ListQuery, limits: WalkLimits = {}): Promise<ListWalk> {
    const walk = await this.settled(() => this.fetchWalk(query, limits), (w) => this.walkFindings(w) > 0);
    this.judgeWalk(walk);
    return walk;
  }

  /** Where the site's data lies and the windows checks work in (read once per worker). */
  async survey(): Promise<Survey> {
    this.worker.survey ??= await surveySite(this);
    return this.worker.survey;
  }

  /**
   * Gathers evidence; on a live target, gathers again while `wrong` says it shows a finding, so a
   * ticket changed by someone else between two requests is not mistaken for a broken promise.
   * The mock (and any deterministic target) is judged on the first gathering.
   */
  async settled<T>(gather: () => Promise<T>, wrong: (value: T) => boolean): Promise<T> {
    let value = await gather();
    for (let attempt = 0; attempt < LIVE_RETRIES && this.target.kind === 'live' && wrong(value); attempt++) value = await gather();
    return value;
  }

  async fetchPage(query: ListQuery): Promise<ListPage> {
    const limit = this.worker.pageSizeLimit;
    const sent = limit !== undefined && query.pageSize !== undefined && query.pageSize > limit ? { ...query, pageSize: limit } : query;
    const response = await this.call(serialise(sent));
    const size = sent.pageSize;
    if (response.status === 400 && size !== undefined && size > SMALLEST_PLAUSIBLE_MAXIMUM && namesParameter(response.json, 'pageSize')) {
      this.worker.pageSizeLimit = Math.max(SMALLEST_PLAUSIBLE_MAXIMUM, Math.floor(size / 2));
      return this.fetchPage(query);
    }
    verify(C.validRequestServed, { ...response, intent: 'valid' }, SCOPE);
    // bodyConforms has passed: the body is a TicketsAPIBody. The page records what was sent.
    return { query: sent, body: response.json as TicketsAPIBody, exchange: response.exchange };
  }

  /**
   * Pages 1, 2, ... until hasMorePages is false (complete), the limits are reached, or two empty
   * pages in a row still say hasMorePages (runaway, which TWD-PAG-005 reports).
   */
  async fetchWalk(query: ListQuery, limits: WalkLimits = {}): Promise<ListWalk> {
    const pages: ListPage[] = [];
    let emptyInARow = 0;
    let maxPages = limits.maxPages ?? MAX_WALK_PAGES;
    for (let page = 1; ; page++) {
      const current = await this.fetchPage({ ...query, page });
      pages.push(current);
      if (!current.body.pagination.hasMorePages) return { query, pages, complete: true, runaway: false };
      // The page size served is known now: enough pages for maxTickets, and one more.
      if (page === 1 && limits.maxTickets !== undefined) maxPages = Math.min(maxPages, Math.ceil(limits.maxTickets / Math.max(1, current.body.pagination.pageSize)) + 1);
      emptyInARow = current.body.tickets.length === 0 ? emptyInARow + 1 : 0;
      if (emptyInARow >= 2) return { query, pages, complete: false, runaway: true };
      if (pages.length >= maxPages) return { query, pages, complete: false, runaway: false };
    }
  }

  judgePage(page: ListPage): void {
    verify(C.paginationConsistent, page, SCOPE);
    verify(C.pageLengthAgrees, page, SCOPE);
    verify(C.pageSizeRespected, page, SCOPE);
    if (page.query.includes !== undefined) verify(C.referencesResolve, page, SCOPE);
  }

  judgeWalk(walk: ListWalk): void {
    for (const page of walk.pages) this.judgePage(page);
    verify(C.walkNoDuplicates, walk, SCOPE);
    verify(C.walkYieldsRecords, walk, SCOPE);
    verify(C.filterOnlyMatches, walk, SCOPE);
    verify(C.orderHolds, walk, SCOPE);
  }

  /** How many findings the walk checks have (without recording outcomes): what `settled` retries on. */
  walkFindings(walk: ListWalk): number {
    const pageChecks = walk.pages.flatMap((p) => [C.paginationConsistent, C.pageLengthAgrees, C.pageSizeRespected].flatMap((check) => check.evaluate(p)));
    const walkChecks = [C.walkNoDuplicates, C.walkYieldsRecords, C.filterOnlyMatches, C.orderHolds].flatMap((check) => check.evaluate(walk));
    return pageChecks.length + walkChecks.length;
  }
}
