import type { Ticket, TicketFilter } from '../../../lib/contract/teamworkDesk.types';
import { compareInstants } from '../../../lib/teamworkDesk/compare';
import { instantNanos, respellInstant } from '../../../lib/teamworkDesk/instant';
import { COMPLEMENT } from '../../../lib/teamworkDesk/negation';
import { observeNulls, observeValues, type ObservedValues } from '../../../lib/teamworkDesk/observed';
import { ticketVocabulary, type FieldKind } from '../../../lib/teamworkDesk/vocabulary';

export interface FilterCase {
  name: string;
  filter: TicketFilter;
  /** The case's negation (each comparison its complement), walked beside it in the same window and judged with it (TWD-OPS-001). */
  complement?: FilterCase;
}

/** Kinds whose order the server chooses: only equality-family operators are used on them. */
const EQUALITY_ONLY: ReadonlySet<FieldKind> = new Set(['enum', 'boolean', 'untyped']);

/** Per field kind, the filter field with the most distinct values in the data (contract order breaks ties). */
function representatives(observed: ObservedValues): Map<FieldKind, string> {
  const { filter, fieldKinds } = ticketVocabulary();
  const best = new Map<FieldKind, string>();
  for (const field of filter.fields) {
    const kind = fieldKinds.get(field) ?? 'untyped';
    const count = observed.get(field)?.length ?? 0;
    const current = best.get(kind);
    if (count >= 2 && (current === undefined || count > (observed.get(current)?.length ?? 0))) best.set(kind, field);
  }
  return best;
}

const middle = <T>(values: readonly T[]): T => values[Math.floor(values.length / 2)] as T;

/** Largest UTC offset used (±14:00 is the widest any zone uses; servers may refuse more). */
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * An instant `earlier` respelled with an offset wider than the gap to its later neighbour
 * `later`: as text the respelling reads after `later`, as an instant it is before it. So
 * `later` must satisfy $gt of it on a server comparing instants and fails it on one comparing
 * text. The pair is taken from the middle upwards: neighbours a second to 13 hours apart.
 */
function respelledBeforeNeighbour(values: readonly unknown[]): { operand: string; later: string } | undefined {
  const instants = values.filter((v): v is string => typeof v === 'string');
  for (let i = Math.floor(instants.length / 2); i + 1 < instants.length; i++) {
    const [earlier, later] = [instants[i] ?? '', instants[i + 1] ?? ''];
    const [x, y] = [instantNanos(earlier), instantNanos(later)];
    if (x === undefined || y === undefined || compareInstants(earlier, later) !== 'lt') continue;
    const offset = Math.ceil(Number(y - x) / 60e9) + 60;
    if (offset > MAX_OFFSET_MINUTES) continue;
    const operand = respellInstant(earlier, offset);
    if (operand !== undefined) return { operand, later };
  }
  return undefined;
}

/** One comparison on one field, as a case. */
function comparison(field: string, operator: string, operand: unknown, note = ''): FilterCase {
  return { name: `${field} ${operator} ${JSON.stringify(operand)}${note}`, filter: { [field]: { [operator]: operand } } as TicketFilter };
}

/** A comparison with its complement beside it ($lte with $gt, $in with $nin, ...), same operand. */
function splitPair(field: string, operator: string, operand: unknown, note = ''): FilterCase {
  const complement = COMPLEMENT[operator];
  const main = comparison(field, operator, operand, note);
  return complement === undefined ? main : { ...main, complement: comparison(field, complement, operand, note) };
}

/**
 * Filters that exercise every operator of the contract on one field of each kind the data has
 * (a reference, a number, a date-time, text, ...), with the middle observed value, so $lt and
 * $lte differ, each beside its complement on the same value (so a ticket holding exactly that
 * value must be in one of the two lists); $in/$nin lists of one value on every other kind and of
 * several on the rest; a date-time with another offset; null on a field that holds it; then
 * $and/$or nested both ways, the plain-value form and a filter nothing meets. Fixed examples
 * beside the generated ones: every operator and shape is tried whatever the seed.
 */
export function filterCases(observed: ObservedValues, ticketCount: number, nullable: readonly string[] = []): FilterCase[] {
  const { filter, fieldKinds } = ticketVocabulary();
  const picked = representatives(observed);
  const cases: FilterCase[] = [];
  for (const [index, [kind, field]] of [...picked].entries()) {
    const values = observed.get(field) ?? [];
    const mid = middle(values);
    const paired = new Set<string>();
    for (const op of filter.comparisons) {
      if (paired.has(op.name)) continue;
      if (!op.takesList && EQUALITY_ONLY.has(kind) && op.name !== '$eq' && op.name !== '$ne') continue;
      // Lists of one value on every other kind, of several on the rest: both shapes on every run.
      const operand = op.takesList ? (index % 2 === 0 ? [mid] : [...new Set([values[0], mid, values[values.length - 1]])]) : mid;
      cases.push(splitPair(field, op.name, operand));
      paired.add(op.name).add(COMPLEMENT[op.name] ?? op.name);
    }
    cases.push({ name: `${field} = ${JSON.stringify(mid)} (plain value)`, filter: { [field]: mid } as TicketFilter });
    const respelled = kind === 'instant' && typeof mid === 'string' ? respellInstant(mid, 120) : undefined;
    if (respelled !== undefined) cases.push(splitPair(field, '$gte', respelled, ' (another offset)'));
    const pair = kind === 'instant' ? respelledBeforeNeighbour(values) : undefined;
    if (pair !== undefined) {
      cases.push({ name: `${field} $gt ${pair.operand} (another offset, earlier than ${pair.later})`, filter: { [field]: { $gt: pair.operand } } as TicketFilter });
    }
  }

  const [and, or] = [filter.logical.find((l) => l === '$and'), filter.logical.find((l) => l === '$or')];
  const ref = picked.get('reference') ?? picked.get('number');
  const num = picked.get('number');
  if (and && or && ref && num) {
    const refValues = observed.get(ref) ?? [];
    const [a, b] = [refValues[0], middle(refValues)];
    const numMid = middle(observed.get(num) ?? []);
    cases.push({ name: `${or} of two ${ref} values`, filter: { [or]: [{ [ref]: a }, { [ref]: b }] } as TicketFilter });
    cases.push({ name: `${and} holding an ${or}`, filter: { [and]: [{ [or]: [{ [ref]: a }, { [ref]: b }] }, { [num]: { $gte: numMid } }] } as TicketFilter });
    cases.push({ name: `${or} holding an ${and}`, filter: { [or]: [{ [and]: [{ [ref]: a }, { [num]: { $lt: numMid } }] }, { [ref]: b }] } as TicketFilter });
    cases.push({ name: `plain conditions beside an ${or}`, filter: { [num]: { $gte: numMid }, [or]: [{ [ref]: a }, { [ref]: { $ne: b } }] } as TicketFilter });
  }

  // null where a field holds it: equal to null, and not (a reference where one is null, else any field).
  const withNull = nullable.find((f) => fieldKinds.get(f) === 'reference' && observed.has(f)) ?? nullable.find((f) => observed.has(f));
  if (withNull !== undefined) {
    cases.push({ name: `${withNull} = null (plain value)`, filter: { [withNull]: null } as TicketFilter });
    cases.push(comparison(withNull, '$ne', null));
  }

  // A field whose every ticket has its own value (the id): below its smallest value nothing matches.
  const unique = filter.fields.find((f) => fieldKinds.get(f) === 'number' && (observed.get(f)?.length ?? 0) === ticketCount);
  const smallest = unique === undefined ? undefined : observed.get(unique)?.[0];
  if (unique !== undefined && typeof smallest === 'number') cases.push({ name: `${unique} below every ticket's (no match)`, filter: { [unique]: { $lt: smallest } } as TicketFilter });
  return cases;
}

/**
 * The fixed cases, each in one window: case i of the window whose turn it is (i modulo the
 * windows), its values taken from that window's tickets. Every case is tried, at the cost of one
 * window's walks.
 */
export function filterCasesInWindows<W extends { tickets: readonly Ticket[] }>(windows: readonly W[]): Array<FilterCase & { window: W }> {
  const lists = windows.map((w) => filterCases(observeValues(w.tickets), w.tickets.length, observeNulls(w.tickets)));
  const longest = Math.max(0, ...lists.map((l) => l.length));
  const out: Array<FilterCase & { window: W }> = [];
  for (let i = 0; i < longest; i++) {
    // The window whose turn it is, or the next one whose tickets give a case i.
    for (let k = 0; k < windows.length; k++) {
      const w = (i + k) % windows.length;
      const found = lists[w]?.[i];
      const window = windows[w];
      if (found !== undefined && window !== undefined) {
        out.push({ ...found, window });
        break;
      }
    }
  }
  return out;
}
