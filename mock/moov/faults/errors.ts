import type { TicketStatus } from '../../../lib/contract/moov.types';
import { HttpAnswer } from '../../shared/http';
import { presentTicket } from '../present';
import type { Fault } from './fault';

/** Error codes: each answers a request the pages say is refused, or refuses it with another code. */
export const ERROR_FAULTS = {
  'missing-field-accepted': {
    family: 'errors',
    breaks: 'title is required; a create without it succeeds',
    deviation: () => ({
      issues: (issues, kind, body, ctx) => {
        if (ctx.operation.id !== 'createTicket') return issues;
        if (kind === 'semantic') return [];
        if (body.title === undefined) body.title = '';
        return issues.filter((i) => !(i.keyword === 'required' && i.field === 'title'));
      },
    }),
  },
  'wrong-type-500': {
    family: 'errors',
    breaks: 'invalid input is a 4xx; a field of the wrong type is a 500',
    deviation: () => ({ refusal: (answer, why) => (why.reason === 'invalid-body' && why.issues.some((i) => i.keyword === 'type') ? new Error('fault wrong-type-500') : answer) }),
  },
  'malformed-json-500': {
    family: 'errors',
    breaks: 'malformed JSON is a 400; it is a 500',
    deviation: () => ({ refusal: (answer, why) => (why.reason === 'malformed-json' ? new Error('fault malformed-json-500') : answer) }),
  },
  'unknown-ticket-400': {
    family: 'errors',
    breaks: 'an unknown ticket is a 404; it is a 400',
    deviation: () => ({ refusal: (answer, why) => (why.reason === 'unknown-ticket' ? new HttpAnswer(400, { error: 'bad ticket id' }) : answer) }),
  },
  'update-any-status': {
    family: 'errors',
    breaks: 'status can only be set to closed; any status is accepted',
    deviation: (settings) => ({
      issues: (issues, kind, body, ctx) => (kind === 'contract' && ctx.operation.id === 'updateTicket' && typeof body.status === 'string' ? [] : issues),
      // Answered with the new status, not stored.
      applyUpdate: (apply) => (ctx, held, status) =>
        typeof status === 'string' && status !== 'closed'
          ? { status: 200, body: presentTicket({ ...held.ticket, status: status as TicketStatus, updatedOn: settings.now().toISOString() }, ctx) }
          : apply(ctx, held, status),
    }),
  },
  'malformed-json-404': {
    family: 'errors',
    breaks: 'malformed JSON is a 400 (invalid syntax); it is a 404',
    deviation: () => ({ refusal: (answer, why) => (why.reason === 'malformed-json' ? new HttpAnswer(404, { error: 'not found' }) : answer) }),
  },
  'unnamed-422': {
    family: 'errors',
    breaks: 'a 422 names each offending field; it names none',
    deviation: () => ({ refusal: (answer, why) => (why.reason === 'invalid-body' && answer instanceof HttpAnswer && answer.status === 422 ? new HttpAnswer(422, {}, answer.headers) : answer) }),
  },
} satisfies Record<string, Fault>;
