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
    fc.constantFrom('CLOSED', 'Closed', ' closed', 'closed ', 'close', 'resolved', 'deleted', '').map((status) => ({ status, label: `not in the enum (${JSON.stringify(status)})` })),
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(['closed']), fc.constant({ status: 'closed' })).map((status) => ({ status, label: `wrong type (${JSON.stringify(status)})` })),
  );
}
