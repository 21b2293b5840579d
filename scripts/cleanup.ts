/**
 * `npm run cleanup`: lists the live runs' ledgers, newest first, with their target and how many
 * tickets each left open. `npm run cleanup -- reports/ledger/<run>.jsonl`: closes every ticket that
 * run created and left open (and looks for those whose create lost its answer), against the target
 * configured in the environment (MOOV_BASE_URL and keys), which must be the ledger's own.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, valueOf } from '../lib/config/configError';
import { loadEnv } from '../lib/config/loadEnv';
import { resolveMoovTarget } from '../lib/config/moovTarget';
import { REPORTS_DIR } from '../lib/config/run';
import { trimmedBase } from '../lib/config/targetUrl';
import { closeLedgerTickets } from '../lib/moov/cleanup';
import { WriteLedger } from '../lib/moov/ledger';

/** The live ledgers under reports/ledger, newest first (a mock run keeps none: its tickets vanish with it). */
function liveLedgers(): Array<{ file: string; target: string; open: number; uncertain: number; modified: Date }> {
  const dir = resolve(REPORTS_DIR, 'ledger');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => resolve(dir, f))
    .flatMap((file) => {
      const target = WriteLedger.target(file);
      return target === undefined ? [] : [{ file, target, open: WriteLedger.open(file).length, uncertain: WriteLedger.uncertain(file).length, modified: statSync(file).mtime }];
    })
    .sort((a, b) => b.modified.getTime() - a.modified.getTime());
}

async function main(): Promise<void> {
  loadEnv();
  const files = process.argv.slice(2);
  if (files.length === 0) {
    const ledgers = liveLedgers();
    console.log(ledgers.length === 0 ? 'No live run has left a ledger (mock runs keep none).' : 'Live runs, newest first:');
    for (const l of ledgers) {
      const left = l.open === 0 && l.uncertain === 0 ? 'nothing left open' : `${l.open} ticket(s) open${l.uncertain > 0 ? `, ${l.uncertain} create(s) whose answer was lost` : ''}`;
      console.log(`  ${l.file.replace(`${process.cwd()}/`, '')}  ${l.modified.toISOString().slice(0, 16).replace('T', ' ')}  ${l.target}  ${left}`);
    }
    console.log('Close what one left open: npm run cleanup -- <ledger>  (with MOOV_BASE_URL and the keys of its target)');
    return;
  }
  for (const file of files) if (!existsSync(file)) throw new ConfigError('ledger', `${file} does not exist`);
  if (valueOf(process.env, 'MOOV_BASE_URL') === undefined) {
    const recorded = [...new Set(files.flatMap((f) => WriteLedger.target(f) ?? []))];
    throw new ConfigError('MOOV_BASE_URL', `is unset, so cleanup would talk to no target; set it to the ledger's target${recorded.length > 0 ? ` (${recorded.join(', ')})` : ''} and its keys`);
  }
  const target = resolveMoovTarget(process.env);
  let failed = 0;
  for (const file of files) {
    const recorded = WriteLedger.target(file);
    if (recorded !== undefined && trimmedBase(new URL(recorded)) !== target.baseURL) {
      throw new ConfigError('MOOV_BASE_URL', `is ${target.baseURL}, but ${file} holds tickets of ${recorded}: point MOOV_BASE_URL (and the keys) at that target`);
    }
    failed += (await closeLedgerTickets(resolve(file), target, (line) => console.log(line))).failed;
  }
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
