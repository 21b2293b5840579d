import type { APIRequestContext } from '@playwright/test';
import type { TeamworkDeskTarget } from '../../../lib/teamworkDesk/settings';
import { breakerFile, runId } from '../../../lib/config/run';
import { Breaker } from '../../../lib/http/breaker';
import { TeamworkDeskClient } from '../../../lib/teamworkDesk/client';
import type { Survey } from './survey';

/** Per-worker state shared by the tests it runs: the client, and the survey of the site once made. */
export class TeamworkDeskWorker {
  readonly client: TeamworkDeskClient;
  readonly runId: string;
  /** The windows of the site's data, read by the first test that needs them (a cache: any test can make it). */
  survey?: Survey;
  /** The largest pageSize the target accepts, once it has refused a larger one (400 naming pageSize). */
  pageSizeLimit?: number;

  constructor(http: APIRequestContext, readonly target: TeamworkDeskTarget, env: NodeJS.ProcessEnv) {
    this.runId = runId(env);
    this.client = new TeamworkDeskClient(http, target, new Breaker(breakerFile(this.runId, 'teamwork-desk')));
  }
}
