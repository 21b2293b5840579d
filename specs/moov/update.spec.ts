import { moovChecks as C } from '../../checks/moov';
import { verify } from '../../checks/verify';
import fc from 'fast-check';
import { createTicketBody } from '../../generators/moov/createTicketBody';
import { malformedBody } from '../../generators/moov/invalidCreateTicketBody';
import { unknownTicketId } from '../../generators/moov/ticketIds';
import { closedSpellings, refusedUpdateStatus } from '../../generators/moov/updateStatusValues';
import type { Ticket } from '../../lib/contract/moov.types';
import { walkTickets, type ListWalk } from '../../checks/moov/evidence';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import type { MoovApi } from './support/api';
import { test } from './support/fixtures';

/** One fixed, valid ticket body (its content is not what these tests are about). */
function sampleBody() {
  return fc.sample(createTicketBody({ optional: 'always' }), { numRuns: 1, seed: 7 })[0]!;
}

async function readBack(moov: MoovApi, accountID: string, ticketID: string): Promise<Ticket | undefined> {
  const response = await moov.call('getTicket', { path: { accountID, ticketID } });
  return response.status === 200 ? (response.json as Ticket) : undefined;
}

/**
 * Updates that name no status ({}, no body, status null): whatever the answer, 200 or a 4xx, the
 * ticket keeps everything it holds, its status first (status is the only updatable field).
 */
async function emptyUpdatesKeep(moov: MoovApi, accountID: string, before: Ticket): Promise<void> {
  for (const body of [{ json: {} }, { rawBody: '' }, { json: { status: null } }]) {
    const response = await moov.call('updateTicket', { path: { accountID, ticketID: before.ticketID }, ...body }, 'invalid-input');
    const readBackNow = await readBack(moov, accountID, before.ticketID);
    verify(C.emptyUpdateKeepsData, { ...response, intent: 'invalid-input', before, readBack: readBackNow }, { operation: 'updateTicket', status: response.status });
  }
}

test.describe('update a support ticket', () => {
  test('closing a ticket closes it, and get and list agree', covers(C.closeCloses, C.closeVisible, C.createdTicketListed, C.closeTimestampsConsistent, C.closedHasClosedOn), async ({ moov }) => {
    moov.writes('update: closing a ticket');
    const accountID = moov.ids.connected;
    const { ticket: open } = await moov.create(accountID, sampleBody());
    const { ticket: keptOpen } = await moov.create(accountID, sampleBody());
    const { ticket: closed, response } = await moov.close(accountID, open.ticketID);
    // The close's own answer is TKT-UPD-001's evidence: when weather lost it, a spare ticket's close gives one.
    const spare = response.recovered === undefined ? undefined : await moov.spare(accountID, sampleBody());
    const judged = spare ? { before: spare, ...(await moov.close(accountID, spare.ticketID)) } : { before: open, ticket: closed, response };
    if (judged.response.recovered === undefined) verify(C.closeCloses, { before: judged.before, after: judged.ticket, exchange: judged.response.exchange }, { operation: 'updateTicket', status: 200 });
    else moov.noteWeather(`${C.closeCloses.id} not judged: the close's own answer was lost and the write plan's reserve had no spare ticket`);

    const read = await moov.eventually(() => moov.call('getTicket', { path: { accountID, ticketID: open.ticketID } }), (r) => (r.json as Ticket | undefined)?.status === 'closed');
    if (read.lagMs > 0) verify(C.readAfterWriteLag, { what: 'a close', lagMs: read.lagMs, exchange: read.value.exchange }, { operation: 'getTicket', status: 200 });
    verify(C.closeVisible, { ticketID: open.ticketID, read: read.value.status === 200 ? (read.value.json as Ticket) : undefined, exchange: read.value.exchange }, { operation: 'getTicket', status: read.value.status });
    // This run closed it: its close timestamps must agree, in the answer and when read back.
    verify(C.closeTimestampsConsistent, { ticket: closed, exchange: response.exchange }, { operation: 'updateTicket', status: 200 });
    if (read.value.status === 200) verify(C.closeTimestampsConsistent, { ticket: read.value.json as Ticket, exchange: read.value.exchange }, { operation: 'getTicket', status: 200 });

    // Where the listing keeps new tickets (its head or tail, read off the census), not the whole account.
    const closedNow = { ...open, status: 'closed' as const };
    const isListed = (walk: ListWalk, ticket: Ticket) => walkTickets(walk).some((t) => t.ticketID === ticket.ticketID && t.status === ticket.status);
    const listed = await moov.eventually(() => moov.locate(accountID, { expect: [closedNow, keptOpen] }), (walk) => isListed(walk, closedNow));
    verify(C.createdTicketListed, { expected: [closedNow, keptOpen], walk: listed.value }, { operation: 'listTickets', status: 200 });
    // The status filter follows the close: the ticket moves from its old status to closed.
    const closedWalk = await moov.eventually(() => moov.locate(accountID, { status: 'closed', expect: [closedNow] }), (walk) => isListed(walk, closedNow));
    verify(C.createdTicketListed, { expected: [closedNow], walk: closedWalk.value }, { operation: 'listTickets', status: 200 });
    const oldStatusWalk = await moov.eventually(() => moov.locate(accountID, { status: keptOpen.status, expect: [keptOpen] }), (walk) => !walkTickets(walk).some((t) => t.ticketID === open.ticketID));
    verify(C.createdTicketListed, { expected: [keptOpen], unexpected: [open], walk: oldStatusWalk.value }, { operation: 'listTickets', status: 200 });
  });

  test('statuses other than closed are refused and change nothing; empty updates leave an open ticket as it was', covers(C.onlyClosedAccepted, C.invalidInputRefused, C.offendingFieldNamed, C.emptyUpdateKeepsData), async ({ moov }, testInfo) => {
    moov.writes('update: refused statuses');
    const accountID = moov.ids.partner;
    const { ticket } = await moov.create(accountID, sampleBody());
    await checkProperty(testInfo, refusedUpdateStatus(), async ({ status }) => {
      const response = await moov.call('updateTicket', { path: { accountID, ticketID: ticket.ticketID }, json: { status } }, 'invalid-input');
      const after = await readBack(moov, accountID, ticket.ticketID);
      verify(C.onlyClosedAccepted, { ...response, intent: 'invalid-input', requested: status, before: ticket, readBack: after }, { operation: 'updateTicket', status: response.status });
      verify(C.offendingFieldNamed, { ...response, intent: 'invalid-input', field: 'status' }, { operation: 'updateTicket', status: response.status });
    });
    // The refusals left it open: the ticket where an empty update could do harm (close it, reset it).
    await emptyUpdatesKeep(moov, accountID, (await moov.get(accountID, ticket.ticketID)).ticket);
  });

  test('other spellings of closed (advisory: lenient servers fold case and trim)', covers(C.doubtfulInputRefused), async ({ moov }) => {
    moov.writes('update: other spellings of closed');
    // One ticket serves every spelling a strict target refuses; the first one accepted answers the question.
    const { ticket } = await moov.create(moov.ids.partner, sampleBody());
    for (const status of closedSpellings()) {
      const response = await moov.call('updateTicket', { path: { accountID: moov.ids.partner, ticketID: ticket.ticketID }, json: { status } }, 'invalid-input');
      verify(C.doubtfulInputRefused, { ...response, intent: 'invalid-input', input: `status ${JSON.stringify(status)}` }, { operation: 'updateTicket', status: response.status });
      if (response.status >= 200 && response.status < 300) break;
    }
  });

  test('a closed ticket: closing it again leaves it closed, an empty update loses no data', covers(C.closeVisible, C.closeTimestampsConsistent, C.emptyUpdateKeepsData), async ({ moov }) => {
    moov.writes('update: a closed ticket');
    const accountID = moov.ids.partner;
    const { ticket } = await moov.create(accountID, sampleBody());
    await moov.close(accountID, ticket.ticketID);
    // The pages do not say whether a second close is a 200 or a 409: both are accepted.
    const again = await moov.call('updateTicket', { path: { accountID, ticketID: ticket.ticketID }, json: { status: 'closed' }, repeatable: true });
    const after = await moov.get(accountID, ticket.ticketID);
    verify(C.closeVisible, { ticketID: ticket.ticketID, read: after.ticket, exchange: again.exchange }, { operation: 'getTicket', status: 200 });
    verify(C.closeTimestampsConsistent, { ticket: after.ticket, exchange: after.response.exchange }, { operation: 'getTicket', status: 200 });
    // A closed ticket serves the empty updates too (an open one serves them in the refused-status test).
    await emptyUpdatesKeep(moov, accountID, after.ticket);
  });

  test('updating an unknown ticket is a 404', covers(C.unknownTicketNotFound), async ({ moov }, testInfo) => {
    moov.requireWritesOn();
    await checkProperty(testInfo, unknownTicketId(), async (ticketID) => {
      const response = await moov.call('updateTicket', { path: { accountID: moov.ids.partner, ticketID }, json: { status: 'closed' }, repeatable: true });
      verify(C.unknownTicketNotFound, { ...response, intent: 'valid' }, { operation: 'updateTicket', status: response.status });
    }, { scale: 0.5 });
  });

  test('malformed update bodies are refused as invalid syntax', covers(C.malformedJsonRefused), async ({ moov }, testInfo) => {
    moov.writes('update: malformed bodies');
    const accountID = moov.ids.partner;
    const { ticket } = await moov.create(accountID, sampleBody());
    // Empty bodies are valid updates, and so is JSON null to servers that decode into typed structs.
    const malformed = malformedBody().filter(({ raw }) => raw.trim() !== '' && raw !== 'null');
    await checkProperty(testInfo, malformed, async ({ raw, mutation }) => {
      const response = await moov.call('updateTicket', { path: { accountID, ticketID: ticket.ticketID }, rawBody: raw }, 'invalid-input');
      verify(C.invalidInputRefused, { ...response, intent: 'invalid-input', mutation }, { operation: 'updateTicket', status: response.status });
      verify(C.malformedJsonRefused, { ...response, intent: 'invalid-input' }, { operation: 'updateTicket', status: response.status });
    }, { scale: 0.5 });
  });
});
