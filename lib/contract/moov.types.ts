// Generated from schemas/moov/openapi.yaml by `npm run contract:types`. Do not edit: change the contract and regenerate.
// A unit test (specs/unit/contract-types.spec.ts) fails when this file is stale.
export type TicketStatus = "new" | "in-progress" | "on-hold" | "closed";

export interface TicketContact {
  email: string;
  name?: string;
}

export interface Ticket {
  ticketID: string;
  number: number;
  title: string;
  contact: TicketContact;
  status: TicketStatus;
  createdOn: string;
  updatedOn: string;
  latestMessageOn?: string;
  closedOn?: string;
  foreignID?: string;
}

export interface NextPage {
  cursor: string;
}

/** A paginated list of items. The nextPage field is omitted if there are no more pages available. */
export interface TicketList {
  items: Array<Ticket>;
  nextPage?: NextPage;
}

export interface CreateTicket {
  title: string;
  body: string;
  author?: string;
  contact: TicketContact;
  foreignID?: string;
}

export interface UpdateTicket {
  status?: "closed";
}

export interface GenericError {
  error: string;
}

export interface CreateTicketContactError {
  email?: string;
  name?: string;
}

/** Each property is a message for the offending field of the request. */
export interface CreateTicketError {
  title?: string;
  body?: string;
  author?: string;
  contact?: CreateTicketContactError;
  foreignID?: string;
}

/** Each property is a message for the offending field of the request. */
export interface UpdateTicketError {
  status?: string;
}

export interface AccessTokenRequest {
  grant_type: "client_credentials";
  scope: string;
  client_id?: string;
  client_secret?: string;
}

export interface AccessToken {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

export interface TicketMessage {
  author: string;
  body: string;
  sentOn: string;
}
