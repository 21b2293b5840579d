import fc from 'fast-check';
import { moovChecks as C } from '../../checks/moov';
import { walkTickets } from '../../checks/moov/evidence';
import { verify } from '../../checks/verify';
import { edgeCreateTicketBody, wideCreateTicketBody } from '../../generators/moov/wideCreateTicketBody';
import type { CreateTicket, Ticket } from '../../lib/contract/moov.types';
import { covers } from '../support/outcomes';
import { VALUES_SCALE } from '../../apis/moov/writeNeeds';
import { checkProperty } from '../support/property';
import type { MoovApi } from './support/api';
import { test } from './support/fixtures';

/** What became of the values sent: stored (and judged) or refused with a 4xx, for the report. */
interface Tally {
  accepted: number;
  refused: string[];
}

/**
 * Creates a ticket from `body` and, when the target accepts it, judges that the create response,
 * a get by ID and the ticket's list item show title and contact exactly as sent (TKT-VAL-001).
 * A 4xx is a refusal the pages allow; anything else but a 2xx fails TKT-HTTP-003.
 */
async function storedExactly(moov: MoovApi, accountID: string, body: CreateTicket, tally: Tally): Promise<void> {
  const { sent, ticket, response } = await moov.createOrRefused(accountID, body);
  if (!ticket) {
    tally.refused.push(`HTTP ${response.status} for a title of ${Array.from(body.title).length} characters, e-mail ${JSON.stringify(body.contact.email)}`);
    return;
  }
  tally.accepted += 1;
  const scope = (operation: string) => ({ operation, status: 200 });
  verify(C.valuesStoredExactly, { sent, stage: 'create response', shown: ticket, exchange: response.exchange }, scope('createTicket'));
  const { value: read } = await moov.eventually(() => moov.call('getTicket', { path: { accountID, ticketID: ticket.ticketID } }), (r) => r.status === 200);
  verify(C.validRequestServed, { ...read, intent: 'valid' }, { operation: 'getTicket', status: read.status });
  verify(C.valuesStoredExactly, { sent, stage: 'get by ID', shown: read.json as Ticket, exchange: read.exchange }, scope('getTicket'));
  const listed = (tickets: Ticket[]) => tickets.find((t) => t.ticketID === ticket.ticketID);
  const { value: walk } = await moov.eventually(() => moov.locate(accountID, { expect: [ticket] }), (w) => listed(walkTickets(w)) !== undefined);
  const item = listed(walkTickets(walk));
  // A ticket missing from the listing is TKT-CRT-002's finding; here only what a list item shows is judged.
  if (item) verify(C.valuesStoredExactly, { sent, stage: 'list item', shown: item, exchange: walk.pages[walk.pages.length - 1]?.exchange }, scope('listTickets'));
}

test.describe('values stored exactly', () => {
  test('titles, names and e-mail addresses of every length, case and Unicode plane come back exactly as sent', covers(C.valuesStoredExactly, C.validRequestServed), async ({ moov }, testInfo) => {
    const { cases } = moov.writes('values: stored exactly');
    const live = moov.target.kind === 'live';
    const tally: Tally = { accepted: 0, refused: [] };
    const edge = () => storedExactly(moov, moov.ids.partner, edgeCreateTicketBody(), tally);
    // On a live target the plan leaves room for few generated cases: every edge at once goes first.
    // On the mock the generated cases go first, so a failure shrinks to the shortest failing value.
    if (live) await edge();
    const account = fc.constantFrom(moov.ids.partner, moov.ids.connected);
    await checkProperty(testInfo, fc.tuple(wideCreateTicketBody(), account), ([body, accountID]) => storedExactly(moov, accountID, body, tally), {
      scale: VALUES_SCALE,
      maxRuns: cases,
      writesOnFailure: live,
    });
    if (!live) await edge();
    const refusals = tally.refused.length === 0 ? '' : `; refused (a 4xx, which the pages allow): ${tally.refused.slice(0, 5).join('; ')}${tally.refused.length > 5 ? '…' : ''}`;
    testInfo.annotations.push({ type: 'values', description: `${testInfo.title}: ${tally.accepted} accepted and judged${refusals}` });
  });
});
