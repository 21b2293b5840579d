import { walkTickets, type ListPage, type ListWalk } from '../../../checks/teamwork-desk/evidence';
import { propertySettings, seedFor } from '../../../lib/config/properties';
import type { Ticket } from '../../../lib/contract/teamworkDesk.types';
import { windowSlots } from '../../../lib/strata';
import { idRange } from '../../../lib/teamworkDesk/windows';
import type { SiteReader } from './reader';
import { UNIQUE_ORDER } from './ordering';
import type { DataWindow } from './windows';

/** Tickets per window: the page size the listing by id is read at (a server serving fewer per page gives a window of several pages). */
export const WINDOW_TICKETS = 100;
/** Windows on a large site: one per stratum of the listing by id, the last at its deepest full stretch. */
export const WINDOW_COUNT = 4;
/**
 * Sites listing at most this many tickets are covered whole: one window without a range, every
 * filter sent as generated. Larger ones are judged in WINDOW_COUNT windows, so a run costs about
 * as much on a site of any size as on one of this size.
 */
export const WHOLE_SITE_TICKETS = 200;

export interface Survey {
  /** `pagination.records` of the unfiltered listing by id. */
  records: number;
  /** True when the one window is the whole site. */
  whole: boolean;
  windows: readonly DataWindow[];
  /** Every window's tickets: where filter values, include types and related names are drawn from. */
  tickets: readonly Ticket[];
}

/** One window, without a range, even on an empty site: tests that need no tickets still walk it. */
function wholeSite(walk: ListWalk, records: number): Survey {
  const tickets = walkTickets(walk);
  return { records, whole: true, windows: [{ label: 'the whole site', tickets }], tickets };
}

/** The window that consecutive pages of the listing by id make: its tickets, and the range from their lowest id to their highest. */
function pagesWindow(pages: readonly ListPage[], of: number): DataWindow | undefined {
  const tickets = pages.flatMap((p) => p.body.tickets);
  const [first, last] = [pages[0], pages[pages.length - 1]];
  if (tickets.length === 0 || first === undefined || last === undefined) return undefined;
  const ids = tickets.map((t) => t.id);
  const [lowest, highest] = [Math.min(...ids), Math.max(...ids)];
  const where = first === last ? `page ${first.body.pagination.page}` : `pages ${first.body.pagination.page}–${last.body.pagination.page}`;
  return {
    label: `ids ${lowest}–${highest} (${where} of ${of} by id, ${tickets.length} tickets)`,
    range: idRange(lowest, highest),
    source: { pages: pages.map((p) => p.query.page ?? p.body.pagination.page), pageSize: first.query.pageSize ?? WINDOW_TICKETS },
    tickets,
  };
}

/**
 * Reads where the windows lie, cheaply: page 1 of the listing by id gives `records` and the page
 * size served; a small site is then walked whole, a large one gives WINDOW_COUNT windows of about
 * WINDOW_TICKETS tickets (a page, or consecutive pages where the server serves fewer per page),
 * spread from the first ids to the last (windowSlots). Every page read is judged like any other.
 */
export async function surveySite(api: SiteReader): Promise<Survey> {
  const first = await api.page({ ...UNIQUE_ORDER, pageSize: WINDOW_TICKETS, page: 1 });
  const { records, pageSize: served } = first.body.pagination;
  if (records <= WHOLE_SITE_TICKETS || served < 1) {
    // Bounded even where `records` understates what the pages hold: a walk past it proves nothing more here.
    return wholeSite(await api.walk({ ...UNIQUE_ORDER, pageSize: WINDOW_TICKETS }, { maxTickets: WHOLE_SITE_TICKETS }), records);
  }
  // Pages per window; at most ten, so a server serving tiny pages costs a survey of forty requests, not hundreds.
  const span = Math.min(10, Math.ceil(WINDOW_TICKETS / served));
  const { seed } = propertySettings(process.env);
  const slots = windowSlots(Math.floor(records / (span * served)), WINDOW_COUNT, (stratum) => seedFor(seed, `teamwork-desk window ${stratum}`));
  const windows: DataWindow[] = [];
  for (const slot of slots) {
    const numbers = Array.from({ length: span }, (_, i) => (slot - 1) * span + 1 + i);
    const pages: ListPage[] = [];
    for (const number of numbers) pages.push(number === 1 ? first : await api.page({ ...UNIQUE_ORDER, pageSize: first.query.pageSize, page: number }));
    const window = pagesWindow(pages, Math.ceil(records / served));
    if (window !== undefined) windows.push(window);
  }
  return { records, whole: false, windows, tickets: windows.flatMap((w) => w.tickets) };
}

/**
 * The window's tickets; `fresh` reads them again (a live target's data may have changed). Read
 * again the same way, as the same pages of the unfiltered listing by id, not through the range
 * filter: the reference never rests on the filter it is used to judge. Should the pages have
 * shifted meanwhile, tickets outside the range fail the window's own condition, so only tickets
 * inside it are ever required.
 */
export async function windowTickets(api: SiteReader, window: DataWindow, fresh: boolean): Promise<readonly Ticket[]> {
  if (!fresh) return window.tickets;
  if (window.source === undefined) return walkTickets(await api.walk({ ...UNIQUE_ORDER, pageSize: WINDOW_TICKETS }, { maxTickets: WHOLE_SITE_TICKETS }));
  const tickets: Ticket[] = [];
  for (const page of window.source.pages) tickets.push(...(await api.page({ ...UNIQUE_ORDER, pageSize: window.source.pageSize, page })).body.tickets);
  return tickets;
}
