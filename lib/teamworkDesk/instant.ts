/**
 * The same instant written with another UTC offset (RFC 3339 allows any): a server that compares
 * date-times as instants gives the same answer for both spellings, one comparing text does not.
 */
export function respellInstant(value: string, offsetMinutes: number): string | undefined {
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) >= 24 * 60) return undefined;
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
