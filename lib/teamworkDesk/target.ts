import type { TargetKind } from '../targets';
import { resolveTeamworkDeskTarget } from './settings';
import { teamworkDeskHealthRequest } from './client';

/** A Teamwork Desk site: its settings (TEAMWORK_DESK_*) and its health request; a run writes nothing to clean up. */
export const teamworkDeskTargetKind: TargetKind = {
  name: 'teamwork-desk',
  baseUrlVariable: 'TEAMWORK_DESK_BASE_URL',
  mockUrlVariable: 'TEAMWORK_DESK_MOCK_URL',
  resolve: (env) => {
    const target = resolveTeamworkDeskTarget(env);
    return { kind: target.kind, requestTimeoutMs: target.requestTimeoutMs, health: teamworkDeskHealthRequest(target) };
  },
};
