import fc from 'fast-check';
import { moovContract } from '../../lib/contract/moov';
import type { CreateTicket } from '../../lib/contract/moov.types';
import { schemaArbitrary } from '../schemaArbitrary';
import { emailAddress, exactText, htmlBody } from '../text';

export interface CreateTicketBodyConstraints {
  /** Longest title, in graphemes. Default 100 (the pages set no limit; servers commonly allow 255 bytes or more). */
  maxTitleLength?: number;
  /** Longest body text block, in graphemes. Default 120 (a body has up to six blocks). */
  maxBodyLength?: number;
  /** Optional fields (author, contact.name, foreignID): 'sometimes' (default), 'always', 'never'. */
  optional?: 'sometimes' | 'always' | 'never';
}

function validated(constraints: CreateTicketBodyConstraints): Required<CreateTicketBodyConstraints> {
  const out = { maxTitleLength: 100, maxBodyLength: 120, optional: 'sometimes' as const, ...constraints };
  for (const key of ['maxTitleLength', 'maxBodyLength'] as const) {
    if (!Number.isInteger(out[key]) || out[key] < 1) throw new Error(`createTicketBody: ${key} must be a positive integer, got ${String(out[key])}`);
  }
  if (!['sometimes', 'always', 'never'].includes(out.optional)) throw new Error(`createTicketBody: optional must be sometimes, always or never, got ${String(out.optional)}`);
  return out;
}

/**
 * Valid create-ticket bodies, derived from the contract's CreateTicket schema: unicode and HTML,
 * long and short strings, optional fields present or absent. Named fields get realistic values;
 * any other field the contract gains gets generic text.
 */
export function createTicketBody(constraints: CreateTicketBodyConstraints = {}): fc.Arbitrary<CreateTicket> {
  const { maxTitleLength, maxBodyLength, optional } = validated(constraints);
  const title = fc.oneof(exactText({ maxLength: 12 }), exactText({ minLength: 20, maxLength: maxTitleLength }));
  return schemaArbitrary(moovContract().schema('CreateTicket'), {
    optional,
    fields: {
      title,
      'contact.email': emailAddress(),
      'contact.name': exactText({ maxLength: 40 }),
      author: exactText({ maxLength: 40 }),
      foreignID: fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/),
    },
    formats: { html: htmlBody({ maxLength: maxBodyLength }) },
    defaultString: exactText({ maxLength: 40 }),
  }) as fc.Arbitrary<CreateTicket>;
}
