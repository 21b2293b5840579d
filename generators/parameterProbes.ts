import type { ParameterSpec } from '../lib/contract/loadContract';
import type { JsonSchema } from '../lib/contract/openapi';

/**
 * How a probe's answer is judged:
 * - `invalid`: the value breaks the parameter's contract: a 4xx, never a 2xx, never a 5xx;
 * - `doubtful`: a lenient reading is common (case folding, parseInt, saturation): a 4xx is
 *   expected, a conforming 2xx is advisory only;
 * - `open`: the pages leave the answer open (empty read as absent, a repeated parameter): any
 *   conforming answer, never a 5xx.
 */
export type ProbeKind = 'invalid' | 'doubtful' | 'open';

export interface ParameterProbe {
  parameter: string;
  in: 'query' | 'header';
  /** The value sent; an array repeats a query parameter. */
  value: string | readonly string[];
  kind: ProbeKind;
  /** What makes it invalid or doubtful, for failure messages. */
  what: string;
}

const LONG = 4096;

/** Resolves `$ref`s of a parameter schema to the component schema (the contract does it). */
export type SchemaResolver = (schema: JsonSchema) => JsonSchema;

function probesFor(p: ParameterSpec, schema: JsonSchema): ParameterProbe[] {
  const make = (value: string | readonly string[], kind: ProbeKind, what: string): ParameterProbe => ({ parameter: p.name, in: p.in as 'query' | 'header', value, kind, what: `${p.name} ${what}` });
  // Header values travel as Latin-1 at best; non-ASCII and repeated headers are left to query parameters.
  const inQuery = p.in === 'query';
  const enumValues = Array.isArray(schema.enum) ? schema.enum.filter((v): v is string => typeof v === 'string') : [];
  const probes: ParameterProbe[] = [];
  if (schema.type === 'integer' || schema.type === 'number') {
    probes.push(make('abc', 'invalid', 'is not a number'), make('2.5', schema.type === 'integer' ? 'doubtful' : 'open', 'is not an integer'), make('9'.repeat(40), 'doubtful', 'overflows any integer'), make('', 'open', 'is empty'));
    // Python's int() reads a full-width digit, and clamping below the minimum is a common lenient
    // reading: both are doubtful, not invalid, so a correct lenient server still passes.
    if (inQuery) probes.push(make('１', 'doubtful', 'is a non-ASCII digit'), make(['1', '2'], 'open', 'is repeated'));
    if (typeof schema.minimum === 'number') probes.push(make(String(schema.minimum - 1), 'doubtful', `is below the minimum of ${schema.minimum}`));
  } else if (enumValues.length > 0) {
    const first = enumValues[0]!;
    probes.push(make(`zz-${first}`, 'invalid', `is outside ${enumValues.join(', ')}`), make(first.repeat(Math.ceil(LONG / first.length)), 'invalid', `is very long and outside ${enumValues.join(', ')}`), make('', 'open', 'is empty'));
    if (first.toUpperCase() !== first) probes.push(make(first.toUpperCase(), 'doubtful', `is ${first} in capitals`));
    if (inQuery) probes.push(make(`${first}é`, 'invalid', `is non-ASCII and outside ${enumValues.join(', ')}`), make(enumValues.slice(0, 2), 'open', 'is repeated with two documented values'));
  } else if (schema['x-issued-by-server'] === true) {
    // Only values the server issued are cursors: anything made up is invalid input.
    probes.push(make('not a cursor!', 'invalid', 'was never issued by the server'), make('A'.repeat(LONG), 'invalid', 'is very long and was never issued'), make('', 'open', 'is empty'));
    if (inQuery) probes.push(make('curseur-ü-☃', 'invalid', 'is non-ASCII and was never issued'), make(['not a cursor!', 'nor this'], 'invalid', 'is repeated, neither value issued'));
  } else if (schema.contentMediaType === 'application/json') {
    probes.push(make('{"not": json', 'invalid', 'is not JSON'), make('', 'open', 'is empty'));
    if (inQuery) probes.push(make(['{}', '{}'], 'open', 'is repeated'));
  } else if (typeof schema.pattern === 'string') {
    const example = Array.isArray(schema.examples) && typeof schema.examples[0] === 'string' ? schema.examples[0] : 'x';
    probes.push(make('v9', 'doubtful', `does not match ${schema.pattern}`), make(example.repeat(Math.ceil(LONG / example.length)), 'doubtful', `is very long and does not match ${schema.pattern}`), make('', 'open', 'is empty'));
    if (inQuery) probes.push(make(`${example}é`, 'doubtful', 'is non-ASCII'), make([example, example], 'open', 'is repeated'));
  } else if (schema.type === 'string') {
    probes.push(make('x'.repeat(LONG), 'open', 'is very long'), make('', 'open', 'is empty'));
    if (inQuery) probes.push(make('ü☃', 'open', 'is non-ASCII'));
  }
  return probes;
}

/**
 * Invalid and boundary values of every query parameter and header an operation documents,
 * derived from their schemas (type, enum, pattern, `x-issued-by-server`), so a parameter added
 * to the contract gets its probes without a second edit, for either API. Path parameters have
 * their own generators (odd and unknown ticket IDs, accounts outside reach).
 */
export function parameterProbes(parameters: readonly ParameterSpec[], resolve: SchemaResolver): ParameterProbe[] {
  return parameters.filter((p) => p.in === 'query' || p.in === 'header').flatMap((p) => probesFor(p, resolve(p.schema)));
}
