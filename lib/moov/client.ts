import type { APIRequestContext } from '@playwright/test';
import type { OperationSpec } from '../contract/loadContract';
import { moovContract, type MoovOperationId } from '../contract/moov';
import type { MoovTarget } from './settings';
import type { AuthDescription } from '../http/exchange';
import { copyStats, type TransportStats } from '../http/availability';
import type { Breaker } from '../http/breaker';
import { Transport, type TransportResponse } from '../http/transport';
import { isRecord } from '../json';
import { secrets } from '../redaction/secrets';

export { RateLimitedError } from '../http/transport';
export { AnswerLostError, TargetUnavailableError } from '../http/availability';

export type MoovAuth =
  | { kind: 'key' }
  | { kind: 'token'; token: string; scopes: string[] }
  | { kind: 'none' }
  /** Deliberately wrong credentials (not secrets), e.g. a bad bearer token. */
  | { kind: 'literal'; header: string; note: string };

export interface MoovRequest {
  path: Record<string, string>;
  /** Query parameters; an array repeats the parameter (`?status=new&status=closed`). */
  query?: Record<string, string | number | readonly string[] | undefined>;
  /** A JSON body (serialised by the client). */
  json?: unknown;
  /** A body sent as is (malformed JSON, form data). */
  rawBody?: string;
  contentType?: string;
  auth?: MoovAuth;
  /** X-Moov-Version: undefined sends MOOV_API_VERSION or the operation's documented version; null omits it. */
  version?: string | null;
  /** Further request headers, set last (a documented header probed with odd values). */
  headers?: Record<string, string>;
  /**
   * Safe to send again if its answer is transient or lost: requests the target must refuse, reads
   * and the token endpoint (always). Default false for creates and updates, whose lost answers the
   * caller finds out about (AnswerLostError).
   */
  repeatable?: boolean;
  /** Send the operation's path with another method (an undocumented one, to see it refused). */
  method?: string;
}

export interface MoovResponse extends TransportResponse {
  operation: OperationSpec<MoovOperationId>;
  /**
   * Set when the write's own answer was lost and this is the ticket read back instead (what was
   * lost): judged as that read, not as the write's response (specs/moov/support/lostWrites.ts).
   */
  recovered?: string;
}

export interface SessionStats extends TransportStats {
  created: number;
  closed: number;
}

/**
 * A one-ticket page of the partner's own list, with the key pair: any Moov target that is up
 * answers it at once. The transport's health check and global setup's preflight both send it.
 */
export function moovHealthRequest(target: MoovTarget): { url: string; headers: Record<string, string> } {
  const list = moovContract().operation('listTickets');
  return {
    url: `${target.baseURL}${list.buildPath({ accountID: target.partnerAccountID })}?count=1`,
    headers: { accept: 'application/json', authorization: `Basic ${Buffer.from(`${target.publicKey}:${target.secretKey}`).toString('base64')}`, 'X-Moov-Version': target.apiVersion ?? list.documentedVersion ?? 'v2024.01.00' },
  };
}

/** A Moov target: builds requests from the contract, authenticates, sends them through the transport. */
export class MoovClient {
  private readonly contract = moovContract();
  private readonly transport: Transport;
  private readonly counts = { created: 0, closed: 0 };

  /** `breaker`: the run's breaker for this target, shared by its workers (see lib/http/breaker.ts). */
  constructor(http: APIRequestContext, readonly target: MoovTarget, breaker?: Breaker) {
    this.transport = new Transport(http, {
      api: 'moov',
      maxRps: target.maxRps,
      requestTimeoutMs: target.requestTimeoutMs,
      breaker,
      health: moovHealthRequest(target),
      // A minted token is a secret from the moment it exists: register it before anything is recorded.
      onBody: (operation, json) => {
        if (operation.id === 'createAccessToken' && isRecord(json) && typeof json.access_token === 'string') secrets.add(json.access_token, '$MOOV_TOKEN');
      },
    });
  }

  get stats(): SessionStats {
    return { ...copyStats(this.transport.stats), ...this.counts };
  }

  /** Throws TargetUnavailableError once the run's breaker for this target is open. */
  assertAvailable(): void {
    this.transport.assertAvailable();
  }

  /** See Transport.onTimeNeeded: the fixture points it at the running test's time limit. */
  set onTimeNeeded(extend: (ms: number) => void) {
    this.transport.onTimeNeeded = extend;
  }

  operation(id: MoovOperationId): OperationSpec<MoovOperationId> {
    return this.contract.operation(id);
  }

  /** The next `size` requests go out at once (see Transport.allowBurst). */
  allowBurst(size: number): void {
    this.transport.allowBurst(size);
  }

  countWrite(kind: 'created' | 'closed'): void {
    this.counts[kind] += 1;
  }

  async send(operationId: MoovOperationId, request: MoovRequest): Promise<MoovResponse> {
    const operation = this.contract.operation(operationId);
    const url = new URL(this.target.baseURL + operation.buildPath(request.path));
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (Array.isArray(value)) for (const v of value) url.searchParams.append(name, v);
      else if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    // By default each operation is tested at the version its page documents ("Set this header to
    // v2026.01.00 to use the API described in this specification"), unless the run names one.
    const version = request.version === undefined ? this.target.apiVersion ?? operation.documentedVersion : request.version ?? undefined;
    if (version !== undefined) headers['X-Moov-Version'] = version;
    const auth = request.auth ?? { kind: 'key' };
    const authorization = this.authorization(auth);
    if (authorization !== undefined) headers.authorization = authorization;
    let body: string | undefined;
    if (request.json !== undefined) body = JSON.stringify(request.json);
    else if (request.rawBody !== undefined) body = request.rawBody;
    if (body !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
    Object.assign(headers, request.headers);
    const method = request.method ?? operation.method;
    const repeatable = request.repeatable === true || method === 'GET' || operationId === 'createAccessToken';
    const response = await this.transport.send({ operation, method, url: url.toString(), headers, body, auth: this.describeAuth(auth), repeatable });
    return { ...response, operation };
  }

  private authorization(auth: MoovAuth): string | undefined {
    switch (auth.kind) {
      case 'key':
        return `Basic ${Buffer.from(`${this.target.publicKey}:${this.target.secretKey}`).toString('base64')}`;
      case 'token':
        secrets.add(auth.token, '$MOOV_TOKEN');
        return `Bearer ${auth.token}`;
      case 'none':
        return undefined;
      case 'literal':
        return auth.header;
    }
  }

  private describeAuth(auth: MoovAuth): AuthDescription {
    switch (auth.kind) {
      case 'key':
        return { kind: 'key', user: '$MOOV_PUBLIC_KEY', password: '$MOOV_SECRET_KEY' };
      case 'token':
        return { kind: 'token', scopes: auth.scopes, tokenRef: '$MOOV_TOKEN', mint: mintCommand(new URL(this.target.baseURL).origin, auth.scopes) };
      case 'none':
        return { kind: 'none' };
      case 'literal':
        return { kind: 'literal', header: auth.header, note: auth.note };
    }
  }
}

/** The shell command that mints a token with `scopes` (the keys as references), so an exchange's curl runs on its own. */
export function mintCommand(origin: string, scopes: string[]): string {
  return `curl -sS -u "$MOOV_PUBLIC_KEY:$MOOV_SECRET_KEY" -d grant_type=client_credentials --data-urlencode ${`'scope=${scopes.join(' ')}'`} ${origin}/oauth2/token | sed -E 's/.*"access_token":"([^"]+)".*/\\1/'`;
}
