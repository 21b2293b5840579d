import fc from 'fast-check';

export interface UnknownNameConstraints {
  /** The documented names; generated names differ from each of them, ignoring case. */
  known: readonly string[];
  /** Whether dotted names (related.field) are generated too. Default false. */
  dotted?: boolean;
}

/**
 * Names outside a documented list, shaped like the names in it. Case variants of listed names
 * are never generated: whether names are case-sensitive is not documented.
 */
export function unknownName(constraints: UnknownNameConstraints): fc.Arbitrary<string> {
  const known = new Set(constraints.known.map((n) => n.toLowerCase()));
  if (known.size === 0) throw new Error('unknownName: known must list the documented names');
  const word = fc.stringMatching(/^[a-z][a-zA-Z_]{2,14}$/);
  const name = constraints.dotted ? fc.oneof(word, fc.tuple(word, word).map(([a, b]) => `${a}.${b}`)) : word;
  return name.filter((n) => !known.has(n.toLowerCase()));
}
