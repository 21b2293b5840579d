/**
 * `npm run cleanup -- reports/ledger/<run>.jsonl`: closes every ticket an interrupted run created
 * and left open, against the target configured in the environment (MOOV_BASE_URL and keys).
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../lib/config/configError';
import { loadEnv } from '../lib/config/loadEnv';
import { resolveMoovTarget } from '../lib/config/moovTarget';
import { REPORTS_DIR } from '../lib/config/run';
import { closeLedgerTickets } from '../lib/moov/cleanup';

async function main(): Promise<void> {
  loadEnv();
  const files = process.argv.slice(2);
  if (files.length === 0) {
    const dir = resolve(REPORTS_DIR, 'ledger');
    const known = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')) : [];
    console.error(`usage: npm run cleanup -- reports/ledger/<run>.jsonl\nledgers here: ${known.length > 0 ? known.join(', ') : 'none'}`);
    process.exit(2);
  }
  const target = resolveMoovTarget(process.env);
  let failed = 0;
  for (const file of files) {
    if (!existsSync(file)) throw new ConfigError('ledger', `${file} does not exist`);
    failed += (await closeLedgerTickets(resolve(file), target, (line) => console.log(line))).failed;
  }
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
