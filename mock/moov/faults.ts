/**
 * Named deviations from the contract, switched on with MOCK_FAULTS=name,name for the suite's
 * self-test. Each one breaks exactly one documented promise; the self-test proves the `moov`
 * project notices every one of them.
 */
export const FAULTS = {
  // Response schemas
  'number-as-string': { family: 'schema', breaks: 'Ticket.number is an integer; it is sent as a string' },
  'status-outside-enum': { family: 'schema', breaks: 'Ticket.status is one of new, in-progress, on-hold, closed; in-progress is sent as in_progress' },
  'missing-updatedOn': { family: 'schema', breaks: 'Ticket.updatedOn is required; it is omitted' },
  'date-without-timezone': { family: 'schema', breaks: 'createdOn is an RFC 3339 date-time; it is sent without an offset' },
  'next-page-without-cursor': { family: 'schema', breaks: 'nextPage.cursor is required; nextPage is sent empty' },
  // Headers
  'no-request-id-on-errors': { family: 'headers', breaks: 'x-request-id is required on every response; 4xx responses omit it' },
  'request-id-not-uuid': { family: 'headers', breaks: 'x-request-id is a uuid; a counter is sent' },
  'request-id-repeats': { family: 'headers', breaks: 'x-request-id identifies one request; every response carries the same one' },
  'json-as-text': { family: 'headers', breaks: 'bodies are application/json; they are labelled text/plain' },
  // Pagination
  'page-overlap': { family: 'pagination', breaks: 'a cursor walk lists each ticket once; pages overlap by one ticket' },
  'page-gap': { family: 'pagination', breaks: 'a cursor walk lists every ticket; one ticket is skipped at each page boundary' },
  'next-page-on-last-page': { family: 'pagination', breaks: 'nextPage is omitted when there are no more pages; the last page has one' },
  'count-off-by-one': { family: 'pagination', breaks: 'count bounds the page; one ticket more is returned' },
  'default-count-10': { family: 'pagination', breaks: 'count defaults to 200; it defaults to 10' },
  'status-filter-ignored': { family: 'pagination', breaks: 'status filters the list; it is ignored' },
  'status-filter-ignored-on-connected': { family: 'pagination', breaks: "status filters every account's list; the connected account's list ignores it" },
  'bad-cursor-500': { family: 'pagination', breaks: 'a cursor the server never issued is invalid input (4xx); it is a 500' },
  'bad-cursor-first-page': { family: 'pagination', breaks: 'a cursor the server never issued is invalid input (4xx); the first page is served instead' },
  'cursor-carries-account': { family: 'pagination', breaks: "a cursor is a position in one account's list; it names its account and serves that account's tickets on any account's path" },
  'cursor-keeps-filter': { family: 'pagination', breaks: 'status filters the list; a cursor carries the status it was issued under and overrides the one asked for' },
  'status-filter-deep-gap': { family: 'pagination', breaks: 'status filters the list; past its 300th match the filtered listing skips every fourth ticket (only a large account shows it)' },
  'status-filter-stale': { family: 'pagination', breaks: 'status filters by the current status; tickets closed through the API are filtered by their old one' },
  // Auth and scopes
  'missing-auth-accepted': { family: 'auth', breaks: 'missing authentication is a 401; requests without credentials are served' },
  'wrong-secret-accepted': { family: 'auth', breaks: 'invalid authentication is a 401; any secret key is accepted' },
  'read-scope-can-write': { family: 'scopes', breaks: 'create and update need tickets.write; tickets.read is enough' },
  'profile-scope-not-required': { family: 'scopes', breaks: "another account's tickets need profile.read; the partner scope alone is enough" },
  'any-profile-scope-accepted': { family: 'scopes', breaks: "another account's tickets need that account's profile.read; any account's profile.read is enough" },
  'unrelated-account-reachable': { family: 'scopes', breaks: "an account outside the partner's reach is refused; it is served" },
  'partner-form-refused': { family: 'scopes', breaks: "the partner's tickets scope with the account's profile.read is enough; it is refused" },
  'filtered-list-past-reach': { family: 'scopes', breaks: "an account outside the partner's reach is refused; its list is served when filtered by status" },
  'refused-update-applied': { family: 'scopes', breaks: 'an update without its scope is refused and changes nothing; it answers 403 and closes the ticket all the same' },
  'list-scope-ignored': { family: 'scopes', breaks: 'listing needs tickets.read; any valid token lists' },
  // Error codes
  'missing-field-accepted': { family: 'errors', breaks: 'title is required; a create without it succeeds' },
  'wrong-type-500': { family: 'errors', breaks: 'invalid input is a 4xx; a field of the wrong type is a 500' },
  'malformed-json-500': { family: 'errors', breaks: 'malformed JSON is a 400; it is a 500' },
  'unknown-ticket-400': { family: 'errors', breaks: 'an unknown ticket is a 404; it is a 400' },
  'update-any-status': { family: 'errors', breaks: 'status can only be set to closed; any status is accepted' },
  'malformed-json-404': { family: 'errors', breaks: 'malformed JSON is a 400 (invalid syntax); it is a 404' },
  'unnamed-422': { family: 'errors', breaks: "a 422 names each offending field; it names none" },
  // State
  'create-not-persisted': { family: 'state', breaks: 'a created ticket can be retrieved; it is not stored' },
  'close-response-stale': { family: 'state', breaks: 'closing answers the closed ticket; it answers the ticket as it was (the close is stored)' },
  'empty-update-drops-foreignID': { family: 'state', breaks: 'an empty update changes nothing; it drops foreignID' },
  'empty-update-closes': { family: 'state', breaks: 'an empty update changes nothing; a PATCH without a status ({}, no body, status null) closes the ticket' },
  'close-not-persisted': { family: 'state', breaks: 'closing a ticket closes it; the change is not stored' },
  'cross-account-ticket-visible': { family: 'state', breaks: "a ticket belongs to one account; any account's path serves it" },
  'title-html-escaped': { family: 'state', breaks: 'a ticket keeps the title it was given; HTML characters are escaped' },
  'closedOn-before-createdOn': { family: 'state', breaks: 'a ticket is closed after it was created; closing sets closedOn a day before createdOn' },
  'close-updatedOn-earlier': { family: 'state', breaks: 'closing a ticket updates it; updatedOn is left a second before closedOn' },
  'deep-ticket-read-stale': { family: 'state', breaks: 'a ticket read by ID is the ticket listed; seeded tickets past the 300th of an account are read with an old title (only a large account shows it)' },
  'created-ticket-not-listed': { family: 'state', breaks: 'the list holds every ticket of the account; created ones are missing' },
  // Versions
  'version-header-refused-on-reads': { family: 'versions', breaks: 'list and get serve the documented X-Moov-Version; they refuse any version header (403)' },
  'latest-version-refused': { family: 'versions', breaks: 'X-Moov-Version latest is a documented value; it is refused with a 400' },
  'version-header-required': { family: 'versions', breaks: 'X-Moov-Version is optional; requests without it are refused' },
  // Implied semantics: advisory checks catch these, failing the run only with CONFORMANCE_STRICT=true
  'closed-without-closedOn': { family: 'semantics', breaks: 'a closed ticket has closedOn (implied); it is never set' },
  'updated-before-created': { family: 'semantics', breaks: 'updatedOn is not before createdOn (implied); it is a day earlier' },
  // Boundaries: what a caller outside reach, with an undocumented method or oversized input can learn or do
  'existence-leak': { family: 'boundaries', breaks: "a refusal tells nothing about what exists; a ticket of another account is a 403, an unknown one a 404" },
  'delete-answers-204': { family: 'boundaries', breaks: 'undocumented methods never succeed; DELETE on a ticket answers 204' },
  'refused-create-stored': { family: 'boundaries', breaks: 'a refused create creates nothing; one with a title over 10,000 characters is refused and stored all the same' },
  'stack-trace-in-errors': { family: 'boundaries', breaks: 'error answers give nothing away; their messages end with a stack trace' },
  'token-in-query-accepted': { family: 'boundaries', breaks: 'credentials travel in Authorization; a token in the access_token query parameter is accepted' },
  'method-405-without-allow': { family: 'boundaries', breaks: 'a 405 names the allowed methods (RFC 9110, advisory); it has no Allow header' },
  'internals-in-errors': { family: 'boundaries', breaks: 'error answers give nothing away (advisory); they carry X-Powered-By and an internal host name' },
  'no-www-authenticate': { family: 'boundaries', breaks: 'a 401 carries WWW-Authenticate (RFC 9110, advisory); it does not' },
  // Parallel use: requests in flight at once (a sequential client never meets these)
  'parallel-create-overwrites': { family: 'parallel', breaks: 'every created ticket persists; creates in flight at once on one account share one ticketID, the last one stored wins' },
  'parallel-close-500': { family: 'parallel', breaks: 'an update is answered as documented; a second update of a ticket while another is in flight is a 500' },
  'parallel-read-same-request-id': { family: 'parallel', breaks: 'x-request-id identifies one request; reads in flight at once share the first one\'s id' },
  // Values stored exactly
  'long-title-truncated': { family: 'values', breaks: 'a ticket keeps the title it was given; titles over 1,000 characters are cut to 1,000' },
  'email-lowercased': { family: 'values', breaks: 'a ticket keeps the contact it was given; the e-mail address is stored lower-cased' },
  'title-trimmed': { family: 'values', breaks: 'a ticket keeps the title it was given; leading and trailing spaces are stripped' },
  'list-title-shortened': { family: 'values', breaks: 'a listed ticket shows the title it was given; list items show titles over 200 characters cut to 200' },
  // Writes touch only their target
  'create-touches-previous': { family: 'neighbours', breaks: "a create changes only the new ticket; it also bumps updatedOn of the account's previous ticket" },
  'close-closes-neighbour': { family: 'neighbours', breaks: 'closing a ticket changes only that ticket; the open ticket numbered just before it in the account is closed too' },
} as const satisfies Record<string, { family: string; breaks: string }>;

export type FaultName = keyof typeof FAULTS;
export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

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
