import fc from 'fast-check';

export interface IncludeSelectionConstraints {
  /** The reference types the target's tickets carry (referenceTypes): the only names sent. */
  types: readonly string[];
}

/** Non-empty selections of include names, in any order (the notes list none beyond what data shows). */
export function includeSelection(constraints: IncludeSelectionConstraints): fc.Arbitrary<string[]> {
  const { types } = constraints;
  if (types.length === 0) throw new Error('includeSelection: no reference types to include: the target returned no references');
  return fc.shuffledSubarray([...types], { minLength: 1 });
}
