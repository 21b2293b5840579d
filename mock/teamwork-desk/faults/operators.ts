import type { Fault } from './fault';
import { operators } from './fault';

/** Operators on every operand shape: each breaks one operator for one kind of operand. */
export const OPERATOR_FAULTS = {
  'lte-excludes-equal-instant': {
    family: 'operators',
    breaks: '$lte keeps a date-time equal to its operand; on date-time fields it leaves it out',
    tamper: operators((next) => (operator, value, operand, kind) => next(operator === '$lte' && kind === 'instant' ? '$lt' : operator, value, operand, kind)),
  },
  'null-operand-ignored': {
    family: 'operators',
    breaks: 'a condition comparing with null ({"agent": null}, $eq/$ne null) holds for the tickets the comparison picks; it is dropped, so every ticket passes it',
    // {"agent": null} is $eq null.
    tamper: operators((next) => (operator, value, operand, kind) => (operand === null && (operator === '$eq' || operator === '$ne')) || next(operator, value, operand, kind)),
  },
  'nin-one-value-ignored': {
    family: 'operators',
    breaks: '$nin leaves out every listed value; a list of one value is ignored',
    tamper: operators((next) => (operator, value, operand, kind) => (operator === '$nin' && (operand as unknown[]).length === 1) || next(operator, value, operand, kind)),
  },
} satisfies Record<string, Fault>;
