import { MOOV_OPERATIONS } from '../../lib/contract/moov';
import { responseChecks } from '../response/responseChecks';
import { SRC } from './sources';

/** The checks every Moov response gets (TKT-HTTP-001/002/003, TKT-SCH-001/002, TKT-HDR-001). */
export const moovResponseChecks = responseChecks({
  api: 'moov',
  prefix: 'TKT',
  operations: MOOV_OPERATIONS,
  statusSource: SRC.responses,
  headerSource: SRC.requestIdNotes,
  bodySource: SRC.ticketSchema,
});
