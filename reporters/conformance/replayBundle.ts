

/** Everything needed to reproduce one failure, written to reports/replay/<id>.json. */
export interface ReplayBundle {
  failure: string;
  check: string;
  test: string;
  project: string;
  seed?: number;
  path?: string;
  /** The shrunk input (a payload, a pagination plan, a command sequence). */
  counterexample?: string;
  /** Each request of the failing step as a redacted curl command. */
  steps: string[];
  /** Re-runs exactly this case against the embedded mock. */
  againstMock: string;
  /** Re-runs exactly this case against the target the failure was seen on. */
  againstTarget: string;
}

import { grepArgument } from '../../lib/shell';
import type { FailureEntry } from './report';

/** The Playwright command for one test, with its seed and path when it was a property. */
function rerun(entry: FailureEntry): string {
  const replay = entry.replay;
  const prefix = replay ? `CONFORMANCE_SEED=${replay.baseSeed} CONFORMANCE_REPLAY_PATH=${replay.path} ` : '';
  return `${prefix}npx playwright test --project=${entry.project} -g ${grepArgument(entry.grep)}`;
}

export function replayBundle(entry: FailureEntry, targetUrl: string, targetKind: 'mock' | 'live', baseUrlVariable: string, mockEnv: string): ReplayBundle {
  const command = rerun(entry);
  return {
    failure: entry.message.split('\n')[0] ?? entry.checkId,
    check: entry.checkId,
    test: entry.test,
    project: entry.project,
    seed: entry.replay?.seed,
    path: entry.replay?.path,
    counterexample: entry.replay?.counterexample,
    steps: entry.reproduce ? [entry.reproduce] : [],
    againstMock: `${baseUrlVariable}= ${mockEnv ? `${mockEnv} ` : ''}${command}`,
    againstTarget: targetKind === 'live' ? `${baseUrlVariable}=${targetUrl} ${command}` : `${mockEnv ? `${mockEnv} ` : ''}${command}`,
  };
}
