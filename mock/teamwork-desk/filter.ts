import type { Ticket } from '../../lib/contract/teamworkDesk.types';
import { teamworkDeskContract } from '../../lib/contract/teamworkDesk';
import { ticketVocabulary, type FieldKind } from '../../lib/teamworkDesk/vocabulary';
import { HttpAnswer, isPlainObject } from '../shared/http';
import { compareText } from './collation';
import type { TeamworkDeskMockConfig } from './config';
import { toMicros } from './instants';
import { invalidParameters } from './validator';

/**
 * The mock's filter engine: parses the `filter` parameter, validates it against the contract's
 * filter schema (so fields and operators are the contract's), and evaluates it, MongoDB style.
 * One correct reading where the notes are silent: text compares by code unit, a null field is
 * "not equal" to any value, and values of another type never match. Variants switch to the
 * SQL, *_ci and glibc readings, and to microsecond date-times.
 */
export type TicketFilter = Record<string, unknown>;

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

/** For the "unknown field ignored" faults: removes keys the contract does not know, at the levels the fault names. */
function dropUnknownFields(filter: unknown, config: TeamworkDeskMockConfig, nested = false): unknown {
  if (!isPlainObject(filter)) return filter;
  const { fields, logical } = ticketVocabulary().filter;
  const drop = nested ? config.faults.has('nested-unknown-field-ignored') : config.faults.has('unknown-filter-field-ignored');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (logical.includes(key)) out[key] = Array.isArray(value) ? value.map((part) => dropUnknownFields(part, config, true)) : value;
    else if (!drop || fields.includes(key)) out[key] = value;
  }
  return out;
}

/** The parsed filter, or a 400 Validator answer naming `filter`. */
export function parseFilter(text: string, config: TeamworkDeskMockConfig): TicketFilter {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    if (config.faults.has('invalid-filter-json-500')) throw new HttpAnswer(500, { error: 'internal error' });
    throw invalidParameters(config, { filter: [`filter: not valid JSON (${(error as Error).message})`] });
  }
  if (jsonDepth(value) > config.maxFilterDepth) {
    throw invalidParameters(config, { filter: [`filter: nested deeper than ${config.maxFilterDepth} levels`] });
  }
  value = dropUnknownFields(value, config);
  const result = teamworkDeskContract().validate(ticketVocabulary().filter.schemaName, value);
  if (!result.valid) throw invalidParameters(config, { filter: result.issues.map((issue) => `filter: ${issue.message}`) });
  return value as TicketFilter;
}

/** Whether the filter names `field` anywhere (the hide-deleted variant shows deleted tickets only then). */
export function mentions(filter: unknown, field: string): boolean {
  if (Array.isArray(filter)) return filter.some((part) => mentions(part, field));
  if (!isPlainObject(filter)) return false;
  return Object.entries(filter).some(([key, value]) => key === field || (key.startsWith('$') && mentions(value, field)));
}

class Evaluator {
  private readonly kinds = ticketVocabulary().fieldKinds;

  constructor(private readonly config: TeamworkDeskMockConfig) {}

  // Loops rather than every()/map() with closures: this runs for every ticket of the store.
  matches(filter: TicketFilter, ticket: Ticket, nested = false): boolean {
    for (const key of Object.keys(filter)) {
      const condition = filter[key];
      if (key === '$and' || key === '$or') {
        if (nested && this.config.faults.has('nested-logic-ignored')) continue;
        if (!this.logical(key === '$and' || this.config.faults.has('or-as-and'), condition as TicketFilter[], ticket)) return false;
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
    if (kind === 'reference' && this.config.faults.has('relationship-filter-ignored')) return true;
    const raw = (ticket as unknown as Record<string, unknown>)[field];
    const value = kind === 'reference' ? (isPlainObject(raw) ? raw.id : null) : raw ?? null;
    if (condition === null && this.config.faults.has('null-operand-ignored')) return true;
    if (!isPlainObject(condition)) return this.equal(value, condition, kind);
    for (const operator of Object.keys(condition)) if (!this.operator(operator, value, condition[operator], kind)) return false;
    return true;
  }

  private operator(operator: string, value: unknown, operand: unknown, kind: FieldKind): boolean {
    const faults = this.config.faults;
    const sqlNulls = this.config.variants.has('null-excluded-by-ne') && value === null;
    if (operand === null && (operator === '$eq' || operator === '$ne') && faults.has('null-operand-ignored')) return true;
    switch (operator) {
      case '$eq':
        return this.equal(value, operand, kind);
      case '$ne':
        if (faults.has('ne-as-eq')) return this.equal(value, operand, kind);
        return !sqlNulls && !this.equal(value, operand, kind);
      case '$lt':
        return (this.compare(value, operand, kind) ?? 0) < 0;
      case '$lte': {
        const c = this.compare(value, operand, kind);
        const strict = faults.has('lte-as-lt') || (kind === 'instant' && faults.has('lte-excludes-equal-instant'));
        return c !== undefined && (strict ? c < 0 : c <= 0);
      }
      case '$gt':
        return (this.compare(value, operand, kind) ?? 0) > 0;
      case '$gte': {
        const c = this.compare(value, operand, kind);
        return c !== undefined && c >= 0;
      }
      case '$in': {
        const list = operand as unknown[];
        return faults.has('in-first-only') ? list.length > 0 && this.equal(value, list[0], kind) : this.inList(value, list, kind);
      }
      case '$nin':
        if (faults.has('nin-one-value-ignored') && (operand as unknown[]).length === 1) return true;
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
    if (kind === 'instant' && !this.config.faults.has('instants-compared-as-text')) {
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
