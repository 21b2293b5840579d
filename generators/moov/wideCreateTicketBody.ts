import fc from 'fast-check';
import { moovContract } from '../../lib/contract/moov';
import type { CreateTicket } from '../../lib/contract/moov.types';
import { schemaArbitrary } from '../schemaArbitrary';
import { exactText, PLANE_UNITS, wideEmailAddress, wideText } from '../text';

export interface WideCreateTicketBodyConstraints {
  /** Longest title, in graphemes. Default 5000 (the pages set no limit). */
  maxTitleLength?: number;
  /** Longest contact name, in graphemes. Default 2000. */
  maxNameLength?: number;
  /** Longest body, in graphemes. Default 5000. */
  maxBodyLength?: number;
}

function validated(constraints: WideCreateTicketBodyConstraints): Required<WideCreateTicketBodyConstraints> {
  const out = { maxTitleLength: 5000, maxNameLength: 2000, maxBodyLength: 5000, ...constraints };
  for (const key of ['maxTitleLength', 'maxNameLength', 'maxBodyLength'] as const) {
    if (!Number.isInteger(out[key]) || out[key] < 1) throw new Error(`wideCreateTicketBody: ${key} must be a positive integer, got ${String(out[key])}`);
  }
  return out;
}

/**
 * Create-ticket bodies with values across the whole range (see wideText, wideEmailAddress), derived
 * from the contract's CreateTicket schema like createTicketBody: a target must store each value it
 * accepts exactly, or refuse it with a 4xx. contact.name is always present (it is shown back).
 */
export function wideCreateTicketBody(constraints: WideCreateTicketBodyConstraints = {}): fc.Arbitrary<CreateTicket> {
  const { maxTitleLength, maxNameLength, maxBodyLength } = validated(constraints);
  return schemaArbitrary(moovContract().schema('CreateTicket'), {
    optional: 'sometimes',
    fields: {
      title: wideText({ maxLength: maxTitleLength }),
      'contact.email': wideEmailAddress(),
      'contact.name': wideText({ maxLength: maxNameLength }),
      author: exactText({ maxLength: 40 }),
      foreignID: fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/),
    },
    formats: { html: wideText({ maxLength: maxBodyLength, padded: 0.2 }) },
    defaultString: exactText({ maxLength: 40 }),
  }).map((body) => body as CreateTicket);
}

/** `length` code points of text cycling through every plane's units and mixed-case ASCII, with no space at either end. */
function cycled(length: number): string {
  const units = ['Support', ' ', 'TICKET', ' ', 'mixed', ' ', ...PLANE_UNITS.slice(0, 15), ' '];
  const out: string[] = [];
  for (let i = 0; out.length < length; i++) out.push(...Array.from(units[i % units.length]!));
  const core = out.slice(0, length);
  if (core[0] === ' ') core[0] = 'S';
  if (core[core.length - 1] === ' ') core[core.length - 1] = 'T';
  return core.join('');
}

/**
 * One body with every edge at once, for a run whose write plan leaves room for few generated
 * cases: a 4,096-character title (code points) with a leading and two trailing spaces, every
 * Unicode plane and combining marks; the pages' mixed-case address with a sub-address and an
 * upper-case domain; a 1,024-character contact name with surrounding spaces; an 8,000-character body.
 */
export function edgeCreateTicketBody(): CreateTicket {
  return {
    title: ` ${cycled(4093)}  `,
    body: `<p>${cycled(8000)}</p>`,
    contact: { email: 'Melany.Roberts+Edge@Yahoo.COM', name: `  ${cycled(1021)} ` },
  };
}
