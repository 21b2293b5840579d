import { combined, type Tamper } from './seams';
import { AUTH_FAULTS } from './faults/auth';
import { BOUNDARY_FAULTS } from './faults/boundaries';
import { ERROR_FAULTS } from './faults/errors';
import type { Fault } from './faults/fault';
import { FILTERING_FAULTS } from './faults/filtering';
import { HTTP_FAULTS } from './faults/http';
import { INCLUDES_FAULTS } from './faults/includes';
import { OPERATOR_FAULTS } from './faults/operators';
import { ORDERING_FAULTS } from './faults/ordering';
import { PAGINATION_FAULTS } from './faults/pagination';
import { SCHEMA_FAULTS } from './faults/schema';

/**
 * Named deviations from the contract, switched on with TEAMWORK_DESK_MOCK_FAULTS=name,name for
 * the suite's self-test. Each breaks exactly one documented promise; the self-test proves the
 * `teamwork-desk` project notices every one. (Not MOCK_FAULTS: global setup starts the Moov mock
 * too, and each mock refuses names it does not know.) Each family's file holds its entries and
 * what each does, at the seams the correct code passes its answers through (seams.ts); the
 * handlers never name a fault.
 */
export const FAULTS = {
  ...SCHEMA_FAULTS,
  ...PAGINATION_FAULTS,
  ...FILTERING_FAULTS,
  ...ORDERING_FAULTS,
  ...INCLUDES_FAULTS,
  ...ERROR_FAULTS,
  ...AUTH_FAULTS,
  ...HTTP_FAULTS,
  ...OPERATOR_FAULTS,
  ...BOUNDARY_FAULTS,
} satisfies Record<string, Fault>;

export type FaultName = keyof typeof FAULTS;
export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

/** The seams with the named faults switched on, each seam passing through them in catalogue order. */
export function tamperFor(names: ReadonlySet<FaultName>): Tamper {
  const catalogue: Readonly<Record<FaultName, Fault>> = FAULTS;
  return combined(FAULT_NAMES.filter((name) => names.has(name)).map((name) => catalogue[name].tamper));
}

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
