import type { Ticket } from '../../lib/contract/teamworkDesk.types';
import { seedData, type RelatedRecord, type SeedShape } from './seed';

/** The mock's data: read-only tickets and the related records `included` serves. */
export class TicketStore {
  readonly tickets: readonly Ticket[];
  private readonly related: Map<string, Map<number, RelatedRecord>>;

  constructor(ticketCount: number, shape?: SeedShape) {
    const data = seedData(ticketCount, shape);
    this.tickets = data.tickets;
    this.related = new Map([...data.related].map(([type, list]) => [type, new Map(list.map((r) => [r.id, r]))]));
  }

  /** The plural type names the store holds: what `includes` may ask for. */
  types(): string[] {
    return [...this.related.keys()];
  }

  record(type: string, id: number): RelatedRecord | undefined {
    return this.related.get(type)?.get(id);
  }
}
