import fc from 'fast-check';

/** IDs that name no ticket: random uuids (the 404 case the pages document). */
export function unknownTicketId(): fc.Arbitrary<string> {
  return fc.uuid({ version: 4 });
}

/**
 * Odd IDs: unicode, punctuation, very long. A server may answer 400 or 404 (the pages do not say
 * ticket IDs have a format); never 2xx, never 5xx. Dot segments and slashes are left out: URL
 * normalisation would turn them into other routes.
 */
export function oddTicketId(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.stringMatching(/^[a-z0-9]{150,200}$/),
    fc.constantFrom('ticket-ü-日本', 'DROP TABLE tickets', "' OR 1=1 --", '%00', '{ticketID}', 'null', '0', '-1', '🎫'),
    fc.stringMatching(/^[A-Za-z0-9_~-]{1,40}$/).filter((s) => !/^[0-9a-f-]{36}$/.test(s)),
  );
}
