import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';


/**
 * A query parameter value outside its documented type, range or list: a 4xx. Which 4xx and what
 * its body names the pages fix only for filter and orderBy (TWD-ERR-001/002/003); for page,
 * pageSize and orderMode any refusal is accepted, never a 2xx that serves anyway, never a 5xx.
 */
export const invalidValueRefused = defineCheck<JudgedResponse>({
  id: 'TWD-ERR-004',
  title: 'invalid query parameter value not refused with a 4xx',
  api: 'teamwork-desk',
  severity: 'error',
  source: SRC.pageParams,
  detects: 'a page, pageSize, orderBy, orderMode or filter value that breaks its documented type or list answered with a 2xx or a 5xx',
  triggers: 'invalid values derived from the contract for every query parameter (not a number, outside the list, very long, non-ASCII, not JSON); values a lenient server may read (below the minimum, a full-width digit) get the response checks only',
  requests: 'one list request per derived value',
  operations: ['listTickets'],
  statuses: [400],
  evaluate: (e) => (e.status >= 400 && e.status < 500 ? [] : [{ expected: `a 4xx refusing the request (${e.mutation})`, received: String(e.status), exchange: e.exchange }]),
});
