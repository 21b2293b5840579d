import type { Contract } from '../contract/loadContract';
import type { CalibratedApi } from './types';

/**
 * One place where the docs leave a choice (the README's Checks section, "Where the docs are silent",
 * and docs/checks.md): the readings the suite accepts, and either the calibration points that record
 * a target's choice or why no client sees it. Calibration derives its points from this list, not
 * from the mocks' variants: a unit test fails when an entry has neither, when a point answers no
 * entry, or when the contract shows a silence (`contractSilences`) no entry covers.
 */
export interface SilentPoint {
  api: CalibratedApi;
  /** What the docs leave open. */
  what: string;
  /** The readings the suite accepts there. */
  readings: string;
  /** Silences read off the contract that this entry covers (see contractSilences). */
  facets?: readonly string[];
  /** The calibration points that record a target's choice, or why a client cannot tell the readings apart. */
  calibration: readonly string[] | { notClientVisible: string };
}

export const SILENT_POINTS: readonly SilentPoint[] = [
  // Moov: the README's Checks section, in its order.
  { api: 'moov', what: 'a field of the wrong type', readings: '400 or 422', calibration: ['moov.type-mismatch-status'] },
  { api: 'moov', what: "an account outside the partner's reach", readings: '403 or 404', calibration: ['moov.unreachable-account-status'] },
  { api: 'moov', what: 'a token asked for an account outside reach', readings: 'minted (then refused) or 403', calibration: ['moov.token-outside-reach'] },
  { api: 'moov', what: 'count above the documented default of 200', readings: 'served, capped at 200, or refused (400 or 422)', facets: ['moov:listTickets.count'], calibration: ['moov.count-over-200'] },
  { api: 'moov', what: 'a malformed count', readings: '400 or 422', calibration: ['moov.invalid-query-status'] },
  { api: 'moov', what: 'count=2.5', readings: 'refused, or read as 2', calibration: ['moov.fractional-count'] },
  { api: 'moov', what: 'listing order', readings: 'any order', calibration: ['moov.listing-order'] },
  { api: 'moov', what: 'closing a closed ticket', readings: '200 or 409', calibration: ['moov.close-closed-status'] },
  { api: 'moov', what: 'an empty update, and status ""', readings: '200 or a 4xx, as long as no data is lost', calibration: ['moov.empty-update-status', 'moov.empty-status-update'] },
  { api: 'moov', what: 'a malformed Authorization header', readings: '400 or 401, for a Basic credential that does not decode and for an unknown scheme', calibration: ['moov.malformed-basic-status', 'moov.unknown-scheme-status'] },
  { api: 'moov', what: 'the token endpoint without client credentials', readings: '400 or 401 (RFC 6749 §5.2)', calibration: ['moov.token-without-credentials'] },
  { api: 'moov', what: 'body validation and authorisation', readings: 'either first', calibration: ['moov.validation-order'] },
  { api: 'moov', what: 'contact key order', readings: 'any', calibration: ['moov.contact-key-order'] },
  { api: 'moov', what: 'foreignID on list items', readings: 'listed or left out (seed 000 does not show it)', calibration: ['moov.list-foreign-id'] },
  { api: 'moov', what: 'undocumented ticket fields', readings: 'none, or some', calibration: ['moov.extra-fields'] },
  { api: 'moov', what: 'blank titles', readings: 'refused (implied) or accepted', calibration: ['moov.blank-title'] },
  {
    api: 'moov',
    what: 'Unicode normalisation of stored text',
    readings: 'kept as sent, or normalised',
    calibration: { notClientVisible: 'only text that is not NFC shows it; the suite and the clients it stands for send NFC/NFKC-stable text' },
  },
  { api: 'moov', what: 'a create with a foreignID already used', readings: 'accepted, or refused (409, 400 or 422)', facets: ['moov:createTicket.foreignID'], calibration: ['moov.duplicate-foreign-id'] },
  { api: 'moov', what: 'latestMessageOn on a created ticket', readings: 'absent, or present and equal to createdOn', facets: ['moov:Ticket.latestMessageOn'], calibration: ['moov.latest-message-on'] },
  {
    api: 'moov',
    what: 'closedOn on a ticket not closed',
    readings: 'absent (its schema is not nullable; set once closed, implied)',
    facets: ['moov:Ticket.closedOn'],
    calibration: { notClientVisible: 'no choice is left: a string-typed field cannot be null, and the pages imply it is set exactly once closed (TKT-SEM-001)' },
  },
  { api: 'moov', what: 'ticket numbering', readings: 'per account, or one sequence across accounts', facets: ['moov:Ticket.number'], calibration: ['moov.number-scope'] },
  { api: 'moov', what: 'Content-Type of JSON answers', readings: 'any JSON media type, with or without parameters', facets: ['moov:content-type'], calibration: ['moov.content-type'] },
  {
    api: 'moov',
    what: 'token lifetime',
    readings: 'any expires_in',
    facets: ['moov:AccessToken.expires_in'],
    calibration: { notClientVisible: 'nothing to guess: each token answer states its lifetime in expires_in' },
  },
  {
    api: 'moov',
    what: 'cursor shape, and a cursor from another listing',
    readings: 'any opaque string; another listing\'s cursor refused or read as a position (never another account\'s tickets)',
    calibration: { notClientVisible: 'the docs make cursors opaque and per listing: a client passes back nextPage.cursor unread, to the listing that issued it' },
  },
  {
    api: 'moov',
    what: 'empty and repeated query values',
    readings: 'any conforming answer',
    calibration: { notClientVisible: 'only a client that sends count= or count twice sees it; a client built from the docs sends one value' },
  },
  // Teamwork Desk: the notes' "Not documented", then the README's readings of the filter and listing.
  { api: 'teamwork-desk', what: 'default page size', readings: 'any', facets: ['teamwork-desk:listTickets.pageSize'], calibration: ['teamwork-desk.default-page-size'] },
  { api: 'teamwork-desk', what: 'maximum page size', readings: 'none, a cap (served as the cap), or a refusal above it', facets: ['teamwork-desk:listTickets.pageSize'], calibration: ['teamwork-desk.page-size-over-cap'] },
  { api: 'teamwork-desk', what: 'default order', readings: 'any', calibration: ['teamwork-desk.default-order'] },
  { api: 'teamwork-desk', what: 'order of tied tickets', readings: 'any, even unstable', calibration: ['teamwork-desk.tie-order'] },
  { api: 'teamwork-desk', what: 'a page past the last', readings: 'an empty page, or a 400', facets: ['teamwork-desk:listTickets.page'], calibration: ['teamwork-desk.past-end-page'] },
  { api: 'teamwork-desk', what: 'pages of an empty result', readings: '0 or 1', calibration: ['teamwork-desk.empty-result-pages'] },
  { api: 'teamwork-desk', what: 'an unknown includes name', readings: 'ignored, or a 400', calibration: ['teamwork-desk.unknown-includes'] },
  { api: 'teamwork-desk', what: 'included and meta without includes', readings: 'sent or left out', calibration: ['teamwork-desk.included-without-includes'] },
  { api: 'teamwork-desk', what: 'undocumented fields', readings: 'none, or some', calibration: ['teamwork-desk.extra-fields'] },
  { api: 'teamwork-desk', what: 'how state is spelled', readings: 'active/deleted in any case, or 1/0', calibration: ['teamwork-desk.state-spelling'] },
  { api: 'teamwork-desk', what: 'deleted tickets without a state filter', readings: 'listed, or only when the filter names state', calibration: ['teamwork-desk.deleted-listed'] },
  { api: 'teamwork-desk', what: 'date-time precision', readings: 'milliseconds or microseconds, kept and written', calibration: ['teamwork-desk.timestamp-precision'] },
  { api: 'teamwork-desk', what: '$ne and null fields', readings: 'kept (MongoDB) or excluded (SQL)', calibration: ['teamwork-desk.ne-null'] },
  { api: 'teamwork-desk', what: 'nulls in ascending order', readings: 'first or last', calibration: ['teamwork-desk.null-order'] },
  { api: 'teamwork-desk', what: 'text comparison', readings: 'by code unit, case-insensitive, or a glibc locale', calibration: ['teamwork-desk.text-collation'] },
  { api: 'teamwork-desk', what: 'Content-Type of JSON answers', readings: 'any JSON media type, with or without parameters', facets: ['teamwork-desk:content-type'], calibration: ['teamwork-desk.content-type'] },
];


type ObjectSchema = { $ref?: string; type?: string; maximum?: number; properties?: Record<string, ObjectSchema>; required?: string[] };

/** A schema's component name and the component (the contracts keep bodies as components). */
function component(contract: Contract, schema: unknown): { name: string; schema: ObjectSchema } | undefined {
  const ref = (schema as ObjectSchema | undefined)?.$ref;
  if (ref === undefined) return undefined;
  const name = ref.replace('#/components/schemas/', '');
  return { name, schema: contract.schema(name) as ObjectSchema };
}

/**
 * The silences `api`'s contract itself shows, one facet id each:
 * - `<api>:content-type`: JSON bodies, whose media-type parameters no page fixes;
 * - `<api>:<operation>.<param>`: an integer query parameter with no maximum (what comes above it);
 * - `<api>:<Schema>.<field>`: a field of a created resource the server sets (not sent in the create)
 *   that is optional (present or not), or an integer it assigns (numbered in what scope);
 * - `<api>:<operation>.<field>`: an optional identifier a client sends in a create (unique or not).
 */
export function contractSilences(api: CalibratedApi, contract: Contract): string[] {
  const facets = new Set<string>();
  for (const operation of contract.operations()) {
    if ([...operation.responses.values()].some((r) => r.contentType !== undefined && /json/i.test(r.contentType))) facets.add(`${api}:content-type`);
    for (const parameter of operation.parameters) {
      const schema = parameter.schema as ObjectSchema;
      if (parameter.in === 'query' && schema.type === 'integer' && schema.maximum === undefined) facets.add(`${api}:${operation.id}.${parameter.name}`);
    }
    if (operation.method !== 'POST' || !operation.id.startsWith('create')) continue;
    const sent = component(contract, operation.requestBody?.schema);
    const resource = component(contract, operation.responses.get(200)?.bodySchema);
    if (!sent || !resource) continue;
    for (const [field, schema] of Object.entries(resource.schema.properties ?? {})) {
      if (field in (sent.schema.properties ?? {})) continue;
      if (!(resource.schema.required ?? []).includes(field) || schema.type === 'integer') facets.add(`${api}:${resource.name}.${field}`);
    }
    for (const field of Object.keys(sent.schema.properties ?? {})) {
      if (/ID$/.test(field) && !(sent.schema.required ?? []).includes(field)) facets.add(`${api}:${operation.id}.${field}`);
    }
  }
  return [...facets].sort();
}
