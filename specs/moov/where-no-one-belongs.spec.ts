import fc from 'fast-check';
import { moovChecks as C } from '../../checks/moov';
import { walkTickets } from '../../checks/moov/evidence';
import { bodyShape, type RefusalAnswer } from '../../checks/moov/existenceNotLeaked';
import type { OversizedEvidence } from '../../checks/moov/oversizedInputRefused';
import type { MethodEvidence } from '../../checks/security/boundaryChecks';
import { verify } from '../../checks/verify';
import { propertySettings } from '../../lib/config/properties';
import type { MoovOperationId } from '../../lib/contract/moov';
import type { Ticket } from '../../lib/contract/moov.types';
import type { MoovAuth, MoovRequest, MoovResponse } from '../../lib/moov/client';
import { secrets } from '../../lib/redaction/secrets';
import { covers } from '../support/outcomes';
import type { MoovApi } from './support/api';
import { test } from './support/fixtures';

/** IDs nothing holds, drawn from the run's seed (another seed, other IDs). */
function unknownIDs(): { account: string; ticket: string } {
  const [account, ticket] = fc.sample(fc.uuid({ version: 4 }), { numRuns: 2, seed: propertySettings(process.env).seed });
  return { account: account!, ticket: ticket! };
}

function answer(what: string, response: MoovResponse): RefusalAnswer {
  return { what, status: response.status, shape: bodyShape(response.text, response.json), exchange: response.exchange };
}

/** Sends the same request for what exists and for what does not, and judges that the two answers agree. */
async function comparePair(
  moov: MoovApi,
  label: string,
  operation: MoovOperationId,
  exists: [string, MoovRequest],
  absent: [string, MoovRequest],
): Promise<void> {
  // Refused on a correct target: safe to send again when weather takes an answer.
  const intent = 'outside-reach';
  const a = await moov.call(operation, { ...exists[1], repeatable: true }, intent);
  const b = await moov.call(operation, { ...absent[1], repeatable: true }, intent);
  verify(C.existenceNotLeaked, { request: label, exists: answer(exists[0], a), absent: answer(absent[0], b) }, { operation, status: a.status });
}

/** The ticket fields an undocumented method could change. */
function differences(before: Ticket, after: Ticket, live: boolean): string | undefined {
  // On a live target a read may lag the close that finished the ticket: only the title, which the
  // probes set and no one else touches, tells a change there.
  const changed = (live ? (['title'] as const) : (['title', 'status', 'body', 'updatedOn'] as const)).filter((k) => JSON.stringify(before[k as keyof Ticket]) !== JSON.stringify(after[k as keyof Ticket]));
  return changed.length === 0 ? undefined : `changed ${changed.map((k) => `${k}: ${JSON.stringify(before[k as keyof Ticket])} → ${JSON.stringify(after[k as keyof Ticket])}`).join(', ')}`;
}

test.describe('boundaries', () => {
  test('a refusal tells nothing about what exists outside reach', covers(C.existenceNotLeaked), async ({ moov }) => {
    const { partner, connected, unrelated } = moov.ids;
    const unknown = unknownIDs();
    // A ticket that exists, in the partner's account: asked for through the connected account's path.
    const { tickets } = await moov.census(partner);
    const ticket = tickets[Math.floor(tickets.length / 2)];
    test.skip(!ticket, `account ${partner} has no ticket to ask for through another account`);
    const inOther = `ticket ${ticket!.ticketID} (of ${partner})`;
    const nowhere = `ticket ${unknown.ticket} (of no account)`;
    const ticketPath = (ticketID: string) => ({ accountID: connected, ticketID });
    const partnerToken = await moov.token([`/accounts/${partner}/tickets.read`]);
    const connectedToken = await moov.token([`/accounts/${partner}/tickets.read`, `/accounts/${connected}/profile.read`]);
    const auths: Array<[string, MoovAuth | undefined]> = [['key pair', { kind: 'key' }], ['token', connectedToken]];
    for (const [how, auth] of auths) {
      if (!auth) continue;
      await comparePair(moov, `get through ${connected} (${how})`, 'getTicket', [inOther, { path: ticketPath(ticket!.ticketID), auth }], [nowhere, { path: ticketPath(unknown.ticket), auth }]);
    }
    if (moov.target.allowWrites) {
      // An empty update: even a target that wrongly serves it changes nothing.
      await comparePair(moov, `update through ${connected}`, 'updateTicket', [inOther, { path: ticketPath(ticket!.ticketID), json: {} }], [nowhere, { path: ticketPath(unknown.ticket), json: {} }]);
    }
    // An account that exists outside the partner's reach, and one that does not exist at all.
    const outside = `account ${unrelated} (outside reach)`;
    const noAccount = `account ${unknown.account} (does not exist)`;
    for (const [how, auth] of [['key pair', { kind: 'key' }], ['token', partnerToken]] as Array<[string, MoovAuth | undefined]>) {
      if (!auth) continue;
      await comparePair(moov, `list (${how})`, 'listTickets', [outside, { path: { accountID: unrelated }, auth }], [noAccount, { path: { accountID: unknown.account }, auth }]);
      await comparePair(moov, `get of an unknown ticket (${how})`, 'getTicket', [outside, { path: { accountID: unrelated, ticketID: unknown.ticket }, auth }], [noAccount, { path: { accountID: unknown.account, ticketID: unknown.ticket }, auth }]);
    }
  });

  test('undocumented methods never act', covers(C.methodInert, C.methodAnswer), async ({ moov }) => {
    const accountID = moov.ids.partner;
    const unknown = unknownIDs().ticket;
    // Against the mock, an open seeded ticket; on a live target only one this run created and closed.
    const ticketID = moov.target.kind === 'live'
      ? moov.finishedTicket(accountID) ?? unknown
      : (await moov.census(accountID)).tickets.find((t) => t.status !== 'closed')?.ticketID ?? unknown;
    const before = ticketID === unknown ? undefined : (await moov.get(accountID, ticketID)).ticket;
    const changedTitle = (method: string) => `${before?.title ?? 'conformance probe'} (${method})`;
    const ticketPath = { accountID, ticketID };
    const probes: Array<[MoovOperationId, string, MoovRequest]> = [
      ['getTicket', 'DELETE', { path: ticketPath }],
      ['getTicket', 'PUT', { path: ticketPath, json: { ...(before ?? {}), title: changedTitle('PUT'), status: 'closed' } }],
      ['getTicket', 'POST', { path: ticketPath, json: { title: changedTitle('POST'), status: 'closed' } }],
    ];
    // The list's own methods could act on every ticket of the account: only where writes are allowed.
    if (moov.target.allowWrites) probes.push(['listTickets', 'PATCH', { path: { accountID }, json: {} }], ['listTickets', 'DELETE', { path: { accountID } }]);
    const listHead = async () => (await moov.listPage(accountID, { count: 1 })).items.length;
    const headBefore = moov.target.allowWrites ? await listHead() : 0;
    for (const [operation, method, request] of probes) {
      const response = await moov.sendOnly(operation, { ...request, method, repeatable: true }, 'invalid-input');
      const documented = operation === 'getTicket' ? ['GET', 'PATCH'] : ['GET', 'POST'];
      const evidence: MethodEvidence = { method, documented, status: response.status, headers: response.headers, exchange: response.exchange };
      if (operation === 'getTicket' && before) {
        const read = await moov.call('getTicket', { path: ticketPath });
        evidence.readBack = read.exchange;
        evidence.changed = read.status !== 200 ? `ticket ${ticketID} read back ${read.status}` : differences(before, read.json as Ticket, moov.target.kind === 'live');
      } else if (operation === 'listTickets' && headBefore > 0) {
        const head = await moov.listPage(accountID, { count: 1 });
        if (head.items.length === 0) Object.assign(evidence, { changed: `the list of ${accountID} is empty afterwards`, readBack: head.exchange });
      }
      verify(C.methodInert, evidence, { operation, status: response.status });
      verify(C.methodAnswer, evidence, { operation, status: response.status });
    }
  });

  test('oversized and hostile input is refused cleanly', covers(C.oversizedInputRefused), async ({ moov }) => {
    const accountID = moov.ids.partner;
    const judge = (what: string, response: MoovResponse, operation: MoovOperationId, storedAnyway?: string) =>
      verify(C.oversizedInputRefused, { what, status: response.status, exchange: response.exchange, storedAnyway } satisfies OversizedEvidence, { operation, status: response.status });
    // Reads a correct target may serve or refuse (414, 431, 400): never a 5xx. 12,000 characters
    // stay within common request-line and header limits of the proxies in between (16 KB).
    const longQuery = await moov.sendOnly('listTickets', { path: { accountID }, query: { count: 1, filler: 'q'.repeat(12_000) }, repeatable: true }, 'invalid-input');
    judge('a 12,000-character query string', longQuery, 'listTickets');
    const longHeader = await moov.sendOnly('listTickets', { path: { accountID }, query: { count: 1 }, headers: { 'X-Conformance-Padding': 'h'.repeat(12_000) }, repeatable: true }, 'invalid-input');
    judge('a 12,000-character header', longHeader, 'listTickets');
    if (!moov.target.allowWrites) return;

    const unknown = unknownIDs().ticket;
    const update = await moov.sendOnly('updateTicket', { path: { accountID, ticketID: unknown }, json: { status: 'closed', padding: 'u'.repeat(1_000_000) }, repeatable: true }, 'invalid-input');
    judge('a 1 MB update body', update, 'updateTicket');
    // Creates a correct target refuses whatever their size: none has a contact (required).
    const prefix = moov.label('oversized');
    const creates: Array<[string, string, MoovRequest]> = [
      ['a 100,000-character title', 'title', { path: { accountID }, json: { title: `${prefix} title ${'t'.repeat(100_000)}`, body: '<p>probe</p>', foreignID: `${prefix}:title` } }],
      ['a 1 MB body', '1MB', { path: { accountID }, json: { title: `${prefix} 1MB`, body: `<p>${'b'.repeat(1_000_000)}</p>`, foreignID: `${prefix}:1MB` } }],
      ['a 10 MB body', '10MB', { path: { accountID }, json: { title: `${prefix} 10MB`, body: `<p>${'b'.repeat(10_000_000)}</p>`, foreignID: `${prefix}:10MB` } }],
      ['JSON nested 5,000 deep', 'nested', { path: { accountID }, rawBody: `{"title":"${prefix} nested","body":"<p>probe</p>","foreignID":"${prefix}:nested","author":${'['.repeat(5000)}${']'.repeat(5000)}}` }],
    ];
    const refused: Array<[string, string, MoovResponse]> = [];
    for (const [what, key, request] of creates) {
      const response = await moov.probeCreate({ ...request, repeatable: true }, 'invalid-input', 'no-server-error');
      if (!response) continue;
      if (response.status >= 400) refused.push([what, key, response]);
      else judge(what, response, 'createTicket');
    }
    if (refused.length === 0) return;
    // After a refusal nothing was created: look where the listing keeps new tickets.
    const listed = walkTickets(await moov.locate(accountID)).filter((t) => t.title.startsWith(prefix));
    for (const ticket of listed) moov.recordCreated(accountID, ticket, `${prefix}:stored-on-refusal`);
    for (const [what, key, response] of refused) judge(what, response, 'createTicket', listed.find((t) => t.title.startsWith(`${prefix} ${key}`))?.ticketID);
  });

  test('credentials in the wrong place are refused', covers(C.misplacedCredentials, C.authChallenge, C.noStackTrace, C.noInternals), async ({ moov }) => {
    const accountID = moov.ids.partner;
    const { publicKey, secretKey } = moov.target;
    const token = await moov.token([`/accounts/${accountID}/tickets.read`]);
    const none: MoovAuth = { kind: 'none' };
    const swappedPair = Buffer.from(`${secretKey}:${publicKey}`).toString('base64');
    // As secret as the pair itself: never written out.
    secrets.add(swappedPair, '$MOOV_SWAPPED_BASIC_CREDENTIALS');
    const swapped = `Basic ${swappedPair}`;
    const placements: Array<[string, MoovRequest]> = [
      ['the key pair as query parameters', { path: { accountID }, query: { count: 1, public_key: publicKey, secret_key: secretKey }, auth: none }],
      ['the key pair as cookies', { path: { accountID }, query: { count: 1 }, headers: { cookie: `public_key=${publicKey}; secret_key=${secretKey}` }, auth: none }],
      ['a Basic header with the key pair swapped', { path: { accountID }, query: { count: 1 }, auth: { kind: 'literal', header: swapped, note: 'the key pair swapped (secret key as user name)' } }],
      ...(token?.kind === 'token'
        ? ([
            ['a token in the access_token query parameter', { path: { accountID }, query: { count: 1, access_token: token.token }, auth: none }],
            ['a token as a cookie', { path: { accountID }, query: { count: 1 }, headers: { cookie: `access_token=${token.token}` }, auth: none }],
          ] as Array<[string, MoovRequest]>)
        : []),
    ];
    for (const [credentials, request] of placements) {
      // Only no 5xx besides: a 2xx here is this check's finding, not a status the contract judges.
      const response = await moov.sendOnly('listTickets', { ...request, repeatable: true }, 'invalid-input');
      verify(C.misplacedCredentials, { credentials, status: response.status, exchange: response.exchange }, { operation: 'listTickets', status: response.status });
    }
  });
});
