/**
 * RFC 3339 date-times, read exactly. Servers keep and write different precisions (JavaScript
 * milliseconds, Postgres and Go microseconds, Go nanoseconds with trailing zeros trimmed), so
 * every fractional digit given is kept: nothing here rounds to the millisecond as Date.parse does.
 */
const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

const NANOS_PER_SECOND = 1_000_000_000n;

interface InstantParts {
  /** Milliseconds since the epoch of the whole second (the fraction left out). */
  wholeSecondMs: number;
  /** The fractional digits as written, possibly none. */
  fraction: string;
}

function parts(text: string): InstantParts | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [, date, time, fraction = '', offset = 'Z'] = match;
  // Without its fraction the text is whole seconds, which Date.parse reads exactly; 23:59:60 gives NaN.
  const wholeSecondMs = Date.parse(`${date}T${time}${offset.toUpperCase()}`);
  return Number.isNaN(wholeSecondMs) ? undefined : { wholeSecondMs, fraction };
}

/** Nanoseconds since the epoch; digits past the ninth are dropped (no server keeps finer). Undefined when not RFC 3339. */
export function instantNanos(text: string): bigint | undefined {
  const p = parts(text);
  if (p === undefined) return undefined;
  return (BigInt(p.wholeSecondMs) / 1000n) * NANOS_PER_SECOND + BigInt(p.fraction.padEnd(9, '0').slice(0, 9));
}

export const ONE_SECOND_NANOS = NANOS_PER_SECOND;

/**
 * The same instant written with another UTC offset (RFC 3339 allows any): a server that compares
 * date-times as instants gives the same answer for both spellings, one comparing text does not.
 * The fractional digits are kept as written: cutting them would name another instant on a server
 * that keeps microseconds.
 */
export function respellInstant(value: string, offsetMinutes: number): string | undefined {
  const p = parts(value);
  if (p === undefined || !Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) >= 24 * 60) return undefined;
  const local = new Date(p.wholeSecondMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const fraction = p.fraction === '' ? '' : `.${p.fraction}`;
  return `${local}${fraction}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
