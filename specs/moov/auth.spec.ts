import { moovChecks as C } from '../../checks/moov';
import type { CredentialEvidence } from '../../checks/moov/unauthenticatedRefused';
import { verify } from '../../checks/verify';
import type { MoovOperationId } from '../../lib/contract/moov';
import type { MoovAuth, MoovRequest } from '../../lib/moov/client';
import { covers } from '../support/outcomes';
import type { MoovApi } from './support/api';
import { test } from './support/fixtures';

const WRITES: ReadonlySet<MoovOperationId> = new Set(['createTicket', 'updateTicket']);

/** A request per ticket operation; writes carry a labelled body (refused before any write on a correct target). */
async function requests(moov: MoovApi): Promise<Array<[MoovOperationId, MoovRequest]>> {
  const accountID = moov.ids.partner;
  const ticketID = (await moov.listPage(accountID, { count: 1 })).items[0]?.ticketID ?? '00000000-0000-4000-8000-000000000000';
  const all: Array<[MoovOperationId, MoovRequest]> = [
    ['listTickets', { path: { accountID } }],
    ['getTicket', { path: { accountID, ticketID } }],
    ['createTicket', { path: { accountID }, json: { title: 'auth probe', body: '<p>auth probe</p>', contact: { email: 'probe@example.com' }, foreignID: moov.label('auth') } }],
    // An empty update: even a target that wrongly accepts it changes nothing.
    ['updateTicket', { path: { accountID, ticketID }, json: {} }],
  ];
  return moov.target.allowWrites ? all : all.filter(([op]) => !WRITES.has(op));
}

const tokenForm = (scope: string) => new URLSearchParams({ grant_type: 'client_credentials', scope }).toString();

function badCredentials(moov: MoovApi): Array<[MoovAuth, string, readonly number[]]> {
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return [
    [{ kind: 'literal', header: basic(moov.target.publicKey, 'wrong-secret-key'), note: 'the public key with a wrong secret key' }, 'wrong secret key', [401]],
    [{ kind: 'literal', header: basic('unknown-public-key', 'unknown-secret-key'), note: 'an unknown key pair' }, 'unknown key pair', [401]],
    [{ kind: 'literal', header: 'Bearer not-a-token-issued-by-this-server', note: 'a made-up bearer token' }, 'made-up bearer token', [401]],
    [{ kind: 'literal', header: 'Basic !!!not-base64!!!', note: 'a malformed Basic credential' }, 'malformed Basic credential', [400, 401]],
    [{ kind: 'literal', header: 'Token abc123', note: 'an unknown authentication scheme' }, 'unknown scheme', [400, 401]],
  ];
}

async function judge(moov: MoovApi, check: typeof C.missingCredentialsRefused, operation: MoovOperationId, sent: MoovRequest, credentials: string, refusals: readonly number[] = [401]): Promise<void> {
  const intent = refusals.includes(400) ? 'invalid-input' : 'valid';
  // Refused on a correct target, so safe to send again when weather takes its answer.
  const request: MoovRequest = { ...sent, repeatable: true };
  // A create is a refusal probe: a target that wrongly accepts it creates a ticket from the stray reserve.
  const response = operation === 'createTicket'
    ? await moov.probeCreate({ ...request, json: { ...(request.json as object), foreignID: moov.label('auth') } }, intent)
    : await moov.call(operation, request, intent);
  if (!response) return;
  const evidence: CredentialEvidence = { ...response, intent: 'valid', credentials, refusals };
  verify(check, evidence, { operation, status: response.status });
}

test.describe('authentication', () => {
  test('requests without credentials are a 401', covers(C.missingCredentialsRefused), async ({ moov }) => {
    for (const [operation, request] of await requests(moov)) {
      await judge(moov, C.missingCredentialsRefused, operation, { ...request, auth: { kind: 'none' } }, 'no Authorization header');
    }
    const token = { path: {}, rawBody: tokenForm(`/accounts/${moov.ids.partner}/tickets.read`), contentType: 'application/x-www-form-urlencoded', auth: { kind: 'none' }, version: null } as const;
    // RFC 6749 §5.2 lets a token endpoint answer a request without client authentication 400 invalid_client.
    await judge(moov, C.missingCredentialsRefused, 'createAccessToken', token, 'no client credentials', [400, 401]);
  });

  test('invalid credentials are a 401', covers(C.invalidCredentialsRefused), async ({ moov }) => {
    for (const [operation, request] of await requests(moov)) {
      for (const [auth, credentials, refusals] of badCredentials(moov)) {
        await judge(moov, C.invalidCredentialsRefused, operation, { ...request, auth }, credentials, refusals);
      }
    }
    for (const [auth, credentials] of badCredentials(moov).slice(0, 2)) {
      const token = { path: {}, rawBody: tokenForm(`/accounts/${moov.ids.partner}/tickets.read`), contentType: 'application/x-www-form-urlencoded', auth, version: null };
      await judge(moov, C.invalidCredentialsRefused, 'createAccessToken', token, credentials);
    }
  });
});
