import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { playwright } from '../../lib/playwrightRun';
import type { ConformanceReport } from '../../reporters/conformance/report';

const CLOSING = ['test', '--project=moov', '-g', 'closing a ticket closes it'];
/** Half the PATCHes answered 504 after the mock carried them out; at this seed the test's first close is one of them. */
const LOSES_THE_FIRST_CLOSE = { MOCK_WEATHER: 'after=50%,only=PATCH,seed=7' };

test.describe('weather takes the evidence a check needs', () => {
  test('a close whose own answer was lost is found out by reading back, and TKT-UPD-001 is judged on a spare ticket', async () => {
    const clean = await playwright(CLOSING, LOSES_THE_FIRST_CLOSE);
    expect(clean.code, clean.output.slice(-2000)).toBe(0);
    const report = JSON.parse(readFileSync(join(clean.reportDir, 'conformance.json'), 'utf8')) as ConformanceReport;
    expect(report.availability.lostAnswers).toBe(1);
    expect(report.apis[0]?.notes.join('\n')).toMatch(/updateTicket: PATCH .* answered 504; it had happened/);
    expect(report.apis[0]?.matrix.find((r) => r.checkId === 'TKT-UPD-001')?.cells.updateTicket?.state).toBe('pass');
    // The same weather on a target whose close answers the ticket as it was: still caught.
    const faulty = await playwright(CLOSING, { ...LOSES_THE_FIRST_CLOSE, MOCK_FAULTS: 'close-response-stale' });
    expect(faulty.code).not.toBe(0);
    expect(faulty.output).toContain('[TKT-UPD-001]');
  });
});
