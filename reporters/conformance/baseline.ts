import { baselineFileFromEnv } from '../../lib/config/baselineFile';
import type { Env } from '../../lib/config/configError';
import { PROJECT_ROOT } from '../../lib/config/run';
import type { BaselineDiff, BaselineReport, ConformanceReport, FailureEntry, FailureRef, Ratio, RatioChange } from './report';

/** Reads CONFORMANCE_BASELINE when set (lib/config/baselineFile.ts vouches for its shape). */
export function baselineFromEnv(env: Env, root = PROJECT_ROOT): { file: string; report: BaselineReport } | undefined {
  const baseline = baselineFileFromEnv(env, root);
  if (baseline === undefined) return undefined;
  return { file: baseline.file, report: { generatedAt: baseline.generatedAt, apis: baseline.apis as BaselineReport['apis'] } };
}

function ref(f: FailureEntry): FailureRef {
  return { project: f.project, checkId: f.checkId, title: f.title, operation: f.operation, test: f.test };
}

/**
 * One unit everywhere: a failure is a failing cell of the matrix (project × check × operation),
 * however many tests saw it; a crash is its test's own.
 */
function keyOf(f: FailureRef): string {
  return f.checkId === 'ERROR' ? `${f.project}|ERROR|${f.test}` : `${f.project}|${f.checkId}|${f.operation}`;
}

function unique(refs: FailureRef[]): FailureRef[] {
  const seen = new Map<string, FailureRef>();
  for (const r of refs) if (!seen.has(keyOf(r))) seen.set(keyOf(r), r);
  return [...seen.values()];
}

function change(before: Ratio | undefined, after: Ratio): RatioChange {
  if (!before) return { after: after.percent };
  return { before: before.percent, after: after.percent, delta: Math.round(10 * (after.percent - before.percent)) / 10 };
}

/** Did this run exercise the check × operation of a baseline failure, without it failing? */
function ranClean(current: ConformanceReport, f: FailureRef): boolean {
  const api = current.apis.find((a) => a.projects.some((p) => p.project === f.project));
  if (!api) return false;
  if (f.checkId === 'ERROR') return true; // a crashed test: its project ran, and nothing crashed there as then
  const state = api.matrix.find((row) => row.checkId === f.checkId)?.cells[f.operation]?.state;
  return state === 'pass' || state === 'advisory';
}

/** New failures, fixed ones, those still failing, and the change in each API's two headline numbers. */
export function diffBaseline(baseline: BaselineReport, current: ConformanceReport, file: string): BaselineDiff {
  const before = unique(baseline.apis.flatMap((a) => [...a.failures, ...(a.waived ?? [])].map(ref)));
  const beforeKeys = new Set(before.map(keyOf));
  const failingNow = unique(current.apis.flatMap((a) => a.failures.map(ref)));
  const nowKeys = new Set(current.apis.flatMap((a) => [...a.failures, ...a.waived].map((f) => keyOf(ref(f)))));
  const gone = before.filter((f) => !nowKeys.has(keyOf(f)));
  return {
    file,
    generatedAt: baseline.generatedAt,
    newFailures: failingNow.filter((f) => !beforeKeys.has(keyOf(f))),
    fixed: gone.filter((f) => ranClean(current, f)),
    stillFailing: before.filter((f) => nowKeys.has(keyOf(f))),
    notRerun: gone.filter((f) => !ranClean(current, f)),
    apis: current.apis.map((a) => {
      const old = baseline.apis.find((b) => b.api === a.api);
      return { api: a.api, title: a.title, coverage: change(old?.coverage, a.coverage), conformance: change(old?.conformance, a.conformance) };
    }),
  };
}
