import { ticketVocabulary } from '../../../lib/teamworkDesk/vocabulary';
import { HttpAnswer, isPlainObject } from '../../shared/http';
import type { Fault } from './fault';
import { forgiven } from './fault';

/** A filter without the keys the contract does not know, at the top level or only inside $and/$or. */
function withoutUnknownFields(filter: unknown, level: 'top' | 'nested', nested = false): unknown {
  if (!isPlainObject(filter)) return filter;
  const { fields, logical } = ticketVocabulary().filter;
  const drop = nested === (level === 'nested');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (logical.includes(key)) out[key] = Array.isArray(value) ? value.map((part) => withoutUnknownFields(part, level, true)) : value;
    else if (!drop || fields.includes(key)) out[key] = value;
  }
  return out;
}

/** Errors: each answers one kind of bad request otherwise than the Validator 400 the notes describe. */
export const ERROR_FAULTS = {
  'unknown-filter-field-ignored': {
    family: 'errors',
    breaks: 'an unknown filter field is a 400; it is ignored',
    tamper: { filterReading: (reading) => ({ ...reading, check: (value) => reading.check(withoutUnknownFields(value, 'top')) }) },
  },
  'nested-unknown-field-ignored': {
    family: 'errors',
    breaks: 'an unknown filter field is a 400 wherever it is; inside $and/$or it is ignored',
    tamper: { filterReading: (reading) => ({ ...reading, check: (value) => reading.check(withoutUnknownFields(value, 'nested')) }) },
  },
  'invalid-filter-json-500': {
    family: 'errors',
    breaks: 'invalid filter JSON is a 400; it is a 500',
    tamper: {
      filterReading: (reading) => ({
        ...reading,
        parse: (text) => {
          try {
            return reading.parse(text);
          } catch {
            throw new HttpAnswer(500, { error: 'internal error' });
          }
        },
      }),
    },
  },
  'unknown-order-by-ignored': {
    family: 'errors',
    breaks: 'an unknown orderBy value is a 400; the default order is used',
    tamper: { query: (reading) => forgiven(reading, 'orderBy') },
  },
  'validator-wrong-key': {
    family: 'errors',
    breaks: 'the Validator body has one key per offending parameter; it uses "request"',
    tamper: { validatorBody: (build) => (errors) => build(Object.keys(errors).length === 0 ? errors : { request: Object.values(errors).flat() }) },
  },
  'validator-messages-as-string': {
    family: 'errors',
    breaks: 'each Validator key holds a list of messages; it holds one string',
    tamper: { validatorBody: (build) => (errors) => Object.fromEntries(Object.entries(build(errors)).map(([key, messages]) => [key, Array.isArray(messages) ? messages.join('; ') : messages])) },
  },
} satisfies Record<string, Fault>;
