import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { WriteLedger } from '../../lib/moov/ledger';
import { TicketWrites } from '../../lib/moov/ticketWrites';

/** The one write path: what it ledgers, counts and budgets, for every caller alike. */
test.describe('TicketWrites', () => {
  test('a live run ledgers creates, lost creates and closes, counts them, and leaves open what it did not close', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticket-writes-'));
    try {
      const file = join(dir, 'run.jsonl');
      const counted: string[] = [];
      const writes = new TicketWrites(new WriteLedger(file, 'https://sandbox.example.com'), (kind) => counted.push(kind));
      writes.created('acc', { ticketID: 't1', title: 'x' }, 'f1');
      writes.created('acc', 't2', 'f2');
      writes.created('acc', { title: 'no id: not a ticket' }, 'f3');
      writes.uncertain('acc', 'f4', 'lost');
      writes.closed('acc', 't1');
      expect(counted).toEqual(['created', 'created', 'closed']);
      expect(WriteLedger.open(file)).toEqual([{ ticketID: 't2', accountID: 'acc', foreignID: 'f2' }]);
      expect(WriteLedger.uncertain(file).map((u) => u.foreignID)).toEqual(['f4']);
      expect(readFileSync(file, 'utf8').split('\n')[0]).toContain('"event":"run"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a pool gives out no more than its cap across every holder of the ledger, and takes back what was not used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticket-writes-'));
    try {
      const file = join(dir, 'run.jsonl');
      const [a, b] = [new TicketWrites(new WriteLedger(file)), new TicketWrites(new WriteLedger(file))];
      const first = a.draw('probes', 2);
      expect(first).toBeDefined();
      expect(b.draw('probes', 2)).toBeDefined();
      expect(a.draw('probes', 2)).toBeUndefined();
      a.giveBack(first!);
      expect(b.draw('probes', 2)).toBeDefined();
      expect(a.draw('other', 0)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every foreignID carries the run label', () => {
    expect(TicketWrites.foreignID({ CONFORMANCE_RUN_ID: 'r1' }, 'w0-1')).toMatch(/:r1:w0-1$/);
    expect(TicketWrites.foreignID({ CONFORMANCE_RUN_ID: 'r1' }, 'w0-1', 'spare')).toMatch(/:r1:w0-1:spare$/);
  });
});
