/**
 * The mock's date-times, as microseconds since the epoch (a Number holds those exactly for
 * centuries). Written apart from the suite's lib/teamworkDesk/instant.ts, so a mistake in one
 * shows as a disagreement with the other.
 */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parsed date-times: filters and orders read the same few per ticket over and over. Emptied when full. */
const parsed = new Map<string, number | undefined>();
const PARSED_LIMIT = 200_000;

/** Microseconds since the epoch (digits past the sixth cut, as Postgres keeps no more), or undefined. */
export function toMicros(text: string): number | undefined {
  if (parsed.has(text)) return parsed.get(text);
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  const micros = parse(text);
  parsed.set(text, micros);
  return micros;
}

function parse(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, date, time, fraction = '', offset = 'Z'] = match;
  const wholeSecond = Date.parse(`${date}T${time}${offset.toUpperCase()}`);
  if (Number.isNaN(wholeSecond)) return undefined;
  return wholeSecond * 1000 + Number(fraction.padEnd(6, '0').slice(0, 6));
}

function split(micros: number): { wholeSecond: string; fraction: string } {
  const ms = Math.floor(micros / 1000);
  const secondMs = Math.floor(ms / 1000) * 1000;
  return { wholeSecond: new Date(secondMs).toISOString().slice(0, 19), fraction: String(micros - secondMs * 1000).padStart(6, '0') };
}

/** As Go's RFC3339Nano writes it: the fraction's trailing zeros trimmed, no fraction at all when it is zero. */
export function writeMicros(micros: number): string {
  const { wholeSecond, fraction } = split(micros);
  const trimmed = fraction.replace(/0+$/, '');
  return `${wholeSecond}${trimmed === '' ? '' : `.${trimmed}`}Z`;
}

/** As JavaScript's Date writes it: milliseconds, the microseconds cut off. */
export function writeMillis(micros: number): string {
  return new Date(Math.floor(micros / 1000)).toISOString();
}
