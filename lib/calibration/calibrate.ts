import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import type { MoovTarget } from '../config/moovTarget';
import { PROJECT_ROOT } from '../config/run';
import type { TeamworkDeskTarget } from '../config/teamworkDeskTarget';
import { RateLimitedError } from '../http/transport';
import { MoovClient } from '../moov/client';
import { TicketWrites } from '../moov/ticketWrites';
import type { WriteLedger } from '../moov/ledger';
import { TeamworkDeskClient } from '../teamworkDesk/client';
import { MOOV_POINTS, MoovProbeContext } from './moovPoints';
import { ProbeStopped, type PointDefinition } from './points';
import { TEAMWORK_DESK_POINTS, TeamworkDeskProbeContext } from './teamworkDeskPoints';
import type { CalibratedApi, PointResult, Profile } from './types';

export interface CalibrationRun {
  /** Why write probes are not sent (their points are then undetermined with this reason). */
  writesOff?: string;
  /** Called after each point, for progress lines. */
  onPoint?: (result: PointResult) => void;
  now?: () => Date;
  /** The transport's hook before each wait and request (Transport.onTimeNeeded): a test's time limit follows the probes. */
  onTimeNeeded?: (ms: number) => void;
}

function suiteVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

/** What a profile calls a target: its host, or "mock" for the embedded one (never a URL's credentials or path). */
export function targetName(target: { kind: 'mock' | 'live'; baseURL: string }): string {
  return target.kind === 'mock' ? 'mock' : new URL(target.baseURL).host;
}

/**
 * Probes every point in order and collects a profile. A point whose probe needs writes while they
 * are off, or that runs out of write budget or patience with 429s, is undetermined with the reason.
 */
export async function calibratePoints<Ctx>(api: CalibratedApi, target: string, points: readonly PointDefinition<Ctx>[], ctx: Ctx, run: CalibrationRun = {}): Promise<Profile> {
  const results: PointResult[] = [];
  for (const point of points) {
    const base = { id: point.id, label: point.label };
    let result: PointResult;
    if (point.writes !== undefined && run.writesOff !== undefined) {
      result = { ...base, undetermined: `needs writes (${point.writes}); ${run.writesOff}`, evidence: [] };
    } else {
      try {
        result = { ...base, ...(await point.probe(ctx)) };
      } catch (error) {
        if (!(error instanceof ProbeStopped || error instanceof RateLimitedError)) throw error;
        result = { ...base, undetermined: error.message, evidence: [] };
      }
    }
    results.push(result);
    run.onPoint?.(result);
  }
  return { api, target, calibratedAt: (run.now ?? (() => new Date()))().toISOString(), suiteVersion: suiteVersion(), points: results };
}

export interface MoovCalibration extends CalibrationRun {
  /** Where created tickets are recorded (live targets), so they can be closed after an interruption. */
  ledger?: WriteLedger;
  /** A foreignID for each created ticket, carrying the run's label. */
  label: () => string;
}

/**
 * Calibrates a Moov target with the suite's own client (throttle, credential gateway, redaction).
 * Writes follow the target: always on the embedded mock, only with ALLOW_WRITES=true and within
 * MOOV_MAX_WRITES on a live one.
 */
export async function calibrateMoov(http: APIRequestContext, target: MoovTarget, run: MoovCalibration): Promise<Profile> {
  const writesOff = run.writesOff ?? (target.allowWrites ? undefined : 'ALLOW_WRITES is not true, so calibration sends no create or update');
  const client = new MoovClient(http, target);
  if (run.onTimeNeeded) client.onTimeNeeded = run.onTimeNeeded;
  const ctx = new MoovProbeContext(client, { maxWrites: target.maxWrites, tickets: run.ledger && new TicketWrites(run.ledger), label: run.label });
  return calibratePoints('moov', targetName(target), MOOV_POINTS, ctx, { ...run, writesOff });
}

/** Calibrates a Teamwork Desk target (reads only). */
export async function calibrateTeamworkDesk(http: APIRequestContext, target: TeamworkDeskTarget, run: CalibrationRun = {}): Promise<Profile> {
  const client = new TeamworkDeskClient(http, target);
  if (run.onTimeNeeded) client.onTimeNeeded = run.onTimeNeeded;
  return calibratePoints('teamwork-desk', targetName(target), TEAMWORK_DESK_POINTS, new TeamworkDeskProbeContext(client), run);
}
