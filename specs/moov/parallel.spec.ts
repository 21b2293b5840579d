import fc from 'fast-check';
import { moovChecks as C } from '../../checks/moov';
import { walkTickets } from '../../checks/moov/evidence';
import type { ParallelCloseAnswer } from '../../checks/moov/parallelClosesAnswered';
import { verify } from '../../checks/verify';
import { createTicketBody } from '../../generators/moov/createTicketBody';
import { propertySettings, seedFor } from '../../lib/config/properties';
import type { CreateTicket, Ticket } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import type { AnswerLostError, MoovRequest, MoovResponse } from '../../lib/moov/client';
import { covers } from '../support/outcomes';
import type { MoovApi } from './support/api';
import { test } from './support/fixtures';
import { judgeNeighbours, neighboursBefore, type OwnTicket } from './support/neighbours';
import { together } from './support/together';

/** Creates sent at once: a handful, within the write plan (one more, created alone first, is their neighbour). */
export const PARALLEL_CREATES = 3;
/** Reads sent at once: a short burst, charged to the rate cap afterwards. */
const PARALLEL_READS = 10;
const WRITE_KEY = 'parallel: creates and closes at once';

/** Valid bodies from the run's seed (the same every run at that seed), each title marked with its place. */
function bodies(title: string, n: number): CreateTicket[] {
  const seed = seedFor(propertySettings(process.env).seed, title);
  return fc.sample(createTicketBody({ maxTitleLength: 40 }), { seed, numRuns: n }).map((b, i) => ({ ...b, title: `${b.title} (${i + 1} of ${n})` }));
}

type CloseOutcome = { response: MoovResponse } | { lost: AnswerLostError };
const exchangeOf = (o: CloseOutcome): Exchange | undefined => ('response' in o ? o.response.exchange : o.lost.exchange);
const is500 = (o: CloseOutcome): boolean => 'lost' in o && o.lost.exchange?.status === 500;

/** Two closes of one ticket, sent at once; answers as they came, lost ones (weather) kept as such. */
function closePair(moov: MoovApi, ticketID: string, accountID: string, round: number): Promise<CloseOutcome[]> {
  const request: MoovRequest = { path: { accountID, ticketID }, json: { status: 'closed' } };
  return together(moov, `2 closes of ticket ${ticketID} at once (round ${round})`, [
    { label: 'close A', run: () => moov.tryWrite('updateTicket', request) },
    { label: 'close B', run: () => moov.tryWrite('updateTicket', request) },
  ], exchangeOf);
}

test.describe('parallel use', () => {
  test('creates sent at once each persist, and two closes at once are answered as documented', covers(C.parallelCreatesPersist, C.parallelClosesAnswered, C.writeTouchesOnlyTarget), async ({ moov }, testInfo) => {
    moov.writes(WRITE_KEY);
    const accountID = moov.ids.partner;
    const [first, ...rest] = bodies(testInfo.title, PARALLEL_CREATES + 1);
    // Created alone first: the burst's neighbour, which none of its creates may change.
    const anchor = (await moov.create(accountID, first!)).ticket;
    const anchorBefore = await neighboursBefore(moov, [{ ticketID: anchor.ticketID, accountID, status: anchor.status }]);

    const created = await together(moov, `${PARALLEL_CREATES} creates at once`, rest.map((body, i) => ({ label: `create #${i + 1}`, run: () => moov.create(accountID, body) })), (r) => (r.response.recovered === undefined ? r.response.exchange : undefined));
    const reads: MoovResponse[] = [];
    for (const { ticket } of created) {
      const { value } = await moov.eventually(() => moov.call('getTicket', { path: { accountID, ticketID: ticket.ticketID } }), (r) => r.status === 200);
      reads.push(value);
    }
    const ids = created.map((c) => c.ticket);
    const { value: walk } = await moov.eventually(
      () => moov.locate(accountID, { expect: ids }),
      (w) => {
        const listed = new Set(walkTickets(w).map((t) => t.ticketID));
        return ids.every((t) => listed.has(t.ticketID));
      },
    );
    const listed = new Map(walkTickets(walk).map((t) => [t.ticketID, t]));
    verify(C.parallelCreatesPersist, {
      creates: created.map((c, i) => ({
        created: c.ticket,
        createExchange: c.response.exchange,
        ...(reads[i]!.status === 200 ? { read: reads[i]!.json as Ticket } : {}),
        readStatus: reads[i]!.status,
        readExchange: reads[i]!.exchange,
        listed: listed.get(c.ticket.ticketID),
      })),
      listExchange: walk.pages[walk.pages.length - 1]?.exchange,
    }, { operation: 'createTicket', status: 200 });
    await judgeNeighbours(moov, `${PARALLEL_CREATES} creates at once in the same account`, accountID, anchorBefore);

    // Two closes of the middle ticket at once; the others (the anchor among them) are its neighbours.
    const target = ids[Math.floor(ids.length / 2)]!;
    const others: OwnTicket[] = [anchor, ...ids].filter((t) => t.ticketID !== target.ticketID).map((t) => ({ ticketID: t.ticketID, accountID, status: t.status }));
    const closeBefore = await neighboursBefore(moov, others);
    let outcomes = await closePair(moov, target.ticketID, accountID, 1);
    let repeated500: Exchange | undefined;
    if (outcomes.some(is500)) {
      // A 500 is a finding only when it repeats: the pair is sent at once again (the ticket may be closed by now).
      const again = await closePair(moov, target.ticketID, accountID, 2);
      const second = again.find(is500);
      if (second && 'lost' in second) repeated500 = second.lost.exchange;
      else moov.noteWeather('a close of the pair answered 500 once; the pair sent at once again did not repeat it');
      outcomes = [...outcomes, ...again].filter((o) => !is500(o));
    }
    for (const o of outcomes) if ('lost' in o) moov.noteWeather(`a close of the pair lost its answer (${o.lost.what}); the other answers are judged`);
    const answers: ParallelCloseAnswer[] = outcomes.flatMap((o) => ('response' in o ? [{ status: o.response.status, body: o.response.json, exchange: o.response.exchange }] : []));
    // Only a close answered 200 says the ticket must now be closed (lost ones may never have reached it).
    const closedByAnswer = answers.some((a) => a.status === 200);
    const final = closedByAnswer
      ? (await moov.eventually(() => moov.call('getTicket', { path: { accountID, ticketID: target.ticketID } }), (r) => r.status === 200 && (r.json as Ticket).status === 'closed')).value
      : undefined;
    if (final?.status === 200 && (final.json as Ticket).status === 'closed') moov.recordClosed(accountID, target.ticketID);
    verify(C.parallelClosesAnswered, {
      ticketID: target.ticketID,
      answers,
      ...(repeated500 ? { repeated500 } : {}),
      ...(final?.status === 200 ? { final: final.json as Ticket, finalExchange: final.exchange } : {}),
    }, { operation: 'updateTicket', status: answers[0]?.status });
    await judgeNeighbours(moov, `2 closes at once of ticket ${target.ticketID}`, accountID, closeBefore);
  });

  test('reads sent at once are each served, each with its own x-request-id', covers(C.parallelReadsServed), async ({ moov }) => {
    const accountID = moov.ids.partner;
    const page = await moov.listPage(accountID, { count: 5 });
    const gets = page.items.slice(0, 5).map((t, i) => ({ label: `get #${i + 1}`, run: () => moov.burstRead('getTicket', { path: { accountID, ticketID: t.ticketID } }) }));
    const lists = Array.from({ length: PARALLEL_READS - gets.length }, (_, i) => ({ label: `list count=${i + 1}`, run: () => moov.burstRead('listTickets', { path: { accountID }, query: { count: i + 1 } }) }));
    const seenBefore = new Map(moov.seenRequestIds);
    const responses = await together(moov, `${PARALLEL_READS} reads at once`, [...gets, ...lists], (r) => r.exchange);
    verify(C.parallelReadsServed, { reads: responses.map((r) => ({ status: r.status, requestId: r.headers['x-request-id'], exchange: r.exchange })), seenBefore }, { operation: 'getTicket' });
    moov.registerRequestIds(responses);
  });
});
