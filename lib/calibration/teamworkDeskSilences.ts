import type { SilentPoint } from './silentPoints';

/** Where Teamwork Desk's page and the notes leave a choice. */
export const TEAMWORK_DESK_SILENCES: readonly SilentPoint[] = [
  // The notes' "Not documented", then the README's readings of the filter and listing.
  { what: 'default page size', readings: 'any', facets: ['teamwork-desk:listTickets.pageSize'], calibration: ['teamwork-desk.default-page-size'] },
  { what: 'maximum page size', readings: 'none, a cap (served as the cap), or a refusal above it', facets: ['teamwork-desk:listTickets.pageSize'], calibration: ['teamwork-desk.page-size-over-cap'] },
  { what: 'default order', readings: 'any', calibration: ['teamwork-desk.default-order'] },
  { what: 'order of tied tickets', readings: 'any, even unstable', calibration: ['teamwork-desk.tie-order'] },
  { what: 'a page past the last', readings: 'an empty page, or a 400', facets: ['teamwork-desk:listTickets.page'], calibration: ['teamwork-desk.past-end-page'] },
  { what: 'pages of an empty result', readings: '0 or 1', calibration: ['teamwork-desk.empty-result-pages'] },
  { what: 'an unknown includes name', readings: 'ignored, or a 400', calibration: ['teamwork-desk.unknown-includes'] },
  { what: 'included and meta without includes', readings: 'sent or left out', calibration: ['teamwork-desk.included-without-includes'] },
  { what: 'undocumented fields', readings: 'none, or some', calibration: ['teamwork-desk.extra-fields'] },
  { what: 'how state is spelled', readings: 'active/deleted in any case, or 1/0', calibration: ['teamwork-desk.state-spelling'] },
  { what: 'deleted tickets without a state filter', readings: 'listed, or only when the filter names state', calibration: ['teamwork-desk.deleted-listed'] },
  { what: 'date-time precision', readings: 'milliseconds or microseconds, kept and written', calibration: ['teamwork-desk.timestamp-precision'] },
  { what: '$ne and null fields', readings: 'kept (MongoDB) or excluded (SQL)', calibration: ['teamwork-desk.ne-null'] },
  { what: 'nulls in ascending order', readings: 'first or last', calibration: ['teamwork-desk.null-order'] },
  { what: 'text comparison', readings: 'by code unit, case-insensitive, or a glibc locale', calibration: ['teamwork-desk.text-collation'] },
  { what: 'Content-Type of JSON answers', readings: 'any JSON media type, with or without parameters', facets: ['teamwork-desk:content-type'], calibration: ['teamwork-desk.content-type'] },
];
