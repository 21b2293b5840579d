import { expect, test } from '@playwright/test';
import { curlFor, redactExchange } from '../../lib/http/exchange';
import { reproduceCommand } from '../../lib/http/reproduce';
import { mintCommand } from '../../lib/moov/client';
import { redactHeaders, secrets } from '../../lib/redaction/secrets';

test.describe('redaction', () => {
  test('secrets become shell references in headers, bodies and URLs; curl commands keep working', () => {
    secrets.add('canary-secret-value-123', '$MOOV_SECRET_KEY');
    secrets.add('canary-token-456', '$MOOV_TOKEN');
    const exchange = redactExchange({
      api: 'moov',
      operation: 'getTicket',
      method: 'GET',
      url: 'http://127.0.0.1:1/accounts/a/tickets/b?x=canary-secret-value-123',
      requestHeaders: { authorization: 'Bearer canary-token-456', 'x-moov-version': 'v2024.01.00' },
      auth: { kind: 'token', scopes: ['/accounts/a/tickets.read'], tokenRef: '$MOOV_TOKEN', mint: mintCommand('http://127.0.0.1:1', ['/accounts/a/tickets.read']) },
      status: 200,
      responseHeaders: { 'x-echo': 'canary-token-456' },
      responseBody: '{"access_token":"canary-token-456"}',
      durationMs: 1,
      startedAt: new Date(0).toISOString(),
    });
    const everything = JSON.stringify(exchange) + reproduceCommand(exchange) + curlFor(exchange);
    expect(everything).not.toContain('canary-secret-value-123');
    expect(everything).not.toContain('canary-token-456');
    expect(exchange.requestHeaders.authorization).toBe('Bearer [redacted]');
    expect(reproduceCommand(exchange)).toContain(`MOOV_TOKEN=$(curl -sS -u "$MOOV_PUBLIC_KEY:$MOOV_SECRET_KEY" -d grant_type=client_credentials --data-urlencode 'scope=/accounts/a/tickets.read' http://127.0.0.1:1/oauth2/token`);
    expect(reproduceCommand(exchange)).toContain('"Authorization: Bearer $MOOV_TOKEN"');
  });

  test('Basic credentials are never written, whatever the header case', () => {
    expect(redactHeaders({ Authorization: 'Basic dXNlcjpwYXNz', Cookie: 'a=b' })).toEqual({ Authorization: 'Basic [redacted]', Cookie: '[redacted]' });
  });
});

test('credentials taken from environment variables stay shell references the shell expands', () => {
  const exchange = redactExchange({
    api: 'teamwork-desk',
    operation: 'listTickets',
    method: 'GET',
    url: 'http://127.0.0.1:1/desk/api/v2/tickets.json',
    requestHeaders: {},
    auth: { kind: 'reference', curlArgs: ['-H', '"Authorization: Bearer $TEAMWORK_DESK_API_KEY"'], note: 'API key (Bearer)' },
    status: 200,
    responseHeaders: {},
    responseBody: '{}',
    durationMs: 1,
    startedAt: new Date(0).toISOString(),
  });
  expect(curlFor(exchange)).toContain(`-H "Authorization: Bearer $TEAMWORK_DESK_API_KEY"`);
});
