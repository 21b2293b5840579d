import { defineCheck } from '../check';
import { SDK_SRC } from './sources';

export interface SdkCallEvidence {
  call: string;
  /** What the SDK threw, if it threw. */
  error?: string;
}

export const sdkCallSucceeds = defineCheck<SdkCallEvidence>({
  id: 'SDK-CALL-001',
  title: 'SDK call fails against a conforming target',
  api: 'sdk',
  severity: 'error',
  source: SDK_SRC.sdk,
  detects: 'an SDK call that throws (validation of the response, transport, typed error) where the target answers as the contract says',
  triggers: 'createTicket, getTicket, listTickets (each page of a walk), updateTicket and listTicketMessages through the SDK',
  requests: 'one per SDK call',
  operations: ['createTicket', 'getTicket', 'listTickets', 'updateTicket', 'listTicketMessages'],
  statuses: [200],
  evaluate: (e) => (e.error === undefined ? [] : [{ expected: `${e.call} returns`, received: `it threw: ${e.error}` }]),
});
