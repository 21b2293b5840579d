import type { Ticket } from '../../lib/contract/moov.types';
import type { Exchange } from '../../lib/http/exchange';
import { defineCheck, type Finding } from '../check';
import { sameContact } from './getMatchesCreate';
import { SRC } from './sources';

/** One of the creates sent at once, and what became of it. */
export interface ParallelCreate {
  /** The create's answer (or the ticket read back when weather took the answer). */
  created: Ticket;
  createExchange: Exchange;
  /** The ticket read by its ID after every create was answered (undefined: not 200; see readStatus). */
  read?: Ticket;
  readStatus: number;
  readExchange?: Exchange;
  /** The ticket as the listing shows it (undefined: absent from the part of the listing that keeps new tickets). */
  listed?: Pick<Ticket, 'ticketID' | 'title' | 'status'>;
}

export interface ParallelCreatesEvidence {
  creates: ParallelCreate[];
  /** The last page of the walk that looked for them. */
  listExchange?: Exchange;
}

/** Fields a ticket read back must show as its own create answered them (a sibling's would mean it was overwritten). */
const OWN = ['ticketID', 'title', 'status', 'foreignID'] as const;

export const parallelCreatesPersist = defineCheck<ParallelCreatesEvidence>({
  id: 'TKT-PAR-001',
  title: 'creates sent at once do not each persist as their own ticket',
  api: 'moov',
  severity: 'error',
  source: SRC.createPersists,
  detects: 'creates in flight at the same moment on one account that share a ticketID, cannot each be read by ID, are not each listed, or read back with another create\'s title, contact or foreignID (a lost update: the last write wins)',
  triggers: 'four valid creates sent at once to one account (a short burst the rate cap lets through and charges afterwards)',
  requests: 'four creates (from the write plan), one get per ticket, one walk of the part of the listing that keeps new tickets',
  operations: ['createTicket', 'getTicket', 'listTickets'],
  statuses: [200],
  evaluate: ({ creates, listExchange }) => {
    const findings: Finding[] = [];
    const byId = new Map<string, number>();
    creates.forEach((c, i) => {
      const first = byId.get(c.created.ticketID);
      if (first !== undefined) findings.push({ expected: `create #${i + 1} answered with a ticketID of its own`, received: `${c.created.ticketID}, the ticketID create #${first + 1} was answered with`, exchange: c.createExchange });
      else byId.set(c.created.ticketID, i);
    });
    creates.forEach((c, i) => {
      const own = `ticket ${c.created.ticketID} (create #${i + 1})`;
      if (!c.read) {
        findings.push({ expected: `${own} readable by ID: 200`, received: `HTTP ${c.readStatus}`, exchange: c.readExchange });
      } else {
        const diffs: string[] = OWN.filter((f) => c.read![f] !== c.created[f]).map((f) => `${f} ${JSON.stringify(c.read![f])} instead of ${JSON.stringify(c.created[f])}`);
        if (!sameContact(c.read.contact, c.created.contact)) diffs.push(`contact ${JSON.stringify(c.read.contact)} instead of ${JSON.stringify(c.created.contact)}`);
        if (diffs.length > 0) findings.push({ expected: `${own} read by ID as its create answered it`, received: diffs.join('; '), exchange: c.readExchange });
      }
      if (!c.listed) findings.push({ expected: `${own} listed`, received: 'absent', exchange: listExchange });
      else if (c.listed.title !== c.created.title || c.listed.status !== c.created.status) {
        findings.push({ expected: `${own} listed with its own title and status ${c.created.status}`, received: `title ${JSON.stringify(c.listed.title)}, status ${c.listed.status}`, exchange: listExchange });
      }
    });
    return findings;
  },
});
