import { scopeMatrix } from '../../generators/moov/scopeMatrix';
import { propertyRuns } from '../../lib/config/properties';
import type { WriteNeed } from '../../lib/writePlan';

/** The scale the model-based test runs at (command sequences are costly). */
export const MODEL_SCALE = 0.5;

/** The scale the values property runs at (each case is a create, a get and a walk of the listing's new tickets). */
export const VALUES_SCALE = 0.5;

/**
 * What each moov test that writes needs, in priority order (the order the plan serves them in when
 * the budget cannot run every check once). Keys are what tests pass to `moov.writes(key)`.
 */
export function moovWriteNeeds(): Map<string, WriteNeed> {
  const ids = { partner: 'p', connected: 'c', unrelated: 'u' };
  // Allowed creates make the tickets the allowed updates then close (same accounts, same count).
  const allowedCreates = scopeMatrix(ids).filter((c) => c.operation === 'createTicket' && c.expect === 'allow').length;
  return new Map<string, WriteNeed>([
    ['update: closing a ticket', { tickets: 2 }],
    ['create: generated valid tickets', { tickets: 1, perCase: 1, cases: propertyRuns() }],
    ['scopes: write operations', { tickets: allowedCreates }],
    ['isolation: a created ticket', { tickets: 1 }],
    ['update: refused statuses', { tickets: 1 }],
    // Closed once, it serves the re-close and the empty updates.
    ['update: a closed ticket', { tickets: 1 }],
    ['update: malformed bodies', { tickets: 1 }],
    ['update: other spellings of closed', { tickets: 1 }],
    // Three creates at once beside one created alone; two closes at once of one of them.
    ['parallel: creates and closes at once', { tickets: 4 }],
    // One create of every edge at once, then generated values (each a create a target may refuse).
    ['values: stored exactly', { tickets: 2, perCase: 1, cases: propertyRuns(VALUES_SCALE) }],
    // A command sequence creates a ticket or two; later sequences get what the budget leaves.
    ['model: command sequences', { tickets: 2, perCase: 2, cases: propertyRuns(MODEL_SCALE) }],
  ]);
}
