import fc from 'fast-check';
import { moovChecks as C } from '../../checks/moov';
import { walkTickets } from '../../checks/moov/evidence';
import { verify } from '../../checks/verify';
import { createTicketBody } from '../../generators/moov/createTicketBody';
import { unknownTicketId } from '../../generators/moov/ticketIds';
import type { CreateTicket, Ticket, TicketStatus } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import type { MoovOperationId } from '../../lib/contract/moov';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import type { MoovApi } from './support/api';
import { test } from './support/fixtures';
import { MODEL_SCALE } from '../../apis/moov/writeNeeds';
import { judgeNeighbours, neighboursBefore, type OwnTicket } from './support/neighbours';

/**
 * Neighbours judged around each create and close (TKT-NBR-001): the sequence's latest other
 * tickets in that account, read before and after the write. Two keep a sequence's cost bounded.
 */
const MODEL_NEIGHBOURS = 2;

/** How far from the census's newest end a closed ticket is looked for (the census neighbour). */
const CENSUS_NEIGHBOUR_SPAN = 5;

/**
 * A write's neighbours in the listing: the sequence's own tickets in the account (the latest
 * last) and, before them, one ticket the suite did not write from the end of the census where new
 * tickets are listed (the tail when the listing rises, the head when it falls; none when its order
 * is unknown): the newest closed one. Closed, because no documented operation changes a closed
 * ticket, so another client writing beside the run cannot change it between the two readings
 * (an open one it may close). Only the sequence's own tickets otherwise, so a shrunk sequence
 * replays the same on its own.
 */
async function neighbourSample(model: Readonly<Model>, moov: MoovApi, accountID: string, except?: string): Promise<OwnTicket[]> {
  const census = await moov.census(accountID);
  const newestFirst = census.order === 'ascending' ? [...census.tickets].reverse() : census.order === 'descending' ? census.tickets : [];
  const settled = newestFirst.slice(0, CENSUS_NEIGHBOUR_SPAN).find((t) => t.status === 'closed');
  const own = model.tickets.filter((t) => t.accountID === accountID && t.ticketID !== except).map((t) => ({ ticketID: t.ticketID, accountID, status: t.status }));
  return [...(settled ? [{ ticketID: settled.ticketID, accountID, status: settled.status }] : []), ...own];
}

/**
 * The documented semantics, simplified: the tickets this sequence created, where they live and
 * their status. Not a copy of the mock: no cursors, no numbering, no other accounts' data.
 */
interface Model {
  tickets: Array<{ ticketID: string; accountID: string; title: string; status: TicketStatus }>;
}

interface Real {
  moov: MoovApi;
  /** Tickets the write plan leaves this test; a create command runs only while some remain. */
  writes: { left: number };
}

type Role = 'partner' | 'connected';

function disagree(operation: MoovOperationId, step: string, expected: string, received: string | undefined, exchange?: Exchange): void {
  verify(C.modelAgreement, { step, expected, received, exchange }, { operation, status: exchange?.status });
}

class CreateCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly role: Role, readonly body: CreateTicket, private readonly writes: { left: number }) {}
  check = () => this.writes.left > 0;
  async run(model: Model, real: Real): Promise<void> {
    real.writes.left -= 1;
    const accountID = real.moov.ids[this.role];
    const before = await neighboursBefore(real.moov, await neighbourSample(model, real.moov, accountID), MODEL_NEIGHBOURS);
    const { ticket } = await real.moov.create(accountID, this.body);
    model.tickets.push({ ticketID: ticket.ticketID, accountID, title: ticket.title, status: ticket.status });
    await judgeNeighbours(real.moov, `the create of ticket ${ticket.ticketID}`, accountID, before);
  }
  toString = () => `create in ${this.role} ${JSON.stringify(this.body.title.slice(0, 20))}`;
}

class GetCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check = (model: Readonly<Model>) => model.tickets.length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const expected = model.tickets[this.index % model.tickets.length]!;
    // A live target's reads may lag its writes (MOOV_CONSISTENCY_MS); the mock answers at once.
    const { value: response } = await real.moov.eventually(
      () => real.moov.call('getTicket', { path: { accountID: expected.accountID, ticketID: expected.ticketID } }),
      (r) => r.status === 200 && (r.json as Ticket).status === expected.status,
    );
    const ticket = response.json as Ticket | undefined;
    const received = response.status !== 200 ? `HTTP ${response.status}` : ticket?.status !== expected.status ? `status ${String(ticket?.status)}` : ticket.title !== expected.title ? `title ${JSON.stringify(ticket.title)}` : undefined;
    disagree('getTicket', `get ticket ${expected.ticketID.slice(0, 8)}…`, `200 with status ${expected.status} and the title it was created with`, received, response.exchange);
  }
  toString = () => `get ticket #${this.index}`;
}

class CloseCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check = (model: Readonly<Model>) => model.tickets.some((t) => t.status !== 'closed');
  async run(model: Model, real: Real): Promise<void> {
    const open = model.tickets.filter((t) => t.status !== 'closed');
    const target = open[this.index % open.length]!;
    const before = await neighboursBefore(real.moov, await neighbourSample(model, real.moov, target.accountID, target.ticketID), MODEL_NEIGHBOURS);
    const { ticket, response } = await real.moov.close(target.accountID, target.ticketID);
    disagree('updateTicket', `close ticket ${target.ticketID.slice(0, 8)}…`, 'status closed', ticket.status === 'closed' ? undefined : `status ${String(ticket.status)}`, response.exchange);
    target.status = 'closed';
    await judgeNeighbours(real.moov, `the close of ticket ${target.ticketID}`, target.accountID, before);
  }
  toString = () => `close open ticket #${this.index}`;
}

/** Lists the account where its new tickets are (MoovApi.locate): the model's tickets must be there, the other account's not. */
class WalkCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly role: Role) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const accountID = real.moov.ids[this.role];
    const agrees = (tickets: Map<string, Ticket>) =>
      model.tickets.every((t) => (t.accountID === accountID ? tickets.get(t.ticketID)?.status === t.status : !tickets.has(t.ticketID)));
    const mine = model.tickets.filter((t) => t.accountID === accountID);
    const { value: walk } = await real.moov.eventually(
      () => real.moov.locate(accountID, { expect: mine }),
      (w) => agrees(new Map(walkTickets(w).map((t) => [t.ticketID, t]))),
    );
    const listed = new Map(walkTickets(walk).map((t) => [t.ticketID, t]));
    const exchange = walk.pages[walk.pages.length - 1]?.exchange;
    for (const ticket of model.tickets) {
      const found = listed.get(ticket.ticketID);
      const mine = ticket.accountID === accountID;
      const received = mine && !found ? 'absent' : mine && found?.status !== ticket.status ? `status ${String(found?.status)}` : !mine && found ? `listed (it belongs to the ${this.role === 'partner' ? 'connected' : 'partner'} account)` : undefined;
      disagree('listTickets', `list ${this.role}`, mine ? `ticket ${ticket.ticketID.slice(0, 8)}… listed with status ${ticket.status}` : `ticket ${ticket.ticketID.slice(0, 8)}… not listed`, received, exchange);
    }
  }
  toString = () => `list ${this.role}`;
}

class GetUnknownCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ticketID: string) {}
  check = () => true;
  async run(_model: Model, real: Real): Promise<void> {
    const response = await real.moov.call('getTicket', { path: { accountID: real.moov.ids.partner, ticketID: this.ticketID } });
    disagree('getTicket', `get unknown ${this.ticketID}`, '404', response.status === 404 ? undefined : `HTTP ${response.status}`, response.exchange);
  }
  toString = () => `get unknown ${this.ticketID}`;
}

const role = fc.constantFrom<Role>('partner', 'connected');
function commands(writes: { left: number }) {
  return fc.commands(
    [
      // Listed twice: creates come twice as often, so sequences often write beside their own tickets (TKT-NBR-001).
      fc.tuple(role, createTicketBody({ maxTitleLength: 40 })).map(([r, b]) => new CreateCommand(r, b, writes)),
      fc.tuple(role, createTicketBody({ maxTitleLength: 40 })).map(([r, b]) => new CreateCommand(r, b, writes)),
      fc.nat(20).map((i) => new GetCommand(i)),
      fc.nat(20).map((i) => new CloseCommand(i)),
      role.map((r) => new WalkCommand(r)),
      unknownTicketId().map((id) => new GetUnknownCommand(id)),
    ],
    { maxCommands: 8 },
  );
}

test.describe('model-based', () => {
  test('command sequences agree with the documented semantics', covers(C.modelAgreement, C.writeTouchesOnlyTarget), async ({ moov }, testInfo) => {
    const { tickets, cases } = moov.writes('model: command sequences');
    const writes = { left: tickets };
    await checkProperty(testInfo, commands(writes), (cmds) => fc.asyncModelRun(() => ({ model: { tickets: [] }, real: { moov, writes } }), cmds), {
      scale: MODEL_SCALE,
      label: 'commands',
      maxRuns: cases,
      writesOnFailure: moov.target.kind === 'live',
      // The replay of a live failure creates its tickets again (from the write plan's reserve).
      beforeReplay: () => void (writes.left = tickets),
    });
  });
});
