import type { TicketFilter } from '../contract/teamworkDesk.types';
import { isRecord } from '../json';
import { ticketVocabulary } from './vocabulary';

/**
 * Each comparison's complement: for a non-null value of the operand's type exactly one of the
 * two holds, under MongoDB's reading and SQL's alike, whatever the collation or the precision
 * the server keeps date-times at (both sides cut the operand the same way).
 */
export const COMPLEMENT: Readonly<Record<string, string>> = {
  $eq: '$ne',
  $ne: '$eq',
  $lt: '$gte',
  $gte: '$lt',
  $lte: '$gt',
  $gt: '$lte',
  $in: '$nin',
  $nin: '$in',
};

const holdsNull = (operand: unknown): boolean => operand === null || (Array.isArray(operand) && operand.includes(null));

function negateCondition(field: string, condition: unknown): TicketFilter | undefined {
  // Comparing with null is where MongoDB and SQL part ways (x <> NULL holds nowhere in SQL): no exact complement.
  if (holdsNull(condition)) return undefined;
  if (!isRecord(condition)) return { [field]: { $ne: condition } } as TicketFilter;
  const parts: TicketFilter[] = [];
  for (const [operator, operand] of Object.entries(condition)) {
    const complement = COMPLEMENT[operator];
    if (complement === undefined || holdsNull(operand)) return undefined;
    parts.push({ [field]: { [complement]: operand } } as TicketFilter);
  }
  return either(parts);
}

function either(parts: TicketFilter[]): TicketFilter | undefined {
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : ({ $or: parts } as TicketFilter);
}

/**
 * The filter's negation by De Morgan's laws, written with the contract's own operators: $and
 * becomes $or and back, each comparison its complement. For a ticket whose every named field
 * holds a value (not null) the filter and its negation split the tickets exactly: each in one of
 * the two lists. Undefined when the filter compares with null or names an unknown operator.
 */
export function negateFilter(filter: TicketFilter): TicketFilter | undefined {
  const { logical } = ticketVocabulary().filter;
  const parts: TicketFilter[] = [];
  for (const [key, value] of Object.entries(filter as Record<string, unknown>)) {
    if (!logical.includes(key)) {
      const negated = negateCondition(key, value);
      if (negated === undefined) return undefined;
      parts.push(negated);
      continue;
    }
    if (!Array.isArray(value) || value.length === 0) return undefined;
    const negated = value.map((part) => (isRecord(part) ? negateFilter(part as TicketFilter) : undefined));
    if (negated.some((n) => n === undefined)) return undefined;
    const branches = negated as TicketFilter[];
    // The contract has two logical operators; which is which is in their names.
    if (key === '$or') parts.push(branches.length === 1 ? (branches[0] as TicketFilter) : ({ $and: branches } as TicketFilter));
    else {
      const branch = either(branches);
      if (branch === undefined) return undefined;
      parts.push(branch);
    }
  }
  return either(parts);
}
