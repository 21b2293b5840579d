import { defineCheck } from '../check';
import type { Exchange } from '../../lib/http/exchange';
import { SRC } from './sources';

export interface ModelStepEvidence {
  step: string;
  expected: string;
  received: string | undefined;
  exchange?: Exchange;
}

export const modelAgreement = defineCheck<ModelStepEvidence>({
  id: 'TKT-MDL-001',
  title: 'target disagrees with the model of the documented semantics',
  api: 'moov',
  severity: 'error',
  source: SRC.listAll,
  detects: 'a sequence of create, get, list walk, close and get-unknown after which the target disagrees with a model of the documented semantics (shrunk to a minimal sequence)',
  triggers: 'generated command sequences (fast-check model-based testing)',
  requests: 'about 3 to 15 requests per command sequence; creates need ALLOW_WRITES on live targets',
  operations: ['createTicket', 'getTicket', 'listTickets', 'updateTicket'],
  statuses: [200, 404],
  evaluate: (e) => (e.received === undefined ? [] : [{ expected: `${e.step}: ${e.expected}`, received: e.received, exchange: e.exchange }]),
});
