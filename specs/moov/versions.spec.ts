import { moovChecks as C } from '../../checks/moov';
import { verify } from '../../checks/verify';
import { moovContract } from '../../lib/contract/moov';
import { covers } from '../support/outcomes';
import { test } from './support/fixtures';

test.describe('X-Moov-Version', () => {
  test('requests without the header use the default version', covers(C.versionHeaderOptional), async ({ moov }) => {
    const page = await moov.call('listTickets', { path: { accountID: moov.ids.partner }, query: { count: 1 }, version: null });
    verify(C.versionHeaderOptional, { ...page, intent: 'valid' }, { operation: 'listTickets', status: page.status });
    const first = (page.json as { items?: Array<{ ticketID: string }> }).items?.[0];
    test.skip(!first, 'the partner account has no ticket to retrieve');
    const get = await moov.call('getTicket', { path: { accountID: moov.ids.partner, ticketID: first!.ticketID }, version: null });
    verify(C.versionHeaderOptional, { ...get, intent: 'valid' }, { operation: 'getTicket', status: get.status });
  });

  test('requests with the configured version are served', covers(C.configuredVersionServed), async ({ moov }) => {
    // The ticket to read is found without the header, so only the versioned requests are judged here.
    const setup = await moov.call('listTickets', { path: { accountID: moov.ids.partner }, query: { count: 1 }, version: null });
    const ticketID = (setup.json as { items?: Array<{ ticketID: string }> } | undefined)?.items?.[0]?.ticketID ?? 'none';
    for (const operation of ['listTickets', 'getTicket'] as const) {
      // MOOV_API_VERSION (or this project's version); else the version the operation's page documents.
      const version = moov.target.apiVersion ?? moovContract().operation(operation).documentedVersion;
      test.skip(version === undefined, 'no version configured and none documented');
      const response = await moov.call(operation, { path: { accountID: moov.ids.partner, ticketID }, query: operation === 'listTickets' ? { count: 1 } : {}, version });
      verify(C.configuredVersionServed, { ...response, intent: 'valid', version }, { operation, status: response.status });
    }
  });

  test('every documented X-Moov-Version value is served, on every account', covers(C.documentedVersionServed), async ({ moov }) => {
    for (const accountID of [moov.ids.partner, moov.ids.connected]) {
      const ticketID = (await moov.census(accountID)).tickets[0]?.ticketID;
      for (const operation of ['listTickets', 'getTicket'] as const) {
        if (operation === 'getTicket' && ticketID === undefined) continue;
        for (const version of documentedVersions()) {
          const request = { path: { accountID, ticketID: ticketID ?? '' }, query: operation === 'listTickets' ? { count: 1 } : {}, version };
          // `latest` "may include breaking changes": only its status is judged, not its body.
          const response = version === 'latest' ? await moov.sendOnly(operation, request) : await moov.call(operation, request);
          verify(C.documentedVersionServed, { ...response, intent: 'valid', version }, { operation, status: response.status });
        }
      }
    }
  });
});

/** The X-Moov-Version values the contract names: the header's examples and each operation's documented version. */
function documentedVersions(): string[] {
  const contract = moovContract();
  const header = contract.operation('listTickets').parameters.find((p) => p.name.toLowerCase() === 'x-moov-version');
  const examples = Array.isArray(header?.schema.examples) ? header.schema.examples.filter((v): v is string => typeof v === 'string') : [];
  const perOperation = contract.operations().flatMap((op) => (op.documentedVersion ? [op.documentedVersion] : []));
  return [...new Set([...examples, ...perOperation])];
}
