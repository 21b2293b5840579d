import fc from 'fast-check';
import { walkTickets, type ListPage, type ListQuery, type ListWalk } from '../../../checks/teamwork-desk/evidence';
import { propertySettings, seedFor } from '../../../lib/config/properties';
import type { Ticket, TicketFilter } from '../../../lib/contract/teamworkDesk.types';
import { idRange, windowSlots, withinRange } from '../../../lib/teamworkDesk/windows';
import type { TeamworkDeskApi, WalkLimits } from './api';
import { UNIQUE_ORDER } from './ordering';

/** Tickets per window: the page size the listing by id is read at (a server serving fewer per page gives a window of several pages). */
export const WINDOW_TICKETS = 100;
/** Windows on a large site: one per stratum of the listing by id, the last at its deepest full page. */
export const WINDOW_COUNT = 4;
/**
 * Sites listing at most this many tickets are covered whole: one window without a range, walked
 * like every ticket always was. Larger ones are judged in WINDOW_COUNT windows, so a run costs
 * about as much on a site of any size as on one of this size.
 */
export const WHOLE_SITE_TICKETS = 200;

/** A stretch of the site's data the filter, order and includes checks work in. */
export interface DataWindow {
  /** For step titles: which tickets these are. */
  label: string;
  /** The window's id range (a filter condition); undefined when the window is the whole site. */
  range?: TicketFilter;
  /** Where it was read: consecutive pages of the listing by id (undefined: a walk of the whole site). */
  source?: { pages: readonly number[]; pageSize: number };
  /** The window's tickets as the unfiltered listing by id showed them: the reference its walks are compared with. */
  tickets: readonly Ticket[];
}

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
    source: { pages: pages.map((p) => p.body.pagination.page), pageSize: first.query.pageSize ?? WINDOW_TICKETS },
    tickets,
  };
}

/**
 * Reads where the windows lie, cheaply: page 1 of the listing by id gives `records` and the page
 * size served; a small site is then walked whole, a large one gives WINDOW_COUNT windows of about
 * WINDOW_TICKETS tickets (a page, or consecutive pages where the server serves fewer per page),
 * spread from the first ids to the last (windowSlots). Every page read is judged like any other.
 */
export async function surveySite(api: TeamworkDeskApi): Promise<Survey> {
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
export async function windowTickets(api: TeamworkDeskApi, window: DataWindow, fresh: boolean): Promise<readonly Ticket[]> {
  if (!fresh) return window.tickets;
  if (window.source === undefined) return walkTickets(await api.walk({ ...UNIQUE_ORDER, pageSize: WINDOW_TICKETS }, { maxTickets: WHOLE_SITE_TICKETS }));
  const tickets: Ticket[] = [];
  for (const page of window.source.pages) tickets.push(...(await api.page({ ...UNIQUE_ORDER, pageSize: window.source.pageSize, page })).body.tickets);
  return tickets;
}

/** What a step title adds to say where it ran: nothing when the one window is the whole site. */
export function whereIn(window: DataWindow): string {
  return window.range === undefined ? '' : `, in ${window.label}`;
}

/** `query` restricted to the window: its filter and the window's range must both hold. */
export function inWindow(window: DataWindow, query: ListQuery): ListQuery {
  const filter = withinRange(query.filter, window.range);
  return filter === undefined ? query : { ...query, filter };
}

/**
 * How far a walk in the window goes: about the window's tickets (a tenth more and a few, for a
 * live site's new tickets), so a server ignoring the range costs a page more, not a walk of the
 * whole site. The whole site's window walks as far as MAX_WALK_PAGES, as before.
 */
export function windowLimits(window: DataWindow, maxPages?: number): WalkLimits {
  const maxTickets = window.range === undefined ? undefined : Math.ceil(window.tickets.length * 1.1) + 5;
  return { ...(maxPages === undefined ? {} : { maxPages }), ...(maxTickets === undefined ? {} : { maxTickets }) };
}

/** A walk of `query` inside the window, judged like every walk. */
export function walkInWindow(api: TeamworkDeskApi, window: DataWindow, query: ListQuery, maxPages?: number): Promise<ListWalk> {
  return api.walk(inWindow(window, query), windowLimits(window, maxPages));
}

/** The window the `index`-th case of a test goes to: cases take turns, so each window is met and the cost is one window's. */
export function windowFor<T>(windows: readonly T[], index: number): T {
  const window = windows[((index % windows.length) + windows.length) % windows.length];
  if (window === undefined) throw new Error('windowFor: the survey found no window (the target lists no tickets)');
  return window;
}

/**
 * Generated cases spread over the windows: each picks a window, then its value from what that
 * window holds (`arbitrary(window)`: filter values from its own tickets, so boundaries such as
 * $lt and $lte of a value differ there). With one window nothing is drawn for the pick.
 */
export function inSomeWindow<T>(windows: readonly DataWindow[], arbitrary: (window: DataWindow) => fc.Arbitrary<T>): fc.Arbitrary<{ window: DataWindow; value: T }> {
  // Built once per window, not once per generated case.
  const choices = windows.map((window) => arbitrary(window).map((value) => ({ window, value })));
  const [only] = choices;
  if (only === undefined) throw new Error('inSomeWindow: the survey found no window (the target lists no tickets)');
  return choices.length === 1 ? only : fc.nat({ max: choices.length - 1 }).chain((index) => windowFor(choices, index));
}
