import type { DocSource } from '../../lib/contract/openapi';
import { teamworkDeskContract } from '../../lib/contract/teamworkDesk';

/** The doc sentences Teamwork Desk checks enforce, quoted from seed 003 and notes/teamwork-desk.md. */
export const SRC = {
  responses: { seed: '003, notes/teamwork-desk.md', sentence: 'Responses: 200 OK (TicketsAPIBody), 400 Bad Request (Validator); notes: Missing or wrong credentials: 401.' },
  body: { seed: '003', sentence: '200 OK TicketsAPIBody is the request/response format for bulk ticket API calls' },
  list: teamworkDeskContract().source('/paths/~1desk~1api~1v2~1tickets.json/get'),
  selfConsistent: teamworkDeskContract().source('/components/schemas/Pagination/properties/records'),
  pageParams: teamworkDeskContract().source('/paths/~1desk~1api~1v2~1tickets.json/get/parameters/3'),
  filter: {
    seed: 'notes/teamwork-desk.md',
    sentence: 'A key is a field from the seed\'s filter list; its value is either a plain value (equality) or an object of operators: `$eq $ne $lt $lte $gt $gte $in $nin` (`$in`/`$nin` take arrays). `$and` and `$or` take arrays of such objects and nest. Relationship fields compare by the related record\'s numeric id.',
  },
  operators: {
    seed: 'notes/teamwork-desk.md',
    sentence: 'MongoDB style. A key is a field from the seed\'s filter list; its value is either a plain value (equality) or an object of operators: `$eq $ne $lt $lte $gt $gte $in $nin` (`$in`/`$nin` take arrays). `$and` and `$or` take arrays of such objects and nest.',
  },
  orderBy: teamworkDeskContract().source('/paths/~1desk~1api~1v2~1tickets.json/get/parameters/2'),
  includes: {
    seed: 'notes/teamwork-desk.md',
    sentence: '`includes`: comma-separated plural type names; the related records then come back in the response\'s `included` object, keyed by that name, and a ticket\'s reference `{"id", "type"}` names the key its record sits under.',
  },
  invalidFilterJson: {
    seed: 'notes/teamwork-desk.md, 003',
    sentence: '`filter`: a JSON object in the query string. 400 Bad Request: Validator, {"errors": {"<field>": ["message", ...]}}, one key per offending parameter.',
  },
  unknownFilterField: {
    seed: '003, notes/teamwork-desk.md',
    sentence: 'The following values are allowed in the filter query parameter: id, subject, ... state. 400 Bad Request: Validator, one key per offending parameter.',
  },
  unknownOrderBy: {
    seed: '003, notes/teamwork-desk.md',
    sentence: 'The following values are allowed in the orderBy query parameter: id, subject, ... tickets_users_deck.createdAt. 400 Bad Request: Validator, one key per offending parameter.',
  },
  auth: {
    seed: 'notes/teamwork-desk.md',
    sentence: 'Auth: `Authorization: Bearer <api key or OAuth token>`, or HTTP Basic with the API key as the user name and any password. Missing or wrong credentials: 401.',
  },
  methods: { seed: '003', sentence: 'GET /desk/api/v2/tickets.json: the only method the page documents for the tickets list.' },
  errorBody: teamworkDeskContract().source('/components/schemas/Validator/properties/errors/additionalProperties'),
  authPlace: { seed: 'notes/teamwork-desk.md', sentence: 'Auth: `Authorization: Bearer <api key or OAuth token>`, or HTTP Basic with the API key as the user name and any password. Missing or wrong credentials: 401.' },
} as const satisfies Record<string, DocSource>;
