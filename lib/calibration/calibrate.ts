import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../config/run';
import { RateLimitedError } from '../http/transport';
import { ProbeStopped, type PointDefinition } from './points';
import type { CalibratedApi, PointResult, Profile } from './types';

export interface CalibrationRun {
  /** Why write probes are not sent (their points are then undetermined with this reason). */
  writesOff?: string;
  /** Called after each point, for progress lines. */
  onPoint?: (result: PointResult) => void;
  now?: () => Date;
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
