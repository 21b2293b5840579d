import type { APIRequestContext } from '@playwright/test';
import type { TeamworkDeskTarget } from '../../../lib/config/teamworkDeskTarget';
import { runId } from '../../../lib/config/run';
import type { ListWalk } from '../../../checks/teamwork-desk/evidence';
import { TeamworkDeskClient } from '../../../lib/teamworkDesk/client';

/** Per-worker state shared by the tests it runs: the client, and the unfiltered walk once made. */
export class TeamworkDeskWorker {
  readonly client: TeamworkDeskClient;
  readonly runId: string;
  /** The unfiltered reference walk, made by the first test that needs it (a cache: any test can make it). */
  reference?: ListWalk;
  /** The largest pageSize the target accepts, once it has refused a larger one (400 naming pageSize). */
  pageSizeLimit?: number;

  constructor(http: APIRequestContext, readonly target: TeamworkDeskTarget, env: NodeJS.ProcessEnv) {
    this.client = new TeamworkDeskClient(http, target);
    this.runId = runId(env);
  }
}
