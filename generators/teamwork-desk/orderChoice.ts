import fc from 'fast-check';
import { orderKeys } from '../../lib/teamworkDesk/orderKey';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';

export interface OrderChoice {
  orderBy?: string;
  orderMode?: string;
}

export interface OrderChoiceConstraints {
  /** 'judged' (default): only orderBy values whose order the suite can judge (own values, readable dotted names); 'all': every documented value. */
  values?: 'judged' | 'all';
  /** Whether orderMode may be left out (the default direction is not documented). Default true. */
  allowNoMode?: boolean;
}

/** orderBy / orderMode choices from the contract's lists. */
export function orderChoice(constraints: OrderChoiceConstraints = {}): fc.Arbitrary<OrderChoice> {
  const { values = 'judged', allowNoMode = true } = constraints;
  if (values !== 'judged' && values !== 'all') throw new Error(`orderChoice: values must be 'judged' or 'all', got ${String(values)}`);
  const vocabulary = ticketVocabulary();
  const names = values === 'all' ? [...vocabulary.orderBy] : [...orderKeys().keys()];
  if (names.length === 0) throw new Error('orderChoice: the contract lists no orderBy value to choose from');
  const mode = fc.constantFrom(...vocabulary.orderModes);
  return fc.record({ orderBy: fc.constantFrom(...names), orderMode: allowNoMode ? fc.option(mode, { nil: undefined }) : mode }).map((c) =>
    c.orderMode === undefined ? { orderBy: c.orderBy } : c,
  );
}
