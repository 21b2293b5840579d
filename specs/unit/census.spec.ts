import { expect, test } from '@playwright/test';
import { pageWhereMissing, type ListWalk } from '../../checks/moov/evidence';
import type { Ticket, TicketStatus } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import { censusFrom, censusSample, censusStarts, listingOrder, spannedTickets, windowsFor } from '../moov/support/census';

function ticket(n: number, status: TicketStatus = 'new'): Ticket {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  return { ticketID: `t${n}`, number: n, title: `#${n}`, contact: { email: 'a@example.com' }, status, createdOn: at, updatedOn: at };
}

/** A census walk of `n` tickets in pages of 200, ordered by `order`. */
function walkOf(numbers: number[]): ListWalk {
  const pages = [];
  for (let i = 0; i < numbers.length || i === 0; i += 200) {
    const items = numbers.slice(i, i + 200).map((n) => ticket(n));
    pages.push({ count: 200, items, nextCursor: i + 200 < numbers.length ? `c${i + 200}` : undefined, exchange: {} as Exchange });
  }
  return { accountID: 'a', count: 200, pages, complete: true };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

test.describe('census', () => {
  test('reads the listing order off the tickets: rising, falling, or unknown', () => {
    expect(listingOrder(range(5).map((n) => ticket(n)))).toBe('ascending');
    expect(listingOrder(range(5).reverse().map((n) => ticket(n)))).toBe('descending');
    expect(listingOrder([3, 1, 2].map((n) => ticket(n)))).toBe('unknown');
    expect(listingOrder([ticket(1)])).toBe('unknown');
  });

  test('keeps the cursor that fetched each page', () => {
    const census = censusFrom(walkOf(range(450)));
    expect(census.cursors).toEqual([undefined, 'c200', 'c400']);
    expect(census.position.get('t201')).toBe(200);
  });

  test('a small account is walked whole; a large one in three windows spread through it', () => {
    expect(windowsFor(censusFrom(walkOf(range(30))), 1, 36)).toEqual([{ maxPages: 36, from: 'the first page, to the end' }]);
    const census = censusFrom(walkOf(range(10_000)));
    const windows = windowsFor(census, 4, 36);
    // The head, a page of the middle third (50 census pages: pages 17 to 33) chosen from the seed, and the tail.
    const [head, middle, tail, ...rest] = windows.map((w) => w.cursor);
    expect([head, tail, rest]).toEqual([undefined, 'c9800', []]);
    const page = Number(middle?.slice(1)) / 200;
    expect(page).toBeGreaterThanOrEqual(16);
    expect(page).toBeLessThanOrEqual(32);
    expect(windows.every((w) => w.maxPages === 12)).toBe(true);
    // The same seed starts at the same places; evidence is drawn from the whole depth, by stratum.
    expect(windowsFor(census, 4, 36)).toEqual(windows);
    const starts = censusStarts(census, 5, 'a label');
    expect(starts[0]).toBe(0);
    expect(starts[4]).toBe(49);
    starts.forEach((start, i) => expect(Math.floor((start * 5) / 50)).toBe(i));
  });

  test('tickets to read by ID are spread over the whole census, its deepest last', () => {
    const census = censusFrom(walkOf(range(1_000)));
    const sample = censusSample(census, 5, 'reads');
    expect(sample).toHaveLength(5);
    expect(sample[4]?.number).toBe(1_000);
    sample.forEach((t, i) => expect(Math.floor(((t.number - 1) * 5) / 1_000)).toBe(i));
    expect(censusSample(census, 5, 'reads')).toEqual(sample);
    expect(censusSample(censusFrom(walkOf(range(3))), 5, 'reads').map((t) => t.number)).toEqual([1, 2, 3]);
  });

  test('a window spans the census from its first to its last known ticket', () => {
    const census = censusFrom(walkOf(range(20)));
    expect(spannedTickets(census, [ticket(12), ticket(5), ticket(99)]).map((t) => t.number)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(spannedTickets(census, [ticket(99)])).toEqual([]);
  });

  test('a missing ticket is reproduced by the request of the page it should have been on', () => {
    const page = (numbers: number[], label: string) => ({ count: 2, items: numbers.map((n) => ticket(n)), exchange: { url: label } as Exchange });
    const walk: ListWalk = { accountID: 'a', count: 2, pages: [page([1, 2], 'p1'), page([4, 5], 'p2'), page([6], 'p3')], complete: true };
    const stable = range(6).map((n) => ticket(n));
    // #3 should have opened page 2 (a gap at a page boundary); #5's place is inside page 2; #0-like: the first page.
    expect(pageWhereMissing(walk, stable, ticket(3))?.exchange.url).toBe('p2');
    const inside: ListWalk = { ...walk, pages: [page([1, 3], 'p1'), page([4, 5], 'p2')] };
    expect(pageWhereMissing(inside, stable, ticket(2))?.exchange.url).toBe('p1');
    expect(pageWhereMissing({ ...walk, pages: [page([2], 'p1')] }, stable, ticket(1))?.exchange.url).toBe('p1');
  });
});
