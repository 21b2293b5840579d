import fc from 'fast-check';
import { moovChecks as C } from '../../checks/moov';
import { walkTickets } from '../../checks/moov/evidence';
import { verify } from '../../checks/verify';
import { createTicketBody } from '../../generators/moov/createTicketBody';
import type { Ticket } from '../../lib/contract/moov.types';
import { covers } from '../support/outcomes';
import type { MoovApi } from './support/api';
import { listStatuses } from '../../generators/moov/paginationPlan';
import { test } from './support/fixtures';

/**
 * The ticket is neither served nor listed through the other account. A ticket older than the other
 * account's census is looked for in the census (a full listing); a newer one where that listing
 * keeps new tickets (see MoovApi.locate).
 */
async function expectHidden(moov: MoovApi, ticket: Ticket, owner: string, other: string, created: boolean): Promise<void> {
  const get = await moov.call('getTicket', { path: { accountID: other, ticketID: ticket.ticketID } });
  verify(C.otherAccountTicketHidden, { ...get, intent: 'valid', ownerAccount: owner, askedAccount: other, ticketID: ticket.ticketID }, { operation: 'getTicket', status: get.status });
  const walk = created ? await moov.locate(other) : (await moov.census(other)).walk;
  const listed = walkTickets(walk).some((t) => t.ticketID === ticket.ticketID);
  const last = walk.pages[walk.pages.length - 1]!;
  verify(C.otherAccountTicketHidden, { ...get, exchange: last.exchange, intent: 'valid', ownerAccount: owner, askedAccount: other, ticketID: ticket.ticketID, listed }, { operation: 'listTickets', status: 200 });
}

test.describe('account isolation', () => {
  test("an account outside the partner's reach is never served", covers(C.unreachableAccountRefused), async ({ moov }) => {
    const accountID = moov.ids.unrelated;
    // Every query the list documents, each status included: a filter is no way around the refusal.
    const requests = [
      ['listTickets', { path: { accountID } }],
      ...listStatuses().map((status) => ['listTickets', { path: { accountID }, query: { status, count: 1 } }] as const),
      ['getTicket', { path: { accountID, ticketID: '00000000-0000-4000-8000-000000000000' } }],
    ] as const;
    for (const [operation, request] of requests) {
      const response = await moov.call(operation, request, 'outside-reach');
      verify(C.unreachableAccountRefused, { ...response, intent: 'outside-reach' }, { operation, status: response.status });
    }
    if (!moov.target.allowWrites) return;
    const body = { ...fc.sample(createTicketBody(), { numRuns: 1, seed: 3 })[0]!, foreignID: moov.label('unrelated') };
    const create = await moov.probeCreate({ path: { accountID }, json: body }, 'outside-reach');
    if (create) verify(C.unreachableAccountRefused, { ...create, intent: 'outside-reach' }, { operation: 'createTicket', status: create.status });
    const update = await moov.call('updateTicket', { path: { accountID, ticketID: '00000000-0000-4000-8000-000000000000' }, json: { status: 'closed' } }, 'outside-reach');
    verify(C.unreachableAccountRefused, { ...update, intent: 'outside-reach' }, { operation: 'updateTicket', status: update.status });
  });

  test("a seeded ticket is invisible through the other account", covers(C.otherAccountTicketHidden), async ({ moov }) => {
    for (const [owner, other] of [[moov.ids.partner, moov.ids.connected], [moov.ids.connected, moov.ids.partner]] as const) {
      // One from the middle of the owner's listing: old enough to be in the other account's census too.
      const { tickets } = await moov.census(owner);
      const ticket = tickets[Math.floor(tickets.length / 2)];
      test.skip(!ticket, `account ${owner} has no ticket to look for`);
      await expectHidden(moov, ticket!, owner, other, false);
    }
  });

  test('a created ticket is invisible through the other account, and cannot be closed there', covers(C.otherAccountTicketHidden), async ({ moov }) => {
    moov.writes('isolation: a created ticket');
    const { ticket } = await moov.create(moov.ids.partner, fc.sample(createTicketBody(), { numRuns: 1, seed: 5 })[0]!);
    await expectHidden(moov, ticket, moov.ids.partner, moov.ids.connected, true);
    const close = await moov.call('updateTicket', { path: { accountID: moov.ids.connected, ticketID: ticket.ticketID }, json: { status: 'closed' }, repeatable: true });
    verify(C.otherAccountTicketHidden, { ...close, intent: 'valid', ownerAccount: moov.ids.partner, askedAccount: moov.ids.connected, ticketID: ticket.ticketID }, { operation: 'updateTicket', status: close.status });
    const still = await moov.get(moov.ids.partner, ticket.ticketID);
    verify(C.onlyClosedAccepted, { ...close, intent: 'invalid-input', requested: 'closed (through the other account)', before: ticket, readBack: still.ticket }, { operation: 'updateTicket', status: close.status });
  });
});
