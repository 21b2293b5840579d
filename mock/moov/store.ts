import { randomUUID } from 'node:crypto';
import type { CreateTicket, Ticket, TicketMessage, TicketStatus } from '../../lib/contract/moov.types';
import type { MoovMockSettings } from './settings';
import { seedTickets } from './seed';

interface Account {
  id: string;
  /** Accounts this one has connected (reachable with the partner scope plus profile.read). */
  connected: Set<string>;
  tickets: Map<string, Ticket>;
  messages: Map<string, TicketMessage[]>;
  nextNumber: number;
}

export interface PageQuery {
  /** Position after which the page starts (exclusive), in listing order. */
  after?: number;
  status?: TicketStatus;
  limit: number;
  newestFirst: boolean;
}

export interface Page {
  items: Ticket[];
  /** Whether tickets remain after the last one on this page. */
  more: boolean;
}

/** A ticket and the account that holds it. */
export interface HeldTicket {
  accountID: string;
  ticket: Ticket;
}

/** Keeps the tickets of one status from `tickets`, in their order. */
export type StatusFilter = (tickets: Ticket[], status: TicketStatus) => Ticket[];

/**
 * The store's named seams: where the faults folder (and nothing else) may change what the store
 * does. The documented behaviour is STORE_AS_DOCUMENTED, each seam handing its value on as is.
 */
export interface StoreSeams {
  /** How a listing keeps the tickets of the status asked for. */
  statusFilter(filter: StatusFilter): StatusFilter;
  /** The ticket a close stores and answers, given the ticket as it was. */
  closedTicket(closed: Ticket, before: Ticket): Ticket;
  /** The ticket a create is about to store (every create: the API's and another client's). */
  creating(ticket: Ticket, accountID: string, store: TicketStore): Ticket;
}

export const STORE_AS_DOCUMENTED: StoreSeams = {
  statusFilter: (filter) => filter,
  closedTicket: (closed) => closed,
  creating: (ticket) => ticket,
};

const byStatus: StatusFilter = (tickets, status) => tickets.filter((t) => t.status === status);

/** The mock's in-memory state: accounts, their connections, tickets and messages. */
export class TicketStore {
  private readonly accounts = new Map<string, Account>();

  /** The next number of the one sequence all accounts share (variant global-ticket-numbers). */
  private nextGlobalNumber = 1;

  constructor(
    private readonly config: MoovMockSettings,
    private readonly seams: StoreSeams = STORE_AS_DOCUMENTED,
  ) {
    const { partnerAccountID, connectedAccountID, unrelatedAccountID, seedTicketsPerAccount } = config;
    const ids = [partnerAccountID, connectedAccountID, unrelatedAccountID];
    // One sequence across accounts: the seeds were created in turn, account after account.
    const global = config.variants.has('global-ticket-numbers');
    ids.forEach((id, k) => {
      const account: Account = { id, connected: new Set(), tickets: new Map(), messages: new Map(), nextNumber: 1 };
      for (const seeded of seedTickets(id, seedTicketsPerAccount)) {
        const ticket = global ? { ...seeded.ticket, number: (seeded.ticket.number - 1) * ids.length + k + 1 } : seeded.ticket;
        account.tickets.set(ticket.ticketID, ticket);
        account.messages.set(ticket.ticketID, seeded.messages);
        account.nextNumber = ticket.number + 1;
        this.nextGlobalNumber = Math.max(this.nextGlobalNumber, ticket.number + 1);
      }
      this.accounts.set(id, account);
    });
    this.accounts.get(partnerAccountID)?.connected.add(connectedAccountID);
  }

  hasAccount(accountID: string): boolean {
    return this.accounts.has(accountID);
  }

  /** Whether the key owner may act on `accountID`: itself, or an account it connected. */
  reachable(ownerID: string, accountID: string): boolean {
    return ownerID === accountID || (this.accounts.get(ownerID)?.connected.has(accountID) ?? false);
  }

  /** Whether `accountID` is the owner itself (own scope) rather than a connected account. */
  isOwn(ownerID: string, accountID: string): boolean {
    return ownerID === accountID;
  }

  list(accountID: string, query: PageQuery): Page {
    const account = this.account(accountID);
    let tickets = [...account.tickets.values()].sort((a, b) => a.number - b.number);
    if (query.newestFirst) tickets = tickets.reverse();
    if (query.status) tickets = this.seams.statusFilter(byStatus)(tickets, query.status);
    const after = query.after;
    const remaining = after === undefined ? tickets : tickets.filter((t) => (query.newestFirst ? t.number < after : t.number > after));
    return { items: remaining.slice(0, query.limit), more: remaining.length > query.limit };
  }

  get(accountID: string, ticketID: string): Ticket | undefined {
    return this.accounts.get(accountID)?.tickets.get(ticketID);
  }

  /** A ticket in whichever account holds it. */
  findAnywhere(ticketID: string): HeldTicket | undefined {
    for (const account of this.accounts.values()) {
      const ticket = account.tickets.get(ticketID);
      if (ticket) return { accountID: account.id, ticket };
    }
    return undefined;
  }

  /** Every ticket of an account, in the order they were stored. */
  tickets(accountID: string): Ticket[] {
    return [...this.account(accountID).tickets.values()];
  }

  /** Stores `ticket` as given, in place of the one with its ticketID (or as a new one). */
  put(accountID: string, ticket: Ticket): void {
    this.account(accountID).tickets.set(ticket.ticketID, ticket);
  }

  /** Forgets a ticket and its messages. */
  remove(accountID: string, ticketID: string): void {
    const account = this.account(accountID);
    account.tickets.delete(ticketID);
    account.messages.delete(ticketID);
  }

  messages(accountID: string, ticketID: string): TicketMessage[] | undefined {
    return this.accounts.get(accountID)?.messages.get(ticketID);
  }

  /**
   * A new ticket, stored: status new, fresh timestamps, the account's next number. A `ticketID`
   * already stored replaces that ticket.
   */
  create(accountID: string, input: CreateTicket, ticketID: string = randomUUID()): Ticket {
    const account = this.account(accountID);
    const now = this.config.now().toISOString();
    const fresh: Ticket = {
      ticketID,
      number: this.config.variants.has('global-ticket-numbers') ? this.nextGlobalNumber++ : account.nextNumber++,
      title: input.title,
      contact: input.contact.name === undefined ? { email: input.contact.email } : { email: input.contact.email, name: input.contact.name },
      status: 'new',
      createdOn: now,
      updatedOn: now,
      // The body is the ticket's first message; a server may leave latestMessageOn for later ones.
      ...(this.config.variants.has('latestMessageOn-absent') ? {} : { latestMessageOn: now }),
      ...(input.foreignID === undefined ? {} : { foreignID: input.foreignID }),
    };
    const ticket = this.seams.creating(fresh, accountID, this);
    account.tickets.set(ticket.ticketID, ticket);
    account.messages.set(ticket.ticketID, [{ author: input.author ?? input.contact.email, body: input.body, sentOn: now }]);
    return ticket;
  }

  /** Whether a ticket of the account already carries `foreignID`. */
  hasForeignID(accountID: string, foreignID: string): boolean {
    return [...this.account(accountID).tickets.values()].some((t) => t.foreignID === foreignID);
  }

  /** Open tickets of an account whose foreignID starts with `prefix` (another client's own). */
  openLabelled(accountID: string, prefix: string): Ticket[] {
    return [...this.account(accountID).tickets.values()].filter((t) => t.status !== 'closed' && t.foreignID?.startsWith(prefix) === true);
  }

  /** Closes a ticket: status closed, closedOn and updatedOn set. Returns the closed ticket. */
  close(accountID: string, ticketID: string): Ticket {
    const current = this.get(accountID, ticketID);
    if (!current) throw new Error(`close: no ticket ${ticketID} in ${accountID}`);
    const now = this.config.now().toISOString();
    const closed = this.seams.closedTicket({ ...current, status: 'closed', updatedOn: now, closedOn: now }, current);
    this.account(accountID).tickets.set(ticketID, closed);
    return closed;
  }

  private account(accountID: string): Account {
    const account = this.accounts.get(accountID);
    if (!account) throw new Error(`no account ${accountID}`);
    return account;
  }
}
