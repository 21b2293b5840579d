/**
 * Correct behaviours where the docs are silent. Each variant is another reasonable reading of
 * the pages; the self-test proves the `moov` project passes on every one (MOCK_VARIANTS=...).
 */
export const VARIANTS = {
  'type-mismatch-400': 'a field of the wrong JSON type is a 400 {error} instead of a 422',
  'unreachable-404': "an account outside the partner's reach is a 404 instead of a 403",
  'close-closed-409': 'closing a closed ticket is a 409 {error} instead of an idempotent 200',
  'max-count-200': 'a count above 200 (the documented default) is served as 200',
  'count-over-200-refused': 'a count above 200 (the documented default) is refused with a 400',
  'count-over-200-422': 'a count above 200 (the documented default) is refused with a 422 (a malformed count is still a 400)',
  'newest-first': 'tickets are listed newest first',
  'empty-update-422': 'an empty update is refused with a 422 instead of returning the ticket unchanged',
  'lenient-strings': 'blank titles and addresses that do not look like e-mail are accepted',
  'extra-fields': 'tickets carry undocumented extra properties',
  'invalid-query-422': 'a malformed count or status filter is a 422 instead of a 400',
  'contact-key-order': 'contact comes back as {name, email} (JSONB key order) instead of {email, name}',
  'list-omits-foreignID': 'list items leave out foreignID (seed 000 does not document it on list items)',
  'token-400-without-credentials': 'the token endpoint answers a request without client credentials 400 invalid_client (RFC 6749 §5.2)',
  'empty-status-as-absent': 'an update with status "" is read as no status at all (typed JSON decoding), an empty update',
  'validate-before-authorize': 'request bodies are validated before scopes are checked (a 422 can come before a 403)',
  'lenient-count': 'count is read with parseInt semantics (2.5 is 2, huge values saturate at 200)',
  'strict-token-scopes': 'a token cannot be minted for an account outside the partner\'s reach (403)',
  'duplicate-foreignID-409': 'a create with a foreignID another ticket of the account carries is a 409 {error} instead of a second ticket',
  'latestMessageOn-absent': 'a created ticket has no latestMessageOn until a message is added (instead of createdOn, its body being the first message)',
  'global-ticket-numbers': 'ticket numbers are one sequence across accounts instead of one per account',
  'content-type-without-charset': 'JSON answers are sent as application/json, without the charset parameter',
} as const;

export type VariantName = keyof typeof VARIANTS;
export const VARIANT_NAMES = Object.keys(VARIANTS) as VariantName[];
