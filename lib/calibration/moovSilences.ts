import type { SilentPoint } from './silentPoints';

/** Where Moov's pages leave a choice. */
export const MOOV_SILENCES: readonly SilentPoint[] = [
  // The README's Checks section, in its order.
  { what: 'a field of the wrong type', readings: '400 or 422', calibration: ['moov.type-mismatch-status'] },
  { what: "an account outside the partner's reach", readings: '403 or 404', calibration: ['moov.unreachable-account-status'] },
  { what: 'a token asked for an account outside reach', readings: 'minted (then refused) or 403', calibration: ['moov.token-outside-reach'] },
  { what: 'count above the documented default of 200', readings: 'served, capped at 200, or refused (400 or 422)', facets: ['moov:listTickets.count'], calibration: ['moov.count-over-200'] },
  { what: 'a malformed count', readings: '400 or 422', calibration: ['moov.invalid-query-status'] },
  { what: 'count=2.5', readings: 'refused, or read as 2', calibration: ['moov.fractional-count'] },
  { what: 'listing order', readings: 'any order', calibration: ['moov.listing-order'] },
  { what: 'closing a closed ticket', readings: '200 or 409', calibration: ['moov.close-closed-status'] },
  { what: 'an empty update, and status ""', readings: '200 or a 4xx, as long as no data is lost', calibration: ['moov.empty-update-status', 'moov.empty-status-update'] },
  { what: 'a malformed Authorization header', readings: '400 or 401, for a Basic credential that does not decode and for an unknown scheme', calibration: ['moov.malformed-basic-status', 'moov.unknown-scheme-status'] },
  { what: 'the token endpoint without client credentials', readings: '400 or 401 (RFC 6749 §5.2)', calibration: ['moov.token-without-credentials'] },
  { what: 'body validation and authorisation', readings: 'either first', calibration: ['moov.validation-order'] },
  { what: 'contact key order', readings: 'any', calibration: ['moov.contact-key-order'] },
  { what: 'foreignID on list items', readings: 'listed or left out (seed 000 does not show it)', calibration: ['moov.list-foreign-id'] },
  { what: 'undocumented ticket fields', readings: 'none, or some', calibration: ['moov.extra-fields'] },
  { what: 'blank titles', readings: 'refused (implied) or accepted', calibration: ['moov.blank-title'] },
  {
    what: 'Unicode normalisation of stored text',
    readings: 'kept as sent, or normalised',
    calibration: { notClientVisible: 'only text that is not NFC shows it; the suite and the clients it stands for send NFC/NFKC-stable text' },
  },
  { what: 'a create with a foreignID already used', readings: 'accepted, or refused (409, 400 or 422)', facets: ['moov:createTicket.foreignID'], calibration: ['moov.duplicate-foreign-id'] },
  { what: 'latestMessageOn on a created ticket', readings: 'absent, or present and equal to createdOn', facets: ['moov:Ticket.latestMessageOn'], calibration: ['moov.latest-message-on'] },
  {
    what: 'closedOn on a ticket not closed',
    readings: 'absent (its schema is not nullable; set once closed, implied)',
    facets: ['moov:Ticket.closedOn'],
    calibration: { notClientVisible: 'no choice is left: a string-typed field cannot be null, and the pages imply it is set exactly once closed (TKT-SEM-001)' },
  },
  { what: 'ticket numbering', readings: 'per account, or one sequence across accounts', facets: ['moov:Ticket.number'], calibration: ['moov.number-scope'] },
  { what: 'Content-Type of JSON answers', readings: 'any JSON media type, with or without parameters', facets: ['moov:content-type'], calibration: ['moov.content-type'] },
  {
    what: 'token lifetime',
    readings: 'any expires_in',
    facets: ['moov:AccessToken.expires_in'],
    calibration: { notClientVisible: 'nothing to guess: each token answer states its lifetime in expires_in' },
  },
  {
    what: 'cursor shape, and a cursor from another listing',
    readings: 'any opaque string; another listing\'s cursor refused or read as a position (never another account\'s tickets)',
    calibration: { notClientVisible: 'the docs make cursors opaque and per listing: a client passes back nextPage.cursor unread, to the listing that issued it' },
  },
  {
    what: 'empty and repeated query values',
    readings: 'any conforming answer',
    calibration: { notClientVisible: 'only a client that sends count= or count twice sees it; a client built from the docs sends one value' },
  },
];
