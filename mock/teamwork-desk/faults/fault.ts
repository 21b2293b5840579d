import type { FilterSemantics, MockAnswer, QueryReading, Tamper } from '../seams';

/** A named deviation: the family it is listed under, the promise it breaks, and the seams where it does so. */
export interface Fault {
  family: string;
  breaks: string;
  tamper: Partial<Tamper>;
}

/** A copy of `record` without `key`. */
export function without<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  const out = { ...record };
  delete out[key];
  return out;
}

/** The query as if parameter `name` had not been sent; its problems, if any, still stand. */
export function withoutValue(reading: QueryReading, name: string): QueryReading {
  return { ...reading, values: without(reading.values, name) };
}

/** The query as if a parameter `name` with problems had not been sent (a lenient server's reading); unchanged when it has none. */
export function forgiven(reading: QueryReading, name: string): QueryReading {
  if (!reading.problems.some((issue) => issue.field === name)) return reading;
  return { values: without(reading.values, name), problems: reading.problems.filter((issue) => issue.field !== name) };
}

/** Every answer changed once the correct one is made. */
export function answered(change: (answer: MockAnswer) => MockAnswer): Partial<Tamper> {
  return { answer: (next) => (request) => change(next(request)) };
}

/** The filter operators wrapped: `wrap` gets the operators as they were and says what they mean now. */
export function operators(wrap: (next: FilterSemantics['operator']) => FilterSemantics['operator']): Partial<Tamper> {
  return { filterSemantics: (semantics) => ({ ...semantics, operator: wrap(semantics.operator) }) };
}

/** $and and $or wrapped, likewise. */
export function connectives(wrap: (next: FilterSemantics['connective']) => FilterSemantics['connective']): Partial<Tamper> {
  return { filterSemantics: (semantics) => ({ ...semantics, connective: wrap(semantics.connective) }) };
}
