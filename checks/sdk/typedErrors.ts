import { defineCheck } from '../check';
import { SDK_SRC } from './sources';

export interface TypedErrorEvidence {
  call: string;
  status: number;
  /** The body the target sent. */
  rawBody: string;
  /** The class the SDK documents for that status (APIError, GenericError, CreateTicketError...). */
  expectedClass: string;
  /** What reached the caller. */
  thrown: unknown;
  /** Typed fields the error must carry, from the raw JSON (e.g. {title: "..."} for CreateTicketError). */
  fields?: Record<string, unknown>;
}

interface HttpErrorShape {
  name?: string;
  statusCode?: number;
  body?: string;
}

export const sdkTypedErrors = defineCheck<TypedErrorEvidence>({
  id: 'SDK-ERR-001',
  title: 'target error not surfaced as the SDK\'s typed error',
  api: 'sdk',
  severity: 'error',
  source: SDK_SRC.errors,
  detects: 'a 404 or 422 from the target that reaches the caller as another class, another status, a changed body, or without its typed fields',
  triggers: 'getTicket of an unknown ticket (404) and createTicket with a blank title (422 where the target refuses it)',
  requests: 'two SDK calls',
  operations: ['getTicket', 'createTicket'],
  statuses: [404, 422],
  evaluate: (e) => {
    const error = (e.thrown ?? {}) as HttpErrorShape & Record<string, unknown>;
    const problems: string[] = [];
    if (e.thrown === undefined) problems.push('nothing was thrown');
    if (error.name !== e.expectedClass) problems.push(`class ${String(error.name)}`);
    if (error.statusCode !== e.status) problems.push(`statusCode ${String(error.statusCode)}`);
    if (error.body !== e.rawBody) problems.push(`body ${JSON.stringify(error.body)?.slice(0, 120)}`);
    for (const [field, value] of Object.entries(e.fields ?? {})) {
      if (JSON.stringify(error[field]) !== JSON.stringify(value)) problems.push(`${field} ${JSON.stringify(error[field])}`);
    }
    return problems.length === 0 ? [] : [{ expected: `${e.call}: ${e.expectedClass} with statusCode ${e.status} and the body intact`, received: problems.join('; ') }];
  },
});
