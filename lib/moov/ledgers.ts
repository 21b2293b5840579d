import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, valueOf } from '../config/configError';
import { resolveMoovTarget } from './settings';
import { REPORTS_DIR } from '../config/run';
import { trimmedBase } from '../config/targetUrl';
import type { LedgerSummary, Ledgers } from '../targets';
import { closeLedgerTickets } from './cleanup';
import { ledgerPath, WriteLedger } from './ledger';

const DIR = resolve(REPORTS_DIR, 'ledger');

/** Moov's live ledgers under reports/ledger (a mock run keeps none: its tickets vanish with it). */
export const moovLedgers: Ledgers = {
  list(): LedgerSummary[] {
    if (!existsSync(DIR)) return [];
    return readdirSync(DIR)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => resolve(DIR, f))
      .flatMap((file) => {
        const target = WriteLedger.target(file);
        return target === undefined ? [] : [{ file, target, open: WriteLedger.open(file).length, uncertain: WriteLedger.uncertain(file).length, modified: statSync(file).mtime }];
      })
      .sort((a, b) => b.modified.getTime() - a.modified.getTime());
  },
  ofRun(runId) {
    const file = ledgerPath(runId);
    return { closed: WriteLedger.closedCount(file), uncertain: WriteLedger.uncertain(file).length };
  },
  owns: (file) => WriteLedger.target(file) !== undefined,
  async close(env, file, say) {
    const recorded = WriteLedger.target(file);
    if (valueOf(env, 'MOOV_BASE_URL') === undefined) {
      throw new ConfigError('MOOV_BASE_URL', `is unset, so cleanup would talk to no target; set it to the ledger's target${recorded !== undefined ? ` (${recorded})` : ''} and its keys`);
    }
    const target = resolveMoovTarget(env);
    if (recorded !== undefined && trimmedBase(new URL(recorded)) !== target.baseURL) {
      throw new ConfigError('MOOV_BASE_URL', `is ${target.baseURL}, but ${file} holds tickets of ${recorded}: point MOOV_BASE_URL (and the keys) at that target`);
    }
    return closeLedgerTickets(resolve(file), target, say);
  },
  howToTarget: 'MOOV_BASE_URL and the keys of its target',
};
