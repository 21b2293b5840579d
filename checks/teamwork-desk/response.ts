import { TEAMWORK_DESK_OPERATIONS } from '../../lib/contract/teamworkDesk';
import { responseChecks } from '../response/responseChecks';
import { SRC } from './sources';

/**
 * The checks every Teamwork Desk response gets (TWD-HTTP-001/002/003, TWD-SCH-001/002). The pages
 * document no response header, so there is no header check.
 */
export const teamworkDeskResponseChecks = responseChecks({
  api: 'teamwork-desk',
  prefix: 'TWD',
  operations: TEAMWORK_DESK_OPERATIONS,
  statusSource: SRC.responses,
  bodySource: SRC.body,
});
