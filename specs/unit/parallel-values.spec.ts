import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { edgeCreateTicketBody, wideCreateTicketBody } from '../../generators/moov/wideCreateTicketBody';
import { wideText } from '../../generators/text';
import { Throttle } from '../../lib/http/throttle';
import type { Ticket } from '../../lib/contract/moov.types';
import { IDS, MockClient } from './support/moovMock';

test.describe('parallel use and the whole range of values', () => {
  test('a burst goes out together and is paid for by the requests after it', async () => {
    const waits: number[] = [];
    const throttle = new Throttle(5, async (ms) => void waits.push(ms));
    throttle.allowBurst(4);
    for (let i = 0; i < 4; i++) await throttle.take();
    expect(waits.filter((ms) => ms > 0)).toEqual([]);
    // The next request waits as if the four had been spaced at 5 a second.
    expect(throttle.delay()).toBeGreaterThan(600);
    expect(() => throttle.allowBurst(0)).toThrow(/positive integer/);
  });

  test('wide text spans one to thousands of graphemes, every plane, surrounding spaces; normalisation-stable', () => {
    const values = fc.sample(wideText(), { seed: 7, numRuns: 300 });
    const lengths = values.map((v) => Array.from(v.trim()).length);
    expect(Math.min(...lengths)).toBe(1);
    expect(Math.max(...lengths)).toBeGreaterThan(3000);
    expect(values.some((v) => v !== v.trim())).toBe(true);
    expect(values.some((v) => /[\u{20000}-\u{3FFFF}]/u.test(v))).toBe(true);
    for (const v of values) expect(v.normalize('NFC') === v && v.normalize('NFKC') === v && v.trim() !== '').toBe(true);
    expect(() => wideText({ maxLength: 0 })).toThrow(/wideText: maxLength/);
    const bodies = fc.sample(wideCreateTicketBody(), { seed: 7, numRuns: 100 });
    expect(bodies.some((b) => /[A-Z]/.test(b.contact.email) && /[a-z]/.test(b.contact.email))).toBe(true);
    const edge = edgeCreateTicketBody();
    expect(Array.from(edge.title).length).toBe(4096);
    expect(edge.title.startsWith(' ') && edge.title.endsWith('  ')).toBe(true);
  });

  test('the mock handles creates in flight at once correctly, and the fault makes them share one ticket', async () => {
    const body = (n: number) => ({ title: `Parallel ${n}`, body: '<p>x</p>', contact: { email: 'Ops@Example.com' } });
    for (const faults of [[], ['parallel-create-overwrites']] as const) {
      const client = await MockClient.start({ faults: [...faults] });
      try {
        const replies = await Promise.all([1, 2, 3].map((n) => client.send('POST', `/accounts/${IDS.partner}/tickets`, { json: body(n) })));
        const ids = new Set(replies.map((r) => (r.body as Ticket).ticketID));
        expect(ids.size).toBe(faults.length === 0 ? 3 : 1);
        expect(replies.every((r) => (r.body as Ticket).contact.email === 'Ops@Example.com')).toBe(true);
      } finally {
        await client.close();
      }
    }
  });
});
