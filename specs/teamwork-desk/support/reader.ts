import type { ListPage, ListQuery, ListWalk } from '../../../checks/teamwork-desk/evidence';

/** Where a walk stops short of the end (incomplete: the checks needing the end skip it). */
export interface WalkLimits {
  /** Most pages fetched. Default MAX_WALK_PAGES. */
  maxPages?: number;
  /**
   * Most tickets the walk should hold: it stops one page past them (at the page size served). A
   * walk in a window expects the window's tickets; a server ignoring the window's range then costs
   * a page or two, not a walk of the whole site (its first page shows the fault already).
   */
  maxTickets?: number;
}

/** Judged reads of the site (TeamworkDeskApi provides them): what the survey and the windows read with. */
export interface SiteReader {
  page(query: ListQuery): Promise<ListPage>;
  walk(query: ListQuery, limits?: WalkLimits): Promise<ListWalk>;
}
