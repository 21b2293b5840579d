import type { WriteNeed } from '../../lib/writePlan';

/** The sdk project's one round trip: a create and a close, within the Moov target's budget. */
export function sdkWriteNeeds(): Map<string, WriteNeed> {
  return new Map([['sdk: round trip', { tickets: 1 }]]);
}
