import type { TargetKind } from '../targets';
import { resolveMoovTarget } from './settings';
import { closeLedgerTickets } from './cleanup';
import { moovHealthRequest } from './client';
import { ledgerPath, WriteLedger } from './ledger';
import { moovLedgers } from './ledgers';
import { assertRequestIdsUnique } from './requestIds';

/**
 * A Moov server: its settings (MOOV_*), its health request, how a run ends (a live run's tickets
 * closed, x-request-ids unique across workers), and its ledgers.
 */
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
    // The write budget of a finished run is spent: its slots go.
    WriteLedger.removeSlots(ledgerPath(runId));
    assertRequestIdsUnique(runId);
  },
  ledgers: moovLedgers,
};
