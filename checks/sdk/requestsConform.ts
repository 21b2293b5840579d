import type { LoggedRequest } from '../../lib/http/loggedRequest';
import { defineCheck } from '../check';
import { SDK_SRC } from './sources';

export interface SdkRequestsEvidence {
  /** What the mock logged of the SDK's requests (validated against the contract). */
  requests: LoggedRequest[];
}

export const sdkRequestsConform = defineCheck<SdkRequestsEvidence>({
  id: 'SDK-REQ-001',
  title: 'SDK request breaks the contract',
  api: 'sdk',
  severity: 'error',
  source: SDK_SRC.sdk,
  detects: 'a request the SDK sent that the contract does not describe: unknown route, invalid query, header or body, or no X-Moov-Version',
  triggers: "every request the SDK sent in the test, as the embedded mock validated and logged it (skipped against other targets)",
  requests: 'one read of the mock\'s request log',
  operations: ['createTicket', 'getTicket', 'listTickets', 'updateTicket', 'listTicketMessages'],
  statuses: [200, 404, 422],
  evaluate: ({ requests }) =>
    requests.flatMap((r) => {
      const problems = [...r.violations, ...(r.operationId ? [] : ['no operation of the contract serves this route']), ...(r.headers['x-moov-version'] ? [] : ['no X-Moov-Version header'])];
      return problems.length === 0 ? [] : [{ expected: `${r.method} ${r.path} as the contract describes it`, received: problems.join('; ') }];
    }),
});
