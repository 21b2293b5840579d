/**
 * The suite's self-test: runs each conformance project against the mock with every fault switched
 * on (it must fail, through a check that names the fault's promise) and with every correct
 * variant (it must pass), plus once clean. Prints `self-test: caught N/N injected faults`.
 *
 *   npm run self-test                 all projects
 *   npm run self-test -- moov         one project
 */
import { rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { playwright } from '../lib/playwrightRun';
import { moovSelfTest } from './selftest/moov';
import { sdkSelfTest } from './selftest/sdk';
import { teamworkDeskSelfTest } from './selftest/teamworkDesk';
import type { SelfTestSuite } from './selftest/types';

const SUITES: SelfTestSuite[] = [moovSelfTest, teamworkDeskSelfTest, sdkSelfTest];
const ID = /\[((?:TKT|TWD|SDK)-[A-Z]+-\d{3})\]/g;

interface RunResult {
  code: number;
  ids: Set<string>;
  output: string;
  ms: number;
}

async function run(project: string, env: Record<string, string>, stopAtFirstFailure: boolean): Promise<RunResult> {
  const started = Date.now();
  // Temporary report and output folders: the main run's reports/ and test-results/ stay intact.
  const result = await playwright(['test', `--project=${project}`, '--reporter=line', ...(stopAtFirstFailure ? ['--max-failures=1'] : [])], { CONFORMANCE_STRICT: '', ...env });
  rmSync(result.reportDir, { recursive: true, force: true });
  rmSync(result.outputDir, { recursive: true, force: true });
  return { code: result.code, ids: new Set([...result.output.matchAll(ID)].map((m) => m[1] ?? '')), output: result.output, ms: Date.now() - started };
}

async function pool<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

function tail(output: string, lines = 25): string {
  return output.trim().split('\n').slice(-lines).map((l) => `      ${l}`).join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const suites = only.length > 0 ? SUITES.filter((s) => only.includes(s.project)) : SUITES;
  if (suites.length === 0) throw new Error(`self-test: no project named ${only.join(', ')}; known: ${SUITES.map((s) => s.project).join(', ')}`);
  const width = Math.max(1, Math.min(4, cpus().length));
  let caught = 0;
  let faults = 0;
  let passedVariants = 0;
  let variants = 0;
  const problems: string[] = [];

  for (const suite of suites) {
    const clean = await run(suite.project, {}, false);
    if (clean.code !== 0) problems.push(`${suite.project}: fails on the clean mock\n${tail(clean.output)}`);
    console.log(`${suite.project}: clean mock ${clean.code === 0 ? 'passes' : 'FAILS'} (${(clean.ms / 1000).toFixed(1)} s)`);

    const faultRuns = await pool(suite.faults, width, async (fault) => ({ fault, result: await run(suite.project, fault.env, !fault.fullRun) }));
    for (const { fault, result } of faultRuns) {
      faults += 1;
      const hit = fault.expect.filter((id) => result.ids.has(id));
      const ok = result.code !== 0 && hit.length > 0;
      if (ok) caught += 1;
      else if (result.code === 0) problems.push(`${suite.project}: fault ${fault.name} went unnoticed (expected ${fault.expect.join(' or ')})`);
      else problems.push(`${suite.project}: fault ${fault.name} failed the run, but not through ${fault.expect.join(' or ')} (saw ${[...result.ids].join(', ') || 'no check id'})\n${tail(result.output)}`);
      console.log(`  fault   ${ok ? 'caught ' : 'MISSED '} ${fault.name.padEnd(30)} ${ok ? hit.join(', ') : [...result.ids].join(', ')}`);
    }

    const variantRuns = await pool(suite.variants, width, async (variant) => ({ variant, result: await run(suite.project, variant.env, false) }));
    for (const { variant, result } of variantRuns) {
      variants += 1;
      if (result.code === 0) passedVariants += 1;
      else problems.push(`${suite.project}: correct variant ${variant.name} fails the project (${[...result.ids].join(', ')})\n${tail(result.output)}`);
      console.log(`  variant ${result.code === 0 ? 'passes ' : 'FAILS  '} ${variant.name}`);
    }
  }

  console.log(`self-test: caught ${caught}/${faults} injected faults`);
  console.log(`self-test: passed on ${passedVariants}/${variants} correct variants`);
  if (problems.length > 0) {
    console.error(`\n${problems.join('\n\n')}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
