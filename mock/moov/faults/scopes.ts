import { HttpAnswer } from '../../shared/http';
import type { Fault } from './fault';

const PROFILE = '/profile.read';

/** Scopes and reach: each grants or refuses against the pages' scope rules. */
export const SCOPE_FAULTS = {
  'read-scope-can-write': {
    family: 'scopes',
    breaks: 'create and update need tickets.write; tickets.read is enough',
    deviation: () => ({
      scopes: ({ alternatives, has }) => ({ alternatives: [...alternatives, ...alternatives.map((scopes) => scopes.map((s) => s.replace(/tickets\.write$/, 'tickets.read')))], has }),
    }),
  },
  'profile-scope-not-required': {
    family: 'scopes',
    breaks: "another account's tickets need profile.read; the partner scope alone is enough",
    deviation: () => ({ scopes: ({ alternatives, has }) => ({ alternatives: alternatives.map((scopes) => scopes.filter((s) => !s.endsWith(PROFILE))), has }) }),
  },
  'any-profile-scope-accepted': {
    family: 'scopes',
    breaks: "another account's tickets need that account's profile.read; any account's profile.read is enough",
    deviation: () => ({
      scopes: ({ alternatives, has }, _ctx, principal) => {
        const anyProfile = principal.kind === 'token' && [...principal.scopes].some((s) => s.endsWith(PROFILE));
        return { alternatives, has: (scope) => has(scope) || (anyProfile && scope.endsWith(PROFILE)) };
      },
    }),
  },
  'unrelated-account-reachable': {
    family: 'scopes',
    breaks: "an account outside the partner's reach is refused; it is served",
    deviation: () => ({ reachable: () => true }),
  },
  'partner-form-refused': {
    family: 'scopes',
    breaks: "the partner's tickets scope with the account's profile.read is enough; it is refused",
    deviation: () => ({ scopes: (check, _ctx, principal, accountID) => (accountID === principal.ownerID ? check : { ...check, alternatives: check.alternatives.slice(0, 1) }) }),
  },
  'filtered-list-past-reach': {
    family: 'scopes',
    breaks: "an account outside the partner's reach is refused; its list is served when filtered by status",
    deviation: (settings) => ({
      authorize: (authorize) => (ctx, principal, accountID) => {
        if (ctx.operation.id === 'listTickets' && ctx.query.status !== undefined && accountID === settings.unrelatedAccountID) return;
        authorize(ctx, principal, accountID);
      },
    }),
  },
  'refused-update-applied': {
    family: 'scopes',
    breaks: 'an update without its scope is refused and changes nothing; it answers 403 and closes the ticket all the same',
    deviation: () => ({
      authorize: (authorize) => (ctx, principal, accountID) => {
        if (ctx.operation.id !== 'updateTicket') return authorize(ctx, principal, accountID);
        try {
          authorize(ctx, principal, accountID);
        } catch (error) {
          const ticket = ctx.store.get(accountID, ctx.pathParams.ticketID ?? '');
          if (error instanceof HttpAnswer && error.status === 403 && ticket && ticket.status !== 'closed' && /"status"\s*:\s*"closed"/.test(ctx.body.text)) {
            ctx.store.close(accountID, ticket.ticketID);
          }
          throw error;
        }
      },
    }),
  },
  'list-scope-ignored': {
    family: 'scopes',
    breaks: 'listing needs tickets.read; any valid token lists',
    // One alternative with no scope in it: every token has all of it.
    deviation: () => ({ scopes: (check, ctx) => (ctx.operation.id === 'listTickets' ? { ...check, alternatives: [[]] } : check) }),
  },
} satisfies Record<string, Fault>;
