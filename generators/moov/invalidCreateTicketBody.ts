import fc from 'fast-check';
import { moovContract } from '../../lib/contract/moov';
import { schemaFields } from '../schemaArbitrary';
import { createTicketBody } from './createTicketBody';

/** A body that breaks the documented request schema in one named way. */
export interface InvalidBody {
  body: Record<string, unknown>;
  /** What was broken, for messages: "title removed", "contact.email is a number". */
  mutation: string;
  /** The top-level field at fault (a 422 must name it). */
  field: string;
}

// null is left out on purpose: servers that decode JSON into typed structs read null as "absent",
// which for an optional field is valid and for a required one is the blank case (advisory).
const WRONG_TYPES: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.integer(), fc.boolean(), fc.constant([]), fc.constant({ text: 'x' })),
  object: fc.oneof(fc.integer(), fc.boolean(), fc.constant('text'), fc.constant(['a'])),
};

function setPath(target: Record<string, unknown>, path: string, value: unknown, remove: boolean): Record<string, unknown> {
  const copy = structuredClone(target);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return copy;
    node = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] ?? '';
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/**
 * Create bodies the contract rejects: each required field removed, each field of the wrong JSON
 * type. Derived from the CreateTicket schema, starting from a valid generated body.
 */
export function invalidCreateTicketBody(): fc.Arbitrary<InvalidBody> {
  const fields = schemaFields(moovContract().schema('CreateTicket'));
  const mutations: fc.Arbitrary<InvalidBody>[] = [];
  for (const field of fields) {
    const top = field.path.split('.')[0] ?? field.path;
    if (field.required) {
      mutations.push(createTicketBody({ optional: 'always' }).map((valid) => ({ body: setPath(valid as unknown as Record<string, unknown>, field.path, undefined, true), mutation: `${field.path} removed`, field: top })));
    }
    const wrong = WRONG_TYPES[field.type];
    if (wrong) {
      mutations.push(
        fc.tuple(createTicketBody({ optional: 'always' }), wrong).map(([valid, value]) => ({
          body: setPath(valid as unknown as Record<string, unknown>, field.path, value, false),
          mutation: `${field.path} is ${Array.isArray(value) ? 'an array' : typeof value} (${JSON.stringify(value)}) instead of ${field.type}`,
          field: top,
        })),
      );
    }
  }
  return fc.oneof(...mutations);
}

/** Bodies that are not a JSON object at all: malformed JSON, other JSON types, empty. */
export function malformedBody(): fc.Arbitrary<{ raw: string; mutation: string }> {
  return fc.oneof(
    createTicketBody().chain((valid) => {
      const text = JSON.stringify(valid);
      return fc.integer({ min: 1, max: text.length - 1 }).map((cut) => ({ raw: text.slice(0, cut), mutation: `JSON cut after ${cut} characters` }));
    }),
    fc.constantFrom(
      { raw: '[]', mutation: 'a JSON array' },
      { raw: '"ticket"', mutation: 'a JSON string' },
      { raw: '42', mutation: 'a JSON number' },
      { raw: 'null', mutation: 'JSON null' },
      { raw: 'title=x&body=y', mutation: 'form data' },
      { raw: '{"title": "x",}', mutation: 'a trailing comma' },
      { raw: "{'title': 'x'}", mutation: 'single quotes' },
      { raw: '\u0000\u0001', mutation: 'binary noise' },
    ),
  );
}
