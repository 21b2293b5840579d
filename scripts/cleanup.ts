/**
 * `npm run cleanup`: lists the live runs' ledgers, newest first, with their target and how many
 * tickets each left open. `npm run cleanup -- reports/ledger/<run>.jsonl`: closes every ticket that
 * run created and left open (and looks for those whose create lost its answer), against the target
 * configured in the environment, which must be the ledger's own. The ledgers are those of the kinds
 * of target whose tests write (their descriptors' `target.ledgers`, apis/).
 */
import { existsSync } from 'node:fs';
import { APIS } from '../apis';
import { allTargets } from '../apis/lookup';
import { ConfigError } from '../lib/config/configError';
import { loadEnv } from '../lib/config/loadEnv';
import type { Ledgers } from '../lib/targets';

const LEDGERS: readonly Ledgers[] = allTargets(APIS).flatMap(({ target }) => (target.ledgers ? [target.ledgers] : []));

async function main(): Promise<void> {
  loadEnv();
  const files = process.argv.slice(2);
  if (files.length === 0) {
    const ledgers = LEDGERS.flatMap((kind) => kind.list().map((l) => ({ ...l, kind })));
    console.log(ledgers.length === 0 ? 'No live run has left a ledger (mock runs keep none).' : 'Live runs, newest first:');
    for (const l of ledgers.sort((a, b) => b.modified.getTime() - a.modified.getTime())) {
      const left = l.open === 0 && l.uncertain === 0 ? 'nothing left open' : `${l.open} ticket(s) open${l.uncertain > 0 ? `, ${l.uncertain} create(s) whose answer was lost` : ''}`;
      console.log(`  ${l.file.replace(`${process.cwd()}/`, '')}  ${l.modified.toISOString().slice(0, 16).replace('T', ' ')}  ${l.target}  ${left}`);
    }
    for (const kind of LEDGERS) console.log(`Close what one left open: npm run cleanup -- <ledger>  (with ${kind.howToTarget})`);
    return;
  }
  // Every file is checked before any ticket is closed.
  const owned = files.map((file) => {
    if (!existsSync(file)) throw new ConfigError('ledger', `${file} does not exist`);
    const kind = LEDGERS.find((k) => k.owns(file));
    if (!kind) throw new ConfigError('ledger', `${file} is no live run's ledger (its first line names no target)`);
    return { file, kind };
  });
  let failed = 0;
  for (const { file, kind } of owned) failed += (await kind.close(process.env, file, (line) => console.log(line))).failed;
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
