import { randomUUID } from 'node:crypto';
import type { CreateTicket, Ticket, TicketMessage, TicketStatus } from '../../lib/contract/moov.types';
import type { MoovMockConfig } from './config';
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

/** Where the deep faults start: only accounts larger than this show them. */
export const DEEP = 300;

/** The mock's in-memory state: accounts, their connections, tickets and messages. */
export class TicketStore {
  private readonly accounts = new Map<string, Account>();
  /** Status each ticket had before the API closed it (what a stale status index would still say). */
  private readonly statusBeforeClose = new Map<string, TicketStatus>();

  /** The next number of the one sequence all accounts share (variant global-ticket-numbers). */
  private nextGlobalNumber = 1;

  constructor(private readonly config: MoovMockConfig) {
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
    if (query.status) {
      const indexed = (t: Ticket) => (this.config.faults.has('status-filter-stale') ? this.statusBeforeClose.get(t.ticketID) ?? t.status : t.status);
      tickets = tickets.filter((t) => indexed(t) === query.status);
      if (this.config.faults.has('status-filter-deep-gap')) tickets = tickets.filter((_, i) => i < DEEP || i % 4 !== 0);
    }
    const after = query.after;
    const remaining = after === undefined ? tickets : tickets.filter((t) => (query.newestFirst ? t.number < after : t.number > after));
    return { items: remaining.slice(0, query.limit), more: remaining.length > query.limit };
  }

  get(accountID: string, ticketID: string): Ticket | undefined {
    return this.accounts.get(accountID)?.tickets.get(ticketID);
  }

  /** A ticket in any account (used only by the cross-account fault). */
  findAnywhere(ticketID: string): Ticket | undefined {
    for (const account of this.accounts.values()) {
      const ticket = account.tickets.get(ticketID);
      if (ticket) return ticket;
    }
    return undefined;
  }

  messages(accountID: string, ticketID: string): TicketMessage[] | undefined {
    return this.accounts.get(accountID)?.messages.get(ticketID);
  }

  /**
   * A new ticket: status new, fresh timestamps, the account's next number. Not stored when `persist`
   * is false; `ticketID` given only by the parallel-create-overwrites fault (a later create with the
   * same id replaces the earlier one).
   */
  create(accountID: string, input: CreateTicket, persist = true, ticketID: string = randomUUID()): Ticket {
    const account = this.account(accountID);
    const now = this.config.now().toISOString();
    if (persist && this.config.faults.has('create-touches-previous')) this.touchPrevious(account, now);
    const ticket: Ticket = {
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
    if (persist) {
      account.tickets.set(ticket.ticketID, ticket);
      account.messages.set(ticket.ticketID, [{ author: input.author ?? input.contact.email, body: input.body, sentOn: now }]);
    }
    return ticket;
  }

  /** Whether a ticket of the account already carries `foreignID`. */
  hasForeignID(accountID: string, foreignID: string): boolean {
    return [...this.account(accountID).tickets.values()].some((t) => t.foreignID === foreignID);
  }

  /** create-touches-previous: the account's highest-numbered ticket gets a later updatedOn. */
  private touchPrevious(account: Account, now: string): void {
    let previous: Ticket | undefined;
    for (const t of account.tickets.values()) if (!previous || t.number > previous.number) previous = t;
    if (!previous) return;
    const later = new Date(Math.max(Date.parse(now), Date.parse(previous.updatedOn) + 1)).toISOString();
    account.tickets.set(previous.ticketID, { ...previous, updatedOn: later });
  }

  /** The open ticket numbered just before `ticketID` in its account (close-closes-neighbour), if any. */
  openPredecessor(accountID: string, ticketID: string): Ticket | undefined {
    const account = this.account(accountID);
    const number = account.tickets.get(ticketID)?.number;
    if (number === undefined) return undefined;
    let found: Ticket | undefined;
    for (const t of account.tickets.values()) if (t.number < number && (!found || t.number > found.number)) found = t;
    return found && found.status !== 'closed' ? found : undefined;
  }

  /** Open tickets of an account whose foreignID starts with `prefix` (another client's own). */
  openLabelled(accountID: string, prefix: string): Ticket[] {
    return [...this.account(accountID).tickets.values()].filter((t) => t.status !== 'closed' && t.foreignID?.startsWith(prefix) === true);
  }

  /** Removes a ticket's foreignID (only the empty-update-drops-foreignID fault does this). */
  dropForeignID(accountID: string, ticketID: string): Ticket {
    const current = this.get(accountID, ticketID);
    if (!current) throw new Error(`dropForeignID: no ticket ${ticketID} in ${accountID}`);
    const { foreignID: _dropped, ...rest } = current;
    this.account(accountID).tickets.set(ticketID, rest);
    return rest;
  }

  /** Closes a ticket: status closed, closedOn and updatedOn set. Returns the closed ticket. */
  close(accountID: string, ticketID: string, persist = true): Ticket {
    const current = this.get(accountID, ticketID);
    if (!current) throw new Error(`close: no ticket ${ticketID} in ${accountID}`);
    const now = this.config.now();
    let closed: Ticket = { ...current, status: 'closed', updatedOn: now.toISOString(), closedOn: now.toISOString() };
    if (this.config.faults.has('closedOn-before-createdOn')) closed = { ...closed, closedOn: new Date(Date.parse(current.createdOn) - 86_400_000).toISOString() };
    if (this.config.faults.has('close-updatedOn-earlier')) closed = { ...closed, updatedOn: new Date(now.getTime() - 1000).toISOString() };
    if (persist) {
      this.account(accountID).tickets.set(ticketID, closed);
      if (!this.statusBeforeClose.has(ticketID)) this.statusBeforeClose.set(ticketID, current.status);
    }
    return closed;
  }

  private account(accountID: string): Account {
    const account = this.accounts.get(accountID);
    if (!account) throw new Error(`no account ${accountID}`);
    return account;
  }
}
