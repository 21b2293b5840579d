import type { TargetKind } from '../targets';
import { resolveMoovTarget } from '../config/moovTarget';
import { closeLedgerTickets } from './cleanup';
import { moovHealthRequest } from './client';
import { ledgerPath } from './ledger';

/** A Moov server: its settings (MOOV_*), its health request, and the cleanup a live run ends with. */
export const moovTargetKind: TargetKind = {
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
};
