import type { Fault } from './fault';
import { connectives, operators } from './fault';

/** Filtering: each gives one operator or connective another meaning. */
export const FILTERING_FAULTS = {
  'ne-as-eq': {
    family: 'filtering',
    breaks: '$ne keeps tickets that differ; it keeps the equal ones',
    tamper: operators((next) => (operator, value, operand, kind) => next(operator === '$ne' ? '$eq' : operator, value, operand, kind)),
  },
  'lte-as-lt': {
    family: 'filtering',
    breaks: '$lte keeps the equal value; it does not',
    tamper: operators((next) => (operator, value, operand, kind) => next(operator === '$lte' ? '$lt' : operator, value, operand, kind)),
  },
  'or-as-and': {
    family: 'filtering',
    breaks: '$or needs one branch to hold; it needs all of them',
    tamper: connectives((next) => (_connective, parts, ticket, nested) => next('$and', parts, ticket, nested)),
  },
  'nested-logic-ignored': {
    family: 'filtering',
    breaks: '$and and $or nest; a nested one matches everything',
    tamper: connectives((next) => (connective, parts, ticket, nested) => nested || next(connective, parts, ticket, nested)),
  },
  'in-first-only': {
    family: 'filtering',
    breaks: '$in matches any listed value; only the first counts',
    tamper: operators((next) => (operator, value, operand, kind) => next(operator, value, operator === '$in' ? (operand as unknown[]).slice(0, 1) : operand, kind)),
  },
  'relationship-filter-ignored': {
    family: 'filtering',
    breaks: 'relationship fields filter by the related id; such conditions are ignored',
    tamper: operators((next) => (operator, value, operand, kind) => kind === 'reference' || next(operator, value, operand, kind)),
  },
  'instants-compared-as-text': {
    family: 'filtering',
    breaks: 'date-times compare as instants; they compare as text, so another offset misleads',
    tamper: operators((next) => (operator, value, operand, kind) => next(operator, value, operand, kind === 'instant' ? 'text' : kind)),
  },
} satisfies Record<string, Fault>;
