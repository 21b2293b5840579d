import type { Ticket } from '../../lib/contract/moov.types';
import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

export interface OtherStatusEvidence extends JudgedResponse {
  requested: unknown;
  /** The ticket read back after the refused update. */
  readBack?: Ticket;
  before: Ticket;
}

export const onlyClosedAccepted = defineCheck<OtherStatusEvidence>({
  id: 'TKT-UPD-003',
  title: 'status other than closed accepted',
  api: 'moov',
  severity: 'error',
  source: SRC.update,
  detects: 'an update to a status other than closed (another enum value, unknown text, wrong type) that is not refused with a 4xx, or that changes the ticket',
  triggers: 'generated update bodies with every other status and random values',
  requests: 'one update and one get per generated value (needs ALLOW_WRITES on live targets)',
  operations: ['updateTicket'],
  statuses: [400, 422],
  evaluate: (e) => {
    const findings = [];
    if (e.status < 400 || e.status >= 500) findings.push({ expected: `a 4xx for status ${JSON.stringify(e.requested)}`, received: String(e.status), exchange: e.exchange });
    if (e.readBack && e.readBack.status !== e.before.status) {
      findings.push({ expected: `status still ${e.before.status}`, received: `status ${String(e.readBack.status)} after the refused update`, exchange: e.exchange });
    }
    return findings;
  },
});
