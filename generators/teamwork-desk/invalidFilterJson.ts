import fc from 'fast-check';

export interface InvalidFilterJsonConstraints {
  /** Field names to build near-valid JSON from (a filter field the contract lists). Default ['id']. */
  fields?: readonly string[];
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Filter texts that are not JSON: near misses of a valid filter (truncated, unquoted key,
 * single quotes, trailing comma, a JavaScript literal) and plain words.
 */
export function invalidFilterJson(constraints: InvalidFilterJsonConstraints = {}): fc.Arbitrary<string> {
  const fields = constraints.fields ?? ['id'];
  if (fields.length === 0) throw new Error('invalidFilterJson: fields must not be empty');
  const field = fc.constantFrom(...fields);
  const value = fc.integer({ min: 1, max: 99_999 });
  const valid = fc.tuple(field, value).map(([f, v]) => JSON.stringify({ [f]: { $eq: v } }));
  return fc
    .oneof(
      valid.chain((text) => fc.integer({ min: 1, max: text.length - 1 }).map((cut) => text.slice(0, cut))),
      fc.tuple(field, value).map(([f, v]) => `{${f}: ${v}}`),
      fc.tuple(field, value).map(([f, v]) => `{'${f}': ${v}}`),
      fc.tuple(field, value).map(([f, v]) => `{"${f}": ${v},}`),
      fc.tuple(field, fc.constantFrom('undefined', 'NaN', 'Infinity', '0x10')).map(([f, v]) => `{"${f}": ${v}}`),
      fc.stringMatching(/^[a-z]{1,12}$/),
    )
    .filter((text) => text.trim() !== '' && !parses(text));
}
