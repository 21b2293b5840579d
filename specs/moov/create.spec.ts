import fc from 'fast-check';
import { moovChecks as C } from '../../checks/moov';
import { verify } from '../../checks/verify';
import { blankRequiredCreateTicketBody, oddEmailCreateTicketBody } from '../../generators/moov/blankOrOddCreateTicketBody';
import { createTicketBody } from '../../generators/moov/createTicketBody';
import { invalidCreateTicketBody, malformedBody } from '../../generators/moov/invalidCreateTicketBody';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import type { MoovApi } from './support/api';
import { test } from './support/fixtures';

/**
 * Sends a create the target should refuse, within the stray reserve (a ticket it wrongly creates is
 * ledgered for cleanup). Undefined when the reserve is spent: earlier probes were accepted.
 */
function attemptCreate(moov: MoovApi, accountID: string, body: { json?: unknown; rawBody?: string }) {
  return moov.probeCreate({ path: { accountID }, ...body }, 'invalid-input');
}

test.describe('create a support ticket', () => {
  test('generated valid tickets are created as sent and read back the same', covers(C.createEchoesInput, C.getMatchesCreate, C.validRequestServed), async ({ moov }, testInfo) => {
    const { cases } = moov.writes('create: generated valid tickets');
    const account = fc.constantFrom(moov.ids.partner, moov.ids.connected);
    await checkProperty(testInfo, fc.tuple(createTicketBody(), account), async ([body, accountID]) => {
      const { ticket } = await moov.create(accountID, body);
      const read = await moov.eventually(
        () => moov.call('getTicket', { path: { accountID, ticketID: ticket.ticketID } }),
        (r) => r.status === 200,
      );
      if (read.lagMs > 0) verify(C.readAfterWriteLag, { what: 'a created ticket', lagMs: read.lagMs, exchange: read.value.exchange }, { operation: 'getTicket', status: 200 });
      verify(C.validRequestServed, { ...read.value, intent: 'valid' }, { operation: 'getTicket', status: read.value.status });
      verify(C.getMatchesCreate, { created: ticket, read: read.value.json as typeof ticket, exchange: read.value.exchange }, { operation: 'getTicket', status: 200 });
    }, { maxRuns: cases, writesOnFailure: moov.target.kind === 'live' });
  });

  test('bodies that break the schema are refused with a 4xx naming the field', covers(C.invalidInputRefused, C.offendingFieldNamed), async ({ moov }, testInfo) => {
    moov.requireWritesOn();
    await checkProperty(testInfo, invalidCreateTicketBody(), async ({ body, mutation, field }) => {
      // The suite's label goes in foreignID, unless foreignID is the field under test.
      const json = field === 'foreignID' ? body : { ...body, foreignID: moov.label() };
      const response = await attemptCreate(moov, moov.ids.partner, { json });
      if (!response) return;
      const evidence = { ...response, intent: 'invalid-input' as const, mutation, field };
      verify(C.invalidInputRefused, evidence, { operation: 'createTicket', status: response.status });
      verify(C.offendingFieldNamed, evidence, { operation: 'createTicket', status: response.status });
    }, { writesOnFailure: moov.target.kind === 'live' });
  });

  test('malformed JSON and non-object bodies are refused as invalid syntax', covers(C.malformedJsonRefused, C.invalidInputRefused), async ({ moov }, testInfo) => {
    moov.requireWritesOn();
    await checkProperty(testInfo, malformedBody(), async ({ raw, mutation }) => {
      const response = await attemptCreate(moov, moov.ids.partner, { rawBody: raw });
      if (!response) return;
      verify(C.invalidInputRefused, { ...response, intent: 'invalid-input', mutation }, { operation: 'createTicket', status: response.status });
      verify(C.malformedJsonRefused, { ...response, intent: 'invalid-input' }, { operation: 'createTicket', status: response.status });
    }, { writesOnFailure: moov.target.kind === 'live' });
  });

  for (const [label, arbitrary, check] of [
    ['blank required text', blankRequiredCreateTicketBody(), C.blankRequiredRefused],
    ['malformed contact addresses', oddEmailCreateTicketBody(), C.malformedEmailRefused],
  ] as const) {
    test(`${label} (advisory: the pages set no rule)`, covers(check), async ({ moov }, testInfo) => {
      moov.requireWritesOn();
      // A lenient target creates a ticket per case: the first one answers the question, so stop there.
      let accepted = false;
      await checkProperty(testInfo, arbitrary, async ({ body, input }) => {
        if (accepted) return;
        const response = await attemptCreate(moov, moov.ids.partner, { json: { ...body, foreignID: moov.label() } });
        if (!response) return;
        accepted = response.status >= 200 && response.status < 300;
        verify(check, { ...response, intent: 'invalid-input', input }, { operation: 'createTicket', status: response.status });
      }, { scale: 0.5, writesOnFailure: moov.target.kind === 'live', beforeReplay: () => void (accepted = false) });
    });
  }
});
