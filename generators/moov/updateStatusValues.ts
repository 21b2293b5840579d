import fc from 'fast-check';
import { moovContract } from '../../lib/contract/moov';

function enumOf(schemaName: string, field: string): string[] {
  const schema = moovContract().schema(schemaName);
  const property = ((schema.properties ?? {}) as Record<string, { enum?: unknown[] }>)[field];
  return (property?.enum ?? []).map(String);
}

/** The statuses an update may set (the UpdateTicket enum: closed). */
export function allowedUpdateStatuses(): string[] {
  return enumOf('UpdateTicket', 'status');
}

/**
 * Update bodies whose status the contract refuses: every other ticket status, unknown words,
 * other spellings of closed, and wrong JSON types.
 */
export function refusedUpdateStatus(): fc.Arbitrary<{ status: unknown; label: string }> {
  const allowed = new Set(allowedUpdateStatuses());
  const otherStatuses = enumOf('Ticket', 'status').filter((s) => !allowed.has(s));
  return fc.oneof(
    fc.constantFrom(...otherStatuses).map((status) => ({ status, label: `another ticket status (${status})` })),
    // Not "": servers that decode into typed structs cannot tell it from an absent status (an empty update).
    // Not other spellings of closed: lenient servers fold case and trim (see closedSpellings, advisory).
    fc.constantFrom('close', 'resolved', 'deleted', 'open', 'archived').map((status) => ({ status, label: `not in the enum (${JSON.stringify(status)})` })),
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(['closed']), fc.constant({ status: 'closed' })).map((status) => ({ status, label: `wrong type (${JSON.stringify(status)})` })),
  );
}

/** Other spellings of closed, which a lenient server may accept (judged only as advisory). */
export function closedSpellings(): string[] {
  return allowedUpdateStatuses().flatMap((status) => [status.toUpperCase(), status[0]!.toUpperCase() + status.slice(1), ` ${status}`, `${status} `]);
}
