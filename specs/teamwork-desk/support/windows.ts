import fc from 'fast-check';
import type { ListQuery, ListWalk } from '../../../checks/teamwork-desk/evidence';
import type { Ticket, TicketFilter } from '../../../lib/contract/teamworkDesk.types';
import type { SiteReader, WalkLimits } from './reader';
import { idRange, withinRange } from '../../../lib/teamworkDesk/windows';
import { propertySettings, seedFor } from '../../../lib/config/properties';

/**
 * Working inside the windows the survey found: queries restricted to a window's id range, walks
 * bounded by its size, and cases taking turns over the windows so a test costs one window's walks
 * and still meets every window.
 */

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
 * whole site. A walk of the whole site's window (a small site) is bounded by MAX_WALK_PAGES alone.
 */
export function windowLimits(window: DataWindow, maxPages?: number): WalkLimits {
  const maxTickets = window.range === undefined ? undefined : Math.ceil(window.tickets.length * 1.1) + 5;
  return { ...(maxPages === undefined ? {} : { maxPages }), ...(maxTickets === undefined ? {} : { maxTickets }) };
}

/** A walk of `query` inside the window, judged like every walk. */
export function walkInWindow(api: SiteReader, window: DataWindow, query: ListQuery, maxPages?: number): Promise<ListWalk> {
  return api.walk(inWindow(window, query), windowLimits(window, maxPages));
}

/**
 * Half of `window` and half of the deepest window the survey found (the last; for the deepest, the
 * first), as one: its range is either id range (the documented `$or`), its tickets both halves'.
 * Ordered walks judge both strata at once, so an order that only a large site's ids break is met
 * whatever stratum a case's turn gave it, at the cost of one window. On a small site (one window)
 * it is `window` itself. (No `source`: ordered walks never re-read their window's pages.)
 */
export function withDeepest(windows: readonly DataWindow[], window: DataWindow): DataWindow {
  // The deepest window's own turn pairs it with the first: an order broken only across a change of
  // magnitude shows between strata, not inside one.
  const other = window === windows[windows.length - 1] ? windows[0] : windows[windows.length - 1];
  if (other === undefined || other === window || window.range === undefined || other.range === undefined) return window;
  const [a, b] = (window === windows[0] || other !== windows[0] ? [window, other] : [other, window]).map(half);
  return { label: `${a!.label} and ${b!.label}`, range: { $or: [a!.range!, b!.range!] }, tickets: [...a!.tickets, ...b!.tickets] };
}

/** The lower half of a window by id (at least one ticket): a pair of halves costs what one window does. */
function half(window: DataWindow): DataWindow {
  const tickets = [...window.tickets].sort((x, y) => x.id - y.id).slice(0, Math.max(1, Math.ceil(window.tickets.length / 2)));
  const [lowest, highest] = [tickets[0]?.id ?? 0, tickets[tickets.length - 1]?.id ?? 0];
  return { label: `ids ${lowest}–${highest}`, range: idRange(lowest, highest), tickets };
}

/**
 * Where a test's turns over the windows start, from the run's seed: with the same seed a case
 * always meets the same stratum, with another seed another one.
 */
export function firstTurn(test: string): number {
  return Math.abs(seedFor(propertySettings(process.env).seed, `teamwork-desk turns ${test}`));
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
