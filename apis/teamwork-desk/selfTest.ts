import type { FaultName, VariantName } from '../../mock/teamwork-desk/faults';
import type { SelfTestSuite } from '../selfTestCases';

/**
 * Which checks may catch each Teamwork Desk fault. A fault counts as caught only when the run
 * fails with one of these ids: a crash or an unrelated failure does not prove the suite saw it.
 */
const EXPECTED: Record<FaultName, string[]> = {
  'id-as-string': ['TWD-SCH-001'],
  'timestamp-without-offset': ['TWD-SCH-001'],
  'reference-without-type': ['TWD-SCH-001'],
  'pagination-records-missing': ['TWD-SCH-001'],
  'pages-rounded-down': ['TWD-PAG-001'],
  'has-more-on-last-page': ['TWD-PAG-001'],
  'page-size-ignored': ['TWD-PAG-003'],
  'page-overlap': ['TWD-PAG-002', 'TWD-PAG-004'],
  'records-counts-page': ['TWD-PAG-001', 'TWD-PAG-002', 'TWD-PAG-005'],
  'last-page-short': ['TWD-PAG-002', 'TWD-PAG-005'],
  'ne-as-eq': ['TWD-FLT-001'],
  'lte-as-lt': ['TWD-FLT-002'],
  'or-as-and': ['TWD-FLT-002'],
  'nested-logic-ignored': ['TWD-FLT-001'],
  'in-first-only': ['TWD-FLT-002'],
  'relationship-filter-ignored': ['TWD-FLT-001'],
  'instants-compared-as-text': ['TWD-FLT-001', 'TWD-FLT-002'],
  'order-mode-ignored': ['TWD-ORD-001'],
  'order-within-page-only': ['TWD-ORD-001'],
  'numbers-ordered-as-text': ['TWD-ORD-001'],
  'dotted-order-ignored': ['TWD-ORD-001'],
  'order-dropped-with-filter': ['TWD-ORD-001'],
  'large-ids-reversed-without-mode': ['TWD-ORD-001'],
  'included-drops-record': ['TWD-INC-001'],
  'included-singular-keys': ['TWD-INC-001'],
  'included-first-type-only': ['TWD-INC-001'],
  'unknown-filter-field-ignored': ['TWD-ERR-002'],
  'nested-unknown-field-ignored': ['TWD-ERR-002'],
  'invalid-filter-json-500': ['TWD-HTTP-002', 'TWD-ERR-001'],
  'unknown-order-by-ignored': ['TWD-ERR-003'],
  'validator-wrong-key': ['TWD-ERR-001', 'TWD-ERR-002', 'TWD-ERR-003'],
  'validator-messages-as-string': ['TWD-SCH-001'],
  'missing-key-accepted': ['TWD-AUTH-001'],
  'any-bearer-accepted': ['TWD-AUTH-002'],
  'basic-auth-refused': ['TWD-AUTH-003'],
  'answers-203': ['TWD-HTTP-001'],
  'json-as-text': ['TWD-SCH-002'],
  'valid-filter-refused': ['TWD-HTTP-003'],
  'bad-page-served': ['TWD-ERR-004'],
  'lte-excludes-equal-instant': ['TWD-OPS-001'],
  'null-operand-ignored': ['TWD-FLT-001'],
  'nin-one-value-ignored': ['TWD-FLT-001', 'TWD-OPS-001'],
  'any-method-served': ['TWD-SEC-001'],
  'key-in-query-accepted': ['TWD-SEC-006'],
  'stack-trace-in-errors': ['TWD-SEC-003'],
  'method-405-without-allow': ['TWD-SEC-002'],
  'internals-in-errors': ['TWD-SEC-004'],
  'no-www-authenticate': ['TWD-SEC-005'],
};

/** Faults only advisory checks see: they fail the run only in strict mode. */
const STRICT_ONLY: ReadonlySet<FaultName> = new Set(['method-405-without-allow', 'internals-in-errors', 'no-www-authenticate']);

/** Faults only a large site shows (live mode's 2,060 tickets; the default 103 never reach them). */
const LARGE_SITE_ONLY: ReadonlySet<FaultName> = new Set(['large-ids-reversed-without-mode']);

const VARIANTS: VariantName[] = [
  'default-page-size-10',
  'max-page-size-50',
  'default-newest-first',
  'past-end-400',
  'empty-result-one-page',
  'case-insensitive-text',
  'null-excluded-by-ne',
  'nulls-last',
  'hide-deleted-by-default',
  'unknown-includes-400',
  'extra-fields',
  'no-included-unless-asked',
  'ties-broken-descending',
  'page-size-over-50-refused',
  'microsecond-timestamps',
  'microseconds-sent-as-milliseconds',
  'default-newest-unstable-ties',
  'glibc-collation',
  'state-uppercase',
  'state-as-integer',
  'content-type-without-charset',
];

// The Teamwork Desk mock reads its own variables (MOCK_FAULTS is the Moov mock's); each run names
// both, so a value in the caller's environment cannot leak into it.
export const teamworkDeskSelfTest: SelfTestSuite = {
  faults: [
    ...(Object.keys(EXPECTED) as FaultName[]).map((fault) => ({
      name: fault,
      env: { TEAMWORK_DESK_MOCK_FAULTS: fault, TEAMWORK_DESK_MOCK_VARIANTS: '', ...(STRICT_ONLY.has(fault) ? { CONFORMANCE_STRICT: 'true' } : {}) },
      expect: EXPECTED[fault],
      ...(LARGE_SITE_ONLY.has(fault) ? { modes: ['live'] as const } : {}),
    })),
  ],
  variants: [
    ...VARIANTS.map((variant) => ({ name: variant, env: { TEAMWORK_DESK_MOCK_VARIANTS: variant, TEAMWORK_DESK_MOCK_FAULTS: '' } })),
  ],
  // Readings that exclude each other (a pageSize cap or refusal, the two default orders, the two
  // microsecond spellings, the two state spellings, the two collations) are in different groups.
  variantGroups: [
    ['default-page-size-10', 'max-page-size-50', 'default-newest-first', 'past-end-400', 'case-insensitive-text', 'microsecond-timestamps', 'state-uppercase', 'no-included-unless-asked'],
    ['page-size-over-50-refused', 'default-newest-unstable-ties', 'empty-result-one-page', 'glibc-collation', 'microseconds-sent-as-milliseconds', 'state-as-integer', 'null-excluded-by-ne'],
    ['nulls-last', 'hide-deleted-by-default', 'unknown-includes-400', 'extra-fields', 'ties-broken-descending', 'content-type-without-charset'],
  ],
  outages: { dieAfterRequests: 60 },
};
