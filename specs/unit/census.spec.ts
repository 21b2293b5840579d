import { expect, test } from '@playwright/test';
import type { ListWalk } from '../../checks/moov/evidence';
import type { Ticket, TicketStatus } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import { censusFrom, listingOrder, spannedTickets, windowsFor } from '../moov/support/census';

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
    const windows = windowsFor(censusFrom(walkOf(range(10_000))), 4, 36);
    expect(windows.map((w) => w.cursor)).toEqual([undefined, 'c4800', 'c9800']);
    expect(windows.every((w) => w.maxPages === 12)).toBe(true);
  });

  test('a window spans the census from its first to its last known ticket', () => {
    const census = censusFrom(walkOf(range(20)));
    expect(spannedTickets(census, [ticket(12), ticket(5), ticket(99)]).map((t) => t.number)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(spannedTickets(census, [ticket(99)])).toEqual([]);
  });
});
