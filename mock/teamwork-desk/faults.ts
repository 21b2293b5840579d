/**
 * Named deviations from the contract, switched on with TEAMWORK_DESK_MOCK_FAULTS=name,name for
 * the suite's self-test. Each breaks exactly one documented promise; the self-test proves the
 * `teamwork-desk` project notices every one. (Not MOCK_FAULTS: global setup starts the Moov mock
 * too, and each mock refuses names it does not know.)
 */
export const FAULTS = {
  // Response schema
  'id-as-string': { family: 'schema', breaks: 'a ticket id is an integer; it is sent as a string' },
  'timestamp-without-offset': { family: 'schema', breaks: 'createdAt is an RFC 3339 date-time; it is sent without an offset' },
  'reference-without-type': { family: 'schema', breaks: 'a relationship is a reference {id, type}; type is left out' },
  'pagination-records-missing': { family: 'schema', breaks: 'pagination carries records; it is left out' },
  // Pagination
  'pages-rounded-down': { family: 'pagination', breaks: 'pages follows from records and pageSize; it is rounded down' },
  'has-more-on-last-page': { family: 'pagination', breaks: 'hasMorePages is true exactly when a later page exists; the last page says true' },
  'bad-page-served': { family: 'pagination', breaks: 'page is a 1-based integer; a value that is none (abc, 0) is served as page 1' },
  'page-size-ignored': { family: 'pagination', breaks: 'pageSize sizes the page; it is ignored' },
  'page-overlap': { family: 'pagination', breaks: 'a walk lists each ticket once; every page after the first starts one ticket early' },
  'records-counts-page': { family: 'pagination', breaks: 'records is the number of matches; it counts the tickets on the page' },
  'last-page-short': { family: 'pagination', breaks: 'a walk yields records tickets; the last page drops its final ticket' },
  // Filtering
  'ne-as-eq': { family: 'filtering', breaks: '$ne keeps tickets that differ; it keeps the equal ones' },
  'lte-as-lt': { family: 'filtering', breaks: '$lte keeps the equal value; it does not' },
  'or-as-and': { family: 'filtering', breaks: '$or needs one branch to hold; it needs all of them' },
  'nested-logic-ignored': { family: 'filtering', breaks: '$and and $or nest; a nested one matches everything' },
  'in-first-only': { family: 'filtering', breaks: '$in matches any listed value; only the first counts' },
  'relationship-filter-ignored': { family: 'filtering', breaks: 'relationship fields filter by the related id; such conditions are ignored' },
  'instants-compared-as-text': { family: 'filtering', breaks: 'date-times compare as instants; they compare as text, so another offset misleads' },
  // Ordering
  'order-mode-ignored': { family: 'ordering', breaks: 'orderMode desc reverses the order; it is ignored' },
  'order-within-page-only': { family: 'ordering', breaks: 'orderBy orders the whole list; only each page is sorted' },
  'numbers-ordered-as-text': { family: 'ordering', breaks: 'numeric fields order by value; they order as text ("100" before "20")' },
  'dotted-order-ignored': { family: 'ordering', breaks: 'a dotted orderBy orders by the related record (customers.id by the customer); it is accepted and ignored' },
  'order-dropped-with-filter': { family: 'ordering', breaks: 'orderBy orders the filtered list too; with a filter the default order is used' },
  'large-ids-reversed-without-mode': { family: 'ordering', breaks: 'orderBy=id without orderMode lists tickets in one direction; tickets with ids from 15,000 on (only a large site\'s) come in the other' },
  // Includes
  'included-drops-record': { family: 'includes', breaks: 'every reference resolves in included; the last record of each type is missing' },
  'included-singular-keys': { family: 'includes', breaks: 'included is keyed by the plural type name; it uses a singular' },
  'included-first-type-only': { family: 'includes', breaks: 'every requested type comes back; only the first does' },
  // Errors
  'unknown-filter-field-ignored': { family: 'errors', breaks: 'an unknown filter field is a 400; it is ignored' },
  'nested-unknown-field-ignored': { family: 'errors', breaks: 'an unknown filter field is a 400 wherever it is; inside $and/$or it is ignored' },
  'invalid-filter-json-500': { family: 'errors', breaks: 'invalid filter JSON is a 400; it is a 500' },
  'unknown-order-by-ignored': { family: 'errors', breaks: 'an unknown orderBy value is a 400; the default order is used' },
  'validator-wrong-key': { family: 'errors', breaks: 'the Validator body has one key per offending parameter; it uses "request"' },
  'validator-messages-as-string': { family: 'errors', breaks: 'each Validator key holds a list of messages; it holds one string' },
  // Auth
  'missing-key-accepted': { family: 'auth', breaks: 'missing credentials are a 401; the request is served' },
  'any-bearer-accepted': { family: 'auth', breaks: 'a wrong key is a 401; any bearer token is accepted' },
  'basic-auth-refused': { family: 'auth', breaks: 'HTTP Basic with the key as user name authenticates; it is refused' },
  // Status and media type
  'answers-203': { family: 'http', breaks: 'the list answers 200 OK; it answers 203' },
  'json-as-text': { family: 'http', breaks: 'TicketsAPIBody is JSON; it is labelled text/plain' },
  'valid-filter-refused': { family: 'http', breaks: 'a valid filter is served; it is refused with a 400' },
  // Operators on every operand shape
  'lte-excludes-equal-instant': { family: 'operators', breaks: '$lte keeps a date-time equal to its operand; on date-time fields it leaves it out' },
  'null-operand-ignored': { family: 'operators', breaks: 'a condition comparing with null ({"agent": null}, $eq/$ne null) holds for the tickets the comparison picks; it is dropped, so every ticket passes it' },
  'nin-one-value-ignored': { family: 'operators', breaks: '$nin leaves out every listed value; a list of one value is ignored' },
  // Boundaries
  'any-method-served': { family: 'boundaries', breaks: 'the list is read-only (GET); any method is served as the list' },
  'key-in-query-accepted': { family: 'boundaries', breaks: 'the key travels in Authorization; ?apiKey= is accepted' },
  'stack-trace-in-errors': { family: 'boundaries', breaks: 'error answers give nothing away; their messages end with a stack trace' },
  'method-405-without-allow': { family: 'boundaries', breaks: 'a 405 names the allowed methods (RFC 9110, advisory); it has no Allow header' },
  'internals-in-errors': { family: 'boundaries', breaks: 'error answers give nothing away (advisory); they carry X-Powered-By' },
  'no-www-authenticate': { family: 'boundaries', breaks: 'a 401 carries WWW-Authenticate (RFC 9110, advisory); it does not' },
} as const satisfies Record<string, { family: string; breaks: string }>;

export type FaultName = keyof typeof FAULTS;
export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

/**
 * Correct behaviours where the pages are silent. Each is another reasonable reading; the
 * self-test proves the `teamwork-desk` project passes on every one (TEAMWORK_DESK_MOCK_VARIANTS=...).
 */
export const VARIANTS = {
  'default-page-size-10': 'without pageSize a page holds 10 tickets instead of 25',
  'max-page-size-50': 'pageSize is capped at 50 (the reported pageSize says so)',
  'default-newest-first': 'without orderBy the newest tickets come first',
  'past-end-400': 'a page past the last one is a 400 naming page instead of an empty page',
  'empty-result-one-page': 'a filter matching nothing reports pages 1 instead of 0',
  'case-insensitive-text': 'text compares case- and accent-insensitively (a *_ci collation) in filters and orders',
  'null-excluded-by-ne': '$ne and $nin leave out tickets whose field is null (SQL) instead of keeping them (MongoDB)',
  'nulls-last': 'nulls order after every value in ascending order instead of before',
  'hide-deleted-by-default': 'deleted tickets are listed only when the filter names state',
  'unknown-includes-400': 'an includes name the server does not know is a 400 naming includes',
  'extra-fields': 'tickets, references and pagination carry undocumented properties, and meta is filled',
  'no-included-unless-asked': 'included and meta are left out unless includes is given',
  'ties-broken-descending': 'tickets with equal order keys follow each other by descending id',
  'page-size-over-50-refused': 'a pageSize above 50 is a 400 naming pageSize instead of being capped',
  'microsecond-timestamps': 'date-times are kept and written with microseconds, trailing zeros trimmed (Go + Postgres)',
  'microseconds-sent-as-milliseconds': 'date-times are kept with microseconds but written with milliseconds (Node + pg), so filters and orders see digits the tickets do not show',
  'default-newest-unstable-ties': 'without orderBy the newest tickets come first (createdAt desc), and tickets with equal keys come in an order that changes from request to request (MySQL may)',
  'glibc-collation': 'text compares as a glibc locale does (Postgres on en_US.UTF-8): letters and digits first, spaces and punctuation only to break ties ("reboot" before "re: foo")',
  'state-uppercase': 'state is spelled ACTIVE / DELETED',
  'state-as-integer': 'state is a numeric code: 1 active, 0 deleted',
  'content-type-without-charset': 'JSON answers are sent as application/json, without the charset parameter',
} as const;

export type VariantName = keyof typeof VARIANTS;
export const VARIANT_NAMES = Object.keys(VARIANTS) as VariantName[];
