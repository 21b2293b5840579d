import type { Ticket } from '../../lib/contract/teamworkDesk.types';
import { teamworkDeskContract } from '../../lib/contract/teamworkDesk';
import { ticketVocabulary, type FieldKind } from '../../lib/teamworkDesk/vocabulary';
import { isPlainObject } from '../shared/http';
import { compareText } from './collation';
import type { TeamworkDeskMockConfig } from './config';
import { toMicros } from './instants';
import type { FilterSemantics, TicketFilter } from './seams';
import { invalidParameters } from './validator';

/**
 * The mock's filter engine: parses the `filter` parameter, validates it against the contract's
 * filter schema (so fields and operators are the contract's), and evaluates it, MongoDB style.
 * One correct reading where the notes are silent: text compares by code unit, a null field is
 * "not equal" to any value, and values of another type never match. Variants switch to the
 * SQL, *_ci and glibc readings, and to microsecond date-times.
 */
export type { TicketFilter } from './seams';

/** Nesting depth of a JSON value, measured without recursion (hostile filters nest deeply). */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    deepest = Math.max(deepest, depth);
    if (node && typeof node === 'object') for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The parsed filter, or a 400 Validator answer naming `filter`. */
export function parseFilter(text: string, config: TeamworkDeskMockConfig): TicketFilter {
  const refuse = (messages: string[]) => invalidParameters(config, { filter: messages });
  const reading = config.tamper.filterReading({
    parse(json) {
      try {
        return JSON.parse(json) as unknown;
      } catch (error) {
        throw refuse([`filter: not valid JSON (${(error as Error).message})`]);
      }
    },
    check(value) {
      const result = teamworkDeskContract().validate(ticketVocabulary().filter.schemaName, value);
      if (!result.valid) throw refuse(result.issues.map((issue) => `filter: ${issue.message}`));
      return value as TicketFilter;
    },
    refuse,
  });
  const value = reading.parse(text);
  if (jsonDepth(value) > config.maxFilterDepth) throw refuse([`filter: nested deeper than ${config.maxFilterDepth} levels`]);
  return reading.check(value);
}

/** Whether the filter names `field` anywhere (the hide-deleted variant shows deleted tickets only then). */
export function mentions(filter: unknown, field: string): boolean {
  if (Array.isArray(filter)) return filter.some((part) => mentions(part, field));
  if (!isPlainObject(filter)) return false;
  return Object.entries(filter).some(([key, value]) => key === field || (key.startsWith('$') && mentions(value, field)));
}

class Evaluator {
  private readonly kinds = ticketVocabulary().fieldKinds;
  private readonly semantics: FilterSemantics;

  constructor(private readonly config: TeamworkDeskMockConfig) {
    this.semantics = config.tamper.filterSemantics({
      operator: (operator, value, operand, kind) => this.operator(operator, value, operand, kind),
      connective: (connective, parts, ticket) => this.logical(connective === '$and', parts, ticket),
    });
  }

  // Loops rather than every()/map() with closures: this runs for every ticket of the store.
  matches(filter: TicketFilter, ticket: Ticket, nested = false): boolean {
    for (const key of Object.keys(filter)) {
      const condition = filter[key];
      if (key === '$and' || key === '$or') {
        if (!this.semantics.connective(key, condition as TicketFilter[], ticket, nested)) return false;
      } else if (!this.fieldMatches(key, condition, ticket)) return false;
    }
    return true;
  }

  /** $and (every part holds) or $or (some part holds). */
  private logical(every: boolean, parts: readonly TicketFilter[], ticket: Ticket): boolean {
    for (const part of parts) if (this.matches(part, ticket, true) !== every) return !every;
    return every;
  }

  private fieldMatches(field: string, condition: unknown, ticket: Ticket): boolean {
    const kind = this.kinds.get(field) ?? 'untyped';
    const raw = (ticket as unknown as Record<string, unknown>)[field];
    const value = kind === 'reference' ? (isPlainObject(raw) ? raw.id : null) : raw ?? null;
    // A bare value is $eq's operand.
    if (!isPlainObject(condition)) return this.semantics.operator('$eq', value, condition, kind);
    for (const operator of Object.keys(condition)) if (!this.semantics.operator(operator, value, condition[operator], kind)) return false;
    return true;
  }

  private operator(operator: string, value: unknown, operand: unknown, kind: FieldKind): boolean {
    const sqlNulls = this.config.variants.has('null-excluded-by-ne') && value === null;
    switch (operator) {
      case '$eq':
        return this.equal(value, operand, kind);
      case '$ne':
        return !sqlNulls && !this.equal(value, operand, kind);
      case '$lt':
        return (this.compare(value, operand, kind) ?? 0) < 0;
      case '$lte': {
        const c = this.compare(value, operand, kind);
        return c !== undefined && c <= 0;
      }
      case '$gt':
        return (this.compare(value, operand, kind) ?? 0) > 0;
      case '$gte': {
        const c = this.compare(value, operand, kind);
        return c !== undefined && c >= 0;
      }
      case '$in':
        return this.inList(value, operand as unknown[], kind);
      case '$nin':
        return !sqlNulls && !this.inList(value, operand as unknown[], kind);
      default:
        return false; // the contract admits no other operator; validation refused it already
    }
  }

  private inList(value: unknown, list: readonly unknown[], kind: FieldKind): boolean {
    for (const item of list) if (this.equal(value, item, kind)) return true;
    return false;
  }

  private equal(value: unknown, operand: unknown, kind: FieldKind): boolean {
    if (value === null || operand === null) return value === operand;
    if (typeof value === 'boolean' || typeof operand === 'boolean') return value === operand;
    return this.compare(value, operand, kind) === 0;
  }

  /** Sign of value − operand, or undefined when they do not compare (other types, unparseable dates). */
  private compare(value: unknown, operand: unknown, kind: FieldKind): number | undefined {
    if (typeof value === 'number' && typeof operand === 'number') return Math.sign(value - operand);
    if (typeof value !== 'string' || typeof operand !== 'string') return undefined;
    if (kind === 'instant') {
      // At the precision the store keeps (microseconds under a variant), not the one tickets are written with.
      const a = toMicros(value);
      const b = toMicros(operand);
      return a === undefined || b === undefined ? undefined : Math.sign(a - b);
    }
    return compareText(value, operand, this.config);
  }
}

export function filterTickets(tickets: readonly Ticket[], filter: TicketFilter | undefined, config: TeamworkDeskMockConfig): Ticket[] {
  const hideDeleted = config.variants.has('hide-deleted-by-default') && !mentions(filter, 'state');
  const evaluator = new Evaluator(config);
  const out: Ticket[] = [];
  for (const t of tickets) if (!(hideDeleted && t.state === config.states.deleted) && (filter === undefined || evaluator.matches(filter, t))) out.push(t);
  return out;
}
