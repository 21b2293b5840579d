import { moovChecks as C } from '../../checks/moov';
import { verify } from '../../checks/verify';
import { parameterProbes, type ParameterProbe } from '../../generators/parameterProbes';
import { listStatuses } from '../../generators/moov/paginationPlan';
import { moovContract, type MoovOperationId } from '../../lib/contract/moov';
import type { Ticket, TicketStatus } from '../../lib/contract/moov.types';
import type { MoovRequest, MoovResponse } from '../../lib/moov/client';
import { covers } from '../support/outcomes';
import type { MoovApi } from './support/api';
import { test } from './support/fixtures';

const contract = moovContract();
const probesOf = (operation: MoovOperationId) => parameterProbes(contract.operation(operation).parameters, (schema) => contract.parameterSchema(schema));

function withProbe(request: MoovRequest, probe: ParameterProbe): MoovRequest {
  if (probe.in === 'header') return { ...request, headers: { [probe.parameter]: String(probe.value) } };
  return { ...request, query: { ...request.query, [probe.parameter]: probe.value } };
}

/** A probe's answer: a 4xx for invalid values, a 4xx expected (advisory) for doubtful ones; the response checks for all. */
function judge(probe: ParameterProbe, response: MoovResponse, operation: MoovOperationId): void {
  const scope = { operation, status: response.status };
  if (probe.kind === 'invalid') verify(C.invalidInputRefused, { ...response, intent: 'invalid-input', mutation: probe.what }, scope);
  if (probe.kind === 'doubtful') verify(C.doubtfulInputRefused, { ...response, intent: 'invalid-input', input: probe.what }, scope);
}

/** The cursor of a one-ticket page's next page, when the listing has a second ticket. */
async function nextCursor(moov: MoovApi, accountID: string, status?: TicketStatus): Promise<string | undefined> {
  return (await moov.listPage(accountID, { count: 1, status })).nextCursor;
}

test.describe('parameters and headers', () => {
  test('every documented parameter and header: invalid and boundary values are refused, never a 5xx, on every account', covers(C.invalidInputRefused, C.doubtfulInputRefused), async ({ moov }) => {
    for (const accountID of [moov.ids.partner, moov.ids.connected]) {
      for (const probe of probesOf('listTickets')) {
        await test.step(`listTickets ${probe.what} on ${accountID}`, async () => {
          const response = await moov.call('listTickets', withProbe({ path: { accountID }, query: { count: 1 } }, probe), 'invalid-input');
          judge(probe, response, 'listTickets');
        });
      }
      // getTicket's own parameters (its path ones have generators of their own), on a ticket that exists.
      const ticketID = (await moov.census(accountID)).tickets[0]?.ticketID;
      if (ticketID === undefined) continue;
      for (const probe of probesOf('getTicket')) {
        const response = await moov.call('getTicket', withProbe({ path: { accountID, ticketID } }, probe), 'invalid-input');
        judge(probe, response, 'getTicket');
      }
    }
  });

  test('cursors not issued for the request: refused, or served without crossing accounts or filters', covers(C.foreignCursorContained, C.statusFilterOnly), async ({ moov }) => {
    const accounts = [moov.ids.partner, moov.ids.connected] as const;
    for (const [issuer, user] of [accounts, [...accounts].reverse()] as const) {
      const cursor = await nextCursor(moov, issuer);
      if (cursor === undefined) continue; // a one-ticket listing issues no cursor
      // Truncated: it may still decode to a position (a 2xx) or not (a 4xx); never a 5xx, and a 2xx conforms.
      for (const truncated of [cursor.slice(0, -1), cursor.slice(0, Math.ceil(cursor.length / 2))]) {
        await moov.call('listTickets', { path: { accountID: issuer }, query: { count: 1, cursor: truncated } }, 'invalid-input');
      }
      // Another account's cursor: refused, or read as a position in this account's listing; never a window onto the other.
      const issuerTickets = new Set((await moov.census(issuer)).tickets.map((t) => t.ticketID));
      for (const t of (await moov.census(user)).tickets) issuerTickets.delete(t.ticketID);
      const crossed = await moov.call('listTickets', { path: { accountID: user }, query: { count: 50, cursor } }, 'invalid-input');
      verify(C.foreignCursorContained, { ...crossed, intent: 'invalid-input', issuedFor: issuer, usedOn: user, foreignTicketIDs: issuerTickets }, { operation: 'listTickets', status: crossed.status });
    }
    // A cursor issued under one status filter, sent with another: refused, or only tickets of the status asked for.
    for (const accountID of accounts) {
      for (const issuedUnder of listStatuses()) {
        const cursor = await nextCursor(moov, accountID, issuedUnder);
        if (cursor === undefined) continue;
        const other = listStatuses().find((s) => s !== issuedUnder)!;
        const response = await moov.call('listTickets', { path: { accountID }, query: { count: 50, status: other, cursor } }, 'invalid-input');
        if (response.status >= 200 && response.status < 300) {
          const items = (response.json as { items: Ticket[] }).items;
          verify(C.statusFilterOnly, { accountID, status: other, complete: false, pages: [{ status: other, items, exchange: response.exchange }] }, { operation: 'listTickets', status: response.status });
        }
        break; // one status that issues a cursor is enough per account
      }
    }
  });
});
