import type { Env } from './config/configError';
import { resolveMoovTarget } from './config/moovTarget';
import { ledgerPath } from './moov/ledger';
import { closeLedgerTickets } from './moov/cleanup';
import { moovHealthRequest } from './moov/client';
import { resolveTeamworkDeskTarget } from './config/teamworkDeskTarget';
import { teamworkDeskHealthRequest } from './teamworkDesk/client';

/** What global setup needs of a resolved target: where it is, and the request that shows it is up. */
export interface ResolvedTarget {
  kind: 'mock' | 'live';
  requestTimeoutMs: number;
  /** The one request a preflight and the transport's health check send. */
  health: { url: string; headers: Record<string, string> };
}

/**
 * A kind of target the suite addresses (an API's server): the variable that points it at a live
 * one, the variable global setup sets to the embedded mock's URL otherwise, how its settings
 * resolve, and what a finished live run leaves to do. The mocks that stand in for each are in
 * mock/mocks.ts; the APIs that address each in lib/apis.ts.
 */
export interface TargetKind<Name extends string = string> {
  name: Name;
  baseUrlVariable: string;
  mockUrlVariable: string;
  /** Its settings, resolved; a wrong or missing one is a ConfigError naming it. */
  resolve(env: Env): ResolvedTarget;
  /** After a live run: close what the run created (the ledger's tickets), saying what it did. */
  finish?(env: Env, runId: string, say: (line: string) => void): Promise<void>;
}

function kind<const Name extends string>(target: TargetKind<Name>): TargetKind<Name> {
  return target;
}

export const TARGET_KINDS = [
  kind({
    name: 'moov',
    baseUrlVariable: 'MOOV_BASE_URL',
    mockUrlVariable: 'MOOV_MOCK_URL',
    resolve: (env) => {
      const target = resolveMoovTarget(env);
      return { kind: target.kind, requestTimeoutMs: target.requestTimeoutMs, health: moovHealthRequest(target) };
    },
    finish: async (env, runId, say) => {
      const target = resolveMoovTarget(env);
      if (target.kind === 'live') await closeLedgerTickets(ledgerPath(runId), target, say);
    },
  }),
  kind({
    name: 'teamwork-desk',
    baseUrlVariable: 'TEAMWORK_DESK_BASE_URL',
    mockUrlVariable: 'TEAMWORK_DESK_MOCK_URL',
    resolve: (env) => {
      const target = resolveTeamworkDeskTarget(env);
      return { kind: target.kind, requestTimeoutMs: target.requestTimeoutMs, health: teamworkDeskHealthRequest(target) };
    },
  }),
] as const;

export type TargetName = (typeof TARGET_KINDS)[number]['name'];

export function targetKind(name: TargetName): TargetKind<TargetName> {
  const found = TARGET_KINDS.find((t) => t.name === name);
  if (!found) throw new Error(`no target kind named ${JSON.stringify(name)}`);
  return found;
}
