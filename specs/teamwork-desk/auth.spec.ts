import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import type { JudgedResponse } from '../../checks/teamwork-desk/evidence';
import type { Check } from '../../checks/check';
import { verify } from '../../checks/verify';
import type { TeamworkDeskAuth } from '../../lib/teamworkDesk/client';
import { covers } from '../support/outcomes';
import type { TeamworkDeskApi } from './support/api';
import { test } from './support/fixtures';

/** A key no account has: a constant, so it is never a secret and never the configured key. */
const MADE_UP_KEY = 'tw-desk-made-up-key-0000';

async function judge(api: TeamworkDeskApi, check: Check<JudgedResponse>, auth: TeamworkDeskAuth, mutation: string, query: Record<string, string> = {}): Promise<void> {
  const response = await api.call({ pageSize: '1', ...query }, 'valid', auth);
  verify(check, { ...response, intent: 'valid', mutation }, { operation: 'listTickets', status: response.status });
}

test.describe('authentication', () => {
  test('no credentials is a 401', covers(C.missingKeyRefused), async ({ teamworkDesk }) => {
    await judge(teamworkDesk, C.missingKeyRefused, { kind: 'none' }, 'no Authorization header');
    await judge(teamworkDesk, C.missingKeyRefused, { kind: 'none' }, 'no Authorization header, with a filter', { filter: '{"id":{"$gt":0}}' });
  });

  test('a wrong key is a 401, as Bearer and as Basic', covers(C.wrongKeyRefused), async ({ teamworkDesk }) => {
    const basic = (user: string) => `Basic ${Buffer.from(`${user}:x`).toString('base64')}`;
    await judge(teamworkDesk, C.wrongKeyRefused, { kind: 'literal', header: `Bearer ${MADE_UP_KEY}`, note: 'a made-up key as Bearer' }, 'made-up Bearer key');
    await judge(teamworkDesk, C.wrongKeyRefused, { kind: 'literal', header: basic(MADE_UP_KEY), note: 'a made-up key as Basic user name' }, 'made-up Basic key');
  });

  test('the key as HTTP Basic user name, with any password, is accepted', covers(C.basicKeyAccepted), async ({ teamworkDesk }) => {
    for (const password of ['x', 'any-password-at-all']) {
      await judge(teamworkDesk, C.basicKeyAccepted, { kind: 'basic', password }, `Basic with the key and password "${password}"`);
    }
  });
});
