import { isRecord } from '../../lib/json';
import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

export interface FieldErrorEvidence extends JudgedResponse {
  /** The top-level request field the suite broke. */
  field: string;
}

export const offendingFieldNamed = defineCheck<FieldErrorEvidence>({
  id: 'TKT-ERR-003',
  title: '422 does not name the offending field',
  api: 'moov',
  severity: 'error',
  source: SRC.fieldErrors,
  detects: 'a 422 whose body has no message under the field the request got wrong',
  triggers: 'every 422 answer to a generated invalid create or update whose fault lies in one field',
  requests: 'none (judges the invalid-input responses)',
  operations: ['createTicket', 'updateTicket'],
  statuses: [422],
  evaluate: (e) => {
    if (e.status !== 422) return [];
    const named = isRecord(e.json) && e.json[e.field] !== undefined;
    return named ? [] : [{ expected: `a message under "${e.field}"`, received: e.text === '' ? 'an empty body' : e.text.slice(0, 300), exchange: e.exchange }];
  },
});
