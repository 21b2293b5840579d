import { appendFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import type { MoovTarget } from '../../../lib/moov/settings';
import { breakerFile, runId } from '../../../lib/config/run';
import { requestIdDir } from '../../../lib/moov/requestIds';
import { Breaker } from '../../../lib/http/breaker';
import type { Exchange } from '../../../lib/http/exchange';
import { MoovClient, type MoovAuth } from '../../../lib/moov/client';
import { MoovWrites } from '../../support/moovWrites';
import type { Census } from './census';

/** Per-worker state shared by the tests it runs: transport, minted tokens, request ids, ledger. */
export class MoovWorker {
  readonly client: MoovClient;
  /** The run's write plan and ledger. */
  readonly writes: MoovWrites;
  /** Each account's census, taken by the first test that needs it (see Census). */
  readonly census = new Map<string, Census>();
  readonly runId: string;
  readonly runStartedAt: number;
  /** x-request-id → the exchange that first carried it (TKT-HDR-002). */
  readonly requestIds = new Map<string, Exchange>();
  /** Minted tokens by their sorted scope list, with when to mint anew; a refused mint is cached as undefined. */
  readonly tokens = new Map<string, { auth: MoovAuth | undefined; renewAt: number }>();
  private flushed = 0;
  private labels = 0;

  constructor(http: APIRequestContext, readonly target: MoovTarget, env: NodeJS.ProcessEnv, private readonly workerIndex: number) {
    this.runId = runId(env);
    this.client = new MoovClient(http, target, new Breaker(breakerFile(this.runId, 'moov')));
    const started = Number(env.CONFORMANCE_RUN_STARTED);
    this.runStartedAt = Number.isFinite(started) && started > 0 ? started : Date.now();
    this.writes = new MoovWrites(target, this.runId, (kind) => this.client.countWrite(kind));
  }

  /** A suffix no other ticket of this run carries: a target may refuse a duplicate foreignID (409). */
  nextLabel(): string {
    this.labels += 1;
    return `w${this.workerIndex}-${this.labels}`;
  }

  /** Writes this worker's request ids for the cross-worker uniqueness check at teardown. */
  flushRequestIds(workerIndex: number): void {
    const entries = [...this.requestIds.entries()].slice(this.flushed);
    if (entries.length === 0) return;
    const dir = requestIdDir(this.runId);
    mkdirSync(dir, { recursive: true });
    appendFileSync(resolve(dir, `request-ids-${workerIndex}-${process.pid}.tsv`), entries.map(([id, e]) => `${id}\t${e.method} ${e.url}\n`).join(''));
    this.flushed += entries.length;
  }
}
