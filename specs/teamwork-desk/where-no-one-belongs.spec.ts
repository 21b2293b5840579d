import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import type { MethodEvidence } from '../../checks/security/boundaryChecks';
import { verify } from '../../checks/verify';
import { flag } from '../../lib/config/configError';
import type { TeamworkDeskAuth, TeamworkDeskRequest } from '../../lib/teamworkDesk/client';
import { secrets } from '../../lib/redaction/secrets';
import { covers } from '../support/outcomes';
import { test } from './support/fixtures';

const SCOPE = { operation: 'listTickets' } as const;

test.describe('boundaries', () => {
  test('undocumented methods on the list never act', covers(C.methodInert, C.methodAnswer), async ({ teamworkDesk }) => {
    // A faulty server could act on a DELETE of the list: sent only where writes are allowed.
    test.skip(teamworkDesk.target.kind === 'live' && !flag(process.env, 'ALLOW_WRITES'), 'writes are off: undocumented methods are only sent to a live site with ALLOW_WRITES=true');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const body = method === 'DELETE' ? undefined : '{}';
      const response = await teamworkDesk.probe({ query: { pageSize: 1 }, method, body });
      const evidence: MethodEvidence = { method, documented: ['GET'], status: response.status, headers: response.headers, exchange: response.exchange };
      verify(C.methodInert, evidence, { ...SCOPE, status: response.status });
      verify(C.methodAnswer, evidence, { ...SCOPE, status: response.status });
    }
  });

  test('the API key in the wrong place is refused', covers(C.misplacedCredentials, C.authChallenge, C.noStackTrace, C.noInternals), async ({ teamworkDesk }) => {
    const key = teamworkDesk.target.apiKey;
    const none: TeamworkDeskAuth = { kind: 'none' };
    const basic = Buffer.from(`conformance:${key}`).toString('base64');
    // Built from the key: as secret as the key, never written out.
    secrets.add(basic, '$TEAMWORK_DESK_KEY_AS_PASSWORD');
    const placements: Array<[string, TeamworkDeskRequest]> = [
      ['the API key as the apiKey query parameter', { query: { pageSize: 1, apiKey: key }, auth: none }],
      ['the API key as the api_key query parameter', { query: { pageSize: 1, api_key: key }, auth: none }],
      ['the API key as the access_token query parameter', { query: { pageSize: 1, access_token: key }, auth: none }],
      ['the API key as a cookie', { query: { pageSize: 1 }, headers: { cookie: `apiKey=${key}; access_token=${key}` }, auth: none }],
      ['the API key as the Basic password, another user name', { query: { pageSize: 1 }, auth: { kind: 'literal', header: `Basic ${basic}`, note: 'the API key as Basic password (user "conformance")' } }],
    ];
    for (const [credentials, request] of placements) {
      const response = await teamworkDesk.probe(request);
      verify(C.misplacedCredentials, { credentials, status: response.status, exchange: response.exchange }, { ...SCOPE, status: response.status });
    }
  });
});
