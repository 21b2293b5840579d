// Generated from schemas/teamwork-desk/openapi.yaml by `npm run contract:types`. Do not edit: change the contract and regenerate.
// A unit test (specs/unit/contract-types.spec.ts) fails when this file is stale.
/** TicketsAPIBody is the request/response format for bulk ticket API calls */
export interface TicketsAPIBody {
  tickets: Array<Ticket>;
  included?: Included;
  pagination: Pagination;
  meta?: Meta;
}

/** One ticket. Relationships are references or null; more properties may follow. */
export interface Ticket {
  id: number;
  subject?: string | null;
  previewText?: string | null;
  originalRecipient?: string | null;
  responseTimeMins?: number | null;
  resolutionTimeMins?: number | null;
  happinessSurveySentAt?: string | null;
  spam_score?: number | null;
  spam_rules?: unknown;
  customer?: NullableReference;
  contact?: NullableReference;
  inbox?: NullableReference;
  agent?: NullableReference;
  status?: NullableReference;
  priority?: NullableReference;
  source?: NullableReference;
  type?: NullableReference;
  businesshours?: NullableReference;
  company?: NullableReference;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string | null;
  updatedBy?: NullableReference;
  deletedBy?: NullableReference;
  state: TicketState;
  tags?: Array<Reference>;
  files?: Array<Reference>;
  messages?: Array<Reference>;
}

/** Whether the ticket is active or deleted. The notes say what state tells, not how it is spelled, so neither the values nor their casing are fixed (a name or a numeric code). */
export type TicketState = string | number;

/** A related record, named by its id and the plural type name it sits under in `included`. */
export interface Reference {
  id: number;
  type: string;
}

/** A reference, or null when the ticket has no such relationship. */
export type NullableReference = {
  id: number;
  type: string;
} | null;

/** A related record in `included`; more properties follow, by type. */
export interface IncludedRecord {
  id: number;
}

/** Related records keyed by plural type name. */
export interface Included {
  [key: string]: Array<IncludedRecord>;
}

export interface Pagination {
  records: number;
  pageSize: number;
  pages: number;
  page: number;
  hasMorePages: boolean;
}

/** Metadata about the list; the pages show it empty and name no properties. */
export interface Meta {
  [key: string]: unknown;
}

/** Validator hold the validation errors. */
export interface Validator {
  errors: {
    [key: string]: Array<string>;
  };
}

export type OrderMode = "asc" | "desc";

/** The page's orderBy list. It names `priority` twice; an enum lists it once. Dotted names order by a related record. */
export type TicketOrderBy = "id" | "subject" | "previewText" | "originalRecipient" | "responseTimeMins" | "resolutionTimeMins" | "happinessSurveySentAt" | "spam_score" | "spam_rules" | "customer" | "contact" | "inbox" | "agent" | "status" | "priority" | "source" | "type" | "businesshours" | "company" | "createdAt" | "updatedAt" | "deletedAt" | "updatedBy" | "deletedBy" | "state" | "users.id" | "users.name" | "customers.id" | "customers.name" | "priorities.id" | "tags.id" | "messages.id" | "messages.messageId" | "messages.customers.id" | "companies.id" | "companies.name" | "tasks.id" | "inboxes.id" | "statuses.id" | "businesshours.id" | "businesshours.name" | "reviewStatus" | "tickets_users_deck.createdAt";

/** A value to compare with. Relationship fields compare by the related record's numeric id; timestamps are RFC 3339 date-times. */
export type FilterValue = string | number | boolean | null;

/** A plain value (equality) or an object of operators, all of which must hold. */
export type FilterCondition = string | number | boolean | null | {
  $eq?: FilterValue;
  $ne?: FilterValue;
  $lt?: FilterValue;
  $lte?: FilterValue;
  $gt?: FilterValue;
  $gte?: FilterValue;
  $in?: Array<FilterValue>;
  $nin?: Array<FilterValue>;
};

/** The filter object. Keys are exactly the page's filter list plus $and / $or, which take arrays of such objects and nest. */
export interface TicketFilter {
  $and?: Array<TicketFilter>;
  $or?: Array<TicketFilter>;
  id?: FilterCondition;
  subject?: FilterCondition;
  previewText?: FilterCondition;
  originalRecipient?: FilterCondition;
  responseTimeMins?: FilterCondition;
  resolutionTimeMins?: FilterCondition;
  happinessSurveySentAt?: FilterCondition;
  spam_score?: FilterCondition;
  spam_rules?: FilterCondition;
  customer?: FilterCondition;
  contact?: FilterCondition;
  inbox?: FilterCondition;
  agent?: FilterCondition;
  status?: FilterCondition;
  priority?: FilterCondition;
  source?: FilterCondition;
  type?: FilterCondition;
  businesshours?: FilterCondition;
  company?: FilterCondition;
  createdAt?: FilterCondition;
  updatedAt?: FilterCondition;
  deletedAt?: FilterCondition;
  updatedBy?: FilterCondition;
  deletedBy?: FilterCondition;
  state?: FilterCondition;
}
