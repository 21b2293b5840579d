import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runStateDir } from '../config/run';

/** Where each worker of a run writes the x-request-ids it saw (a line each: id, tab, request). */
export function requestIdDir(run: string): string {
  return runStateDir(run);
}

/** TKT-HDR-002 across workers: each worker wrote the x-request-ids it saw; none may repeat. */
export function assertRequestIdsUnique(runId: string): void {
  const dir = requestIdDir(runId);
  if (!existsSync(dir)) return;
  const seen = new Map<string, string>();
  const repeats: string[] = [];
  for (const file of readdirSync(dir)) {
    for (const line of readFileSync(resolve(dir, file), 'utf8').split('\n')) {
      const [id, request] = line.split('\t');
      if (!id || !request) continue;
      const first = seen.get(id);
      if (first !== undefined) repeats.push(`${id}: ${first} and ${request}`);
      else seen.set(id, request);
    }
  }
  if (repeats.length > 0) {
    throw new Error(`[TKT-HDR-002] x-request-id repeats within a run (across workers): ${repeats.slice(0, 5).join('; ')}`);
  }
}
