import fc from 'fast-check';
import type { TicketFilter } from '../../lib/contract/teamworkDesk.types';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
import { unknownName } from './unknownName';

export interface UnknownFieldFilter {
  filter: Record<string, unknown>;
  /** The name outside the filter list. */
  field: string;
  /** Whether it sits inside $and/$or rather than at the top. */
  nested: boolean;
}

export interface UnknownFieldFilterConstraints {
  /** A valid filter to put beside the unknown field (e.g. from the target's data). Default: none. */
  companion?: TicketFilter;
}

/** Filters that name one field outside the page's filter list, at the top or inside $and/$or. */
export function unknownFieldFilter(constraints: UnknownFieldFilterConstraints = {}): fc.Arbitrary<UnknownFieldFilter> {
  const { fields, logical } = ticketVocabulary().filter;
  if (logical.length === 0) throw new Error('unknownFieldFilter: the contract lists no $and/$or');
  const companion = constraints.companion ?? {};
  const field = unknownName({ known: [...fields, ...logical] });
  const condition = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.record({ $eq: fc.string({ maxLength: 8 }) }));
  return fc.record({ field, condition, nested: fc.boolean(), op: fc.constantFrom(...logical), withCompanion: fc.boolean() }).map(({ field: f, condition: c, nested, op, withCompanion }) => {
    const bad = { [f]: c };
    const inner = nested ? { [op]: [withCompanion ? companion : {}, bad].filter((part) => Object.keys(part).length > 0) } : bad;
    return { filter: withCompanion && !nested ? { ...companion, ...inner } : inner, field: f, nested };
  });
}
