import type { APIRequestContext } from '@playwright/test';
import type { OperationSpec } from '../contract/loadContract';
import { teamworkDeskContract, type TeamworkDeskOperationId } from '../contract/teamworkDesk';
import type { TeamworkDeskTarget } from './settings';
import type { AuthDescription } from '../http/exchange';
import { copyStats, type TransportStats } from '../http/availability';
import type { Breaker } from '../http/breaker';
import { Transport, type TransportResponse } from '../http/transport';
import { secrets } from '../redaction/secrets';

export { RateLimitedError } from '../http/transport';
export { TargetUnavailableError } from '../http/availability';

export type TeamworkDeskAuth =
  /** `Authorization: Bearer <TEAMWORK_DESK_API_KEY>`. */
  | { kind: 'key' }
  /** HTTP Basic with the key as user name and `password` (the notes: "any password"). */
  | { kind: 'basic'; password: string }
  | { kind: 'none' }
  /** Deliberately wrong credentials (not secrets), e.g. a made-up key. */
  | { kind: 'literal'; header: string; note: string };

export interface TeamworkDeskRequest {
  /** Query parameters as sent (filter already serialised): undefined values are left out. */
  /** Query parameters; an array repeats the parameter. */
  query?: Record<string, string | number | readonly string[] | undefined>;
  auth?: TeamworkDeskAuth;
  /** Another method than the operation's GET (an undocumented one, to see it refused), and its body. */
  method?: string;
  body?: string;
  /** Further request headers (a cookie probed as a wrong place for the key). */
  headers?: Record<string, string>;
}

export interface TeamworkDeskResponse extends TransportResponse {
  operation: OperationSpec<TeamworkDeskOperationId>;
}

/**
 * A one-ticket page with the API key: any site that is up answers it at once. The transport's
 * health check and global setup's preflight both send it.
 */
export function teamworkDeskHealthRequest(target: TeamworkDeskTarget): { url: string; headers: Record<string, string> } {
  return { url: `${target.baseURL}${teamworkDeskContract().operation('listTickets').buildPath({})}?pageSize=1`, headers: { accept: 'application/json', authorization: `Bearer ${target.apiKey}` } };
}

/** A Teamwork Desk target: builds requests from the contract, authenticates, sends them through the transport. */
export class TeamworkDeskClient {
  private readonly contract = teamworkDeskContract();
  private readonly transport: Transport;

  /** `breaker`: the run's breaker for this target, shared by its workers (see lib/http/breaker.ts). */
  constructor(http: APIRequestContext, readonly target: TeamworkDeskTarget, breaker?: Breaker) {
    this.transport = new Transport(http, { api: 'teamwork-desk', maxRps: target.maxRps, requestTimeoutMs: target.requestTimeoutMs, breaker, health: teamworkDeskHealthRequest(target) });
    // Registered here too, not only from the environment: a key given to the target in code is still never written out.
    secrets.add(target.apiKey, '$TEAMWORK_DESK_API_KEY');
    secrets.add(Buffer.from(`${target.apiKey}:x`).toString('base64'), '$TEAMWORK_DESK_BASIC_CREDENTIALS');
  }

  /** See Transport.onTimeNeeded: the fixture points it at the running test's time limit. */
  set onTimeNeeded(extend: (ms: number) => void) {
    this.transport.onTimeNeeded = extend;
  }

  get stats(): TransportStats {
    return copyStats(this.transport.stats);
  }

  async send(operationId: TeamworkDeskOperationId, request: TeamworkDeskRequest = {}): Promise<TeamworkDeskResponse> {
    const operation = this.contract.operation(operationId);
    const url = new URL(this.target.baseURL + operation.buildPath({}));
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (Array.isArray(value)) for (const v of value) url.searchParams.append(name, v);
      else if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    const auth = request.auth ?? { kind: 'key' };
    const authorization = this.authorization(auth);
    if (authorization !== undefined) headers.authorization = authorization;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, request.headers);
    // Every request is a read or one a correct site refuses: safe to send again.
    const response = await this.transport.send({ operation, method: request.method, url: url.toString(), headers, body: request.body, auth: describeAuth(auth), repeatable: true });
    return { ...response, operation };
  }

  private authorization(auth: TeamworkDeskAuth): string | undefined {
    switch (auth.kind) {
      case 'key':
        return `Bearer ${this.target.apiKey}`;
      case 'basic': {
        const credentials = Buffer.from(`${this.target.apiKey}:${auth.password}`).toString('base64');
        secrets.add(credentials, '$TEAMWORK_DESK_BASIC_CREDENTIALS');
        return `Basic ${credentials}`;
      }
      case 'none':
        return undefined;
      case 'literal':
        return auth.header;
    }
  }
}

/** How a request authenticated, for exchanges and reproductions: shell references, never the key. */
function describeAuth(auth: TeamworkDeskAuth): AuthDescription {
  switch (auth.kind) {
    case 'key':
      return { kind: 'reference', curlArgs: ['-H', '"Authorization: Bearer $TEAMWORK_DESK_API_KEY"'], note: 'API key (Bearer)' };
    case 'basic':
      return { kind: 'reference', curlArgs: ['-u', `"$TEAMWORK_DESK_API_KEY:${auth.password.replace(/["$`\\]/g, '\\$&')}"`], note: `API key as HTTP Basic user name, password "${auth.password}"` };
    case 'none':
      return { kind: 'none' };
    case 'literal':
      return { kind: 'literal', header: auth.header, note: auth.note };
  }
}
