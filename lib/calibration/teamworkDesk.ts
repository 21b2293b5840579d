import { resolveTeamworkDeskTarget } from '../teamworkDesk/settings';
import { TeamworkDeskClient } from '../teamworkDesk/client';
import { calibratePoints, targetName } from './calibrate';
import type { Calibration } from './calibration';
import { TEAMWORK_DESK_POINTS, TEAMWORK_DESK_SILENT_POINTS, TeamworkDeskProbeContext } from './teamworkDeskPoints';

/** Teamwork Desk's calibration: reads only (the API the pages describe has no write). */
export const teamworkDeskCalibration: Calibration = {
  ...TEAMWORK_DESK_SILENT_POINTS,
  async probe(http, env, run) {
    const target = resolveTeamworkDeskTarget(env);
    run.say?.(`calibrating teamwork-desk at ${target.baseURL} (reads only)`);
    const client = new TeamworkDeskClient(http, target);
    if (run.onTimeNeeded) client.onTimeNeeded = run.onTimeNeeded;
    return calibratePoints('teamwork-desk', targetName(target), TEAMWORK_DESK_POINTS, new TeamworkDeskProbeContext(client), { writesOff: run.writesOff, onPoint: run.onPoint });
  },
};
