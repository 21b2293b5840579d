import { APIS, registry as suiteRegistry } from '../../apis';
import type { AnyCheck } from '../../checks/check';
import type { CheckRegistry } from '../../checks/registry';
import { apiOfProject, type ApiIdentity } from '../../lib/apis';
import type { CollectedTest } from './collected';

import { WaiverBook } from './waivers';
import type { WaiverSet } from '../../checks/waivers/waiver';
import { todayUtc } from '../../checks/waivers/match';
import { TARGET_UNAVAILABLE } from '../../lib/http/availability';
import type { ApiSection, Availability, ConformanceReport, FailureEntry, MatrixCell, MatrixRow, Ratio } from './report';

function ratio(count: number, of: number): Ratio {
  return { count, of, percent: of === 0 ? 0 : Math.round((1000 * count) / of) / 10 };
}

/** The statuses of `operation` a check judges: its list within the documented ones, or all documented. */
function cellStatuses(check: AnyCheck, documented: readonly number[]): number[] {
  if (check.statuses === 'documented') return [...documented];
  const inContract = check.statuses.filter((s) => documented.includes(s));
  return inContract.length > 0 ? inContract : [0]; // 0: "whatever the status" for checks on non-response evidence
}

function sectionFor(api: ApiIdentity, registry: CheckRegistry, tests: CollectedTest[], book: WaiverBook, waivedTests: Set<CollectedTest>): ApiSection {
  const contract = api.contract();
  const checks = registry.forApi(api.name);
  const documented = (operation: string) => {
    try {
      return contract?.operation(operation).documentedStatuses ?? [];
    } catch {
      return [];
    }
  };

  // The universe: every documented cell each check can judge.
  const universe = new Set<string>();
  for (const check of checks) for (const op of check.operations) for (const status of cellStatuses(check, documented(op))) universe.add(`${check.id}|${op}|${status}`);

  // What the run did, per cell and per check × operation.
  const exercised = new Map<string, { passed: number; failed: number; advisory: number }>();
  const byCheckOp = new Map<string, MatrixCell>();
  for (const test of tests) {
    for (const cell of test.cells) {
      const check = registry.get(cell.checkId);
      const statuses = check ? cellStatuses(check, documented(cell.operation)) : [];
      const status = cell.status !== undefined && statuses.includes(cell.status) ? cell.status : statuses.includes(0) ? 0 : `other:${cell.status ?? ''}`;
      const key = `${cell.checkId}|${cell.operation}|${status}`;
      const sum = exercised.get(key) ?? { passed: 0, failed: 0, advisory: 0 };
      sum.passed += cell.passed;
      sum.failed += cell.failed;
      sum.advisory += cell.advisory;
      exercised.set(key, sum);
      const opKey = `${cell.checkId}|${cell.operation}`;
      const m = byCheckOp.get(opKey) ?? { state: 'pass', passed: 0, failed: 0, advisory: 0 };
      m.passed += cell.passed;
      m.failed += cell.failed;
      m.advisory += cell.advisory;
      byCheckOp.set(opKey, m);
    }
  }
  const coveredCells = [...exercised.keys()].filter((k) => universe.has(k)).length;
  const cleanCells = [...exercised.values()].filter((c) => c.failed === 0).length;

  const failures: FailureEntry[] = [];
  const waived: FailureEntry[] = [];
  const advisories: FailureEntry[] = [];
  const notReproducible: FailureEntry[] = [];
  for (const test of tests) {
    const testName = `${test.title}`;
    const location = `${test.file}:${test.line}`;
    // A property records every failing attempt while it shrinks; the last one is the counterexample.
    const details = test.replay ? test.details.filter((d, i, all) => !all.slice(i + 1).some((later) => later.checkId === d.checkId && later.outcome === d.outcome)) : test.details;
    const fromChecks = details.map((d, i) => {
      const check = registry.get(d.checkId);
      const entry: FailureEntry = {
        id: `${test.project}-${d.checkId}-${slug(test.title)}-${i}`,
        checkId: d.checkId,
        title: check?.title ?? d.checkId,
        operation: d.operation,
        project: test.project,
        test: testName,
        grep: test.leafTitle,
        location,
        severity: d.outcome === 'advisory' ? 'advisory' : 'error',
        message: d.message ?? '',
        source: check?.source,
        exchange: d.exchange,
        reproduce: d.reproduce,
        replay: d.outcome === 'fail' ? test.replay : undefined,
      };
      if (d.outcome === 'unconfirmed') entry.severity = 'unconfirmed';
      return entry;
    });
    advisories.push(...fromChecks.filter((f) => f.severity === 'advisory'));
    notReproducible.push(...fromChecks.filter((f) => f.severity === 'unconfirmed'));
    const crash = (): FailureEntry => ({ id: `${test.project}-crash-${slug(test.title)}`, checkId: 'ERROR', title: 'test error', operation: '-', project: test.project, test: testName, grep: test.leafTitle, location, severity: 'crash', message: test.errors.join('\n\n') || test.status, replay: test.replay });
    const failedWithoutCheck = (test.status === 'failed' || test.status === 'timedOut') && !test.details.some((d) => d.outcome === 'fail');
    const judged = book.judge(test, [...fromChecks.filter((f) => f.severity === 'error'), ...(failedWithoutCheck ? [crash()] : [])], crash);
    failures.push(...judged.failures);
    waived.push(...judged.waived);
    if (judged.testWaived) waivedTests.add(test);
  }

  const operations = [...new Set(checks.flatMap((c) => [...c.operations]))];
  const skippedTests = tests.filter((t) => t.status === 'skipped');
  const matrix: MatrixRow[] = checks.map((check) => {
    const cells: Record<string, MatrixCell> = {};
    for (const op of operations) {
      if (!check.operations.includes(op)) {
        cells[op] = { state: 'n/a', passed: 0, failed: 0, advisory: 0 };
        continue;
      }
      const seen = byCheckOp.get(`${check.id}|${op}`);
      if (seen) {
        const failing = (list: FailureEntry[]) => list.some((f) => f.checkId === check.id && f.operation === op);
        seen.state = seen.failed > 0 ? (failing(waived) && !failing(failures) ? 'waived' : 'fail') : seen.advisory > 0 ? 'advisory' : 'pass';
        cells[op] = seen;
        continue;
      }
      const skippedBy = skippedTests.find((t) => t.covers.includes(check.id));
      cells[op] = skippedBy ? { state: 'skipped', passed: 0, failed: 0, advisory: 0, reason: skippedBy.skipReason ?? 'skipped' } : { state: 'not-run', passed: 0, failed: 0, advisory: 0 };
    }
    return { checkId: check.id, title: check.title, severity: check.severity, cells };
  });

  const projects = [...new Set(tests.map((t) => t.project))].map((project) => {
    const own = tests.filter((t) => t.project === project);
    const run = own.find((t) => t.run)?.run;
    return {
      project,
      version: run?.version ?? '-',
      target: run?.target ?? '-',
      details: run?.details ?? {},
      passed: own.filter((t) => t.status === 'passed').length,
      failed: own.filter((t) => (t.status === 'failed' || t.status === 'timedOut') && !waivedTests.has(t)).length,
      waived: own.filter((t) => waivedTests.has(t)).length,
      skipped: own.filter((t) => t.status === 'skipped').length,
    };
  });
  const runs = dedupe(tests.flatMap((t) => (t.run ? [t.run] : [])), (r) => JSON.stringify(r));

  return {
    api: api.name,
    title: api.title,
    coverage: ratio(coveredCells, universe.size),
    conformance: ratio(cleanCells, exercised.size),
    operations,
    matrix,
    failures,
    waived,
    advisories,
    notReproducible,
    skipped: skippedTests.map((t) => ({ test: t.title, project: t.project, reason: t.skipReason ?? 'skipped', checks: t.covers })),
    notes: [...new Set(tests.flatMap((t) => t.notes))],
    projects,
    runs,
  };
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

export interface BuildOptions {
  /** The APIs a test may belong to and their checks (default: the suite's, apis/). */
  suite?: { apis: readonly ApiIdentity[]; registry: CheckRegistry };
  /** The run's waivers (none by default). */
  waivers?: WaiverSet;
  /** The date waivers expire against, YYYY-MM-DD (default: today, UTC). */
  today?: string;
  /** Why the run could not judge a target before any test ran (its preflight: unreachable, hanging). */
  unavailable?: string[];
  /** What the live runs' ledgers say once the run's cleanup is done: every ticket closed, and creates still uncertain. */
  ledgers?: { closed: number; uncertain: number };
}

/** A skipped test the target could not be judged in (its skip reason says so). */
export function isUnavailable(test: CollectedTest): boolean {
  return test.status === 'skipped' && (test.skipReason ?? '').startsWith(TARGET_UNAVAILABLE);
}

function availabilityOf(tests: CollectedTest[], preflight: string[]): Availability {
  const sum = (name: string) => tests.reduce((n, t) => n + (t.counters[name] ?? 0), 0);
  const transient: Record<string, number> = {};
  for (const t of tests) {
    for (const [name, n] of Object.entries(t.counters)) if (name.startsWith('transient')) transient[name.slice('transient'.length)] = (transient[name.slice('transient'.length)] ?? 0) + n;
  }
  const reasons = tests.filter(isUnavailable).map((t) => (t.skipReason ?? '').slice(TARGET_UNAVAILABLE.length).replace(/^:\s*/, ''));
  return {
    requests: sum('requests'),
    rateLimited: sum('rateLimited'),
    transient,
    retries: sum('retries'),
    lostAnswers: sum('lostAnswers'),
    breakerTrips: sum('breakerTrips'),
    unavailable: [...new Set([...preflight, ...reasons])],
  };
}

/** The whole report, from the tests the reporter collected. */
export function buildReport(tests: CollectedTest[], durationMs: number, options: BuildOptions = {}): ConformanceReport {
  const book = new WaiverBook(options.waivers ?? { file: '', waivers: [] }, options.today ?? todayUtc());
  const waivedTests = new Set<CollectedTest>();
  const { apis: known, registry } = options.suite ?? { apis: APIS, registry: suiteRegistry };
  const names = known.map((a) => a.name);
  const byApi = new Map<string, CollectedTest[]>();
  for (const test of tests) {
    const api = test.run?.api ?? apiOfProject(names, test.project);
    if (!api) continue;
    byApi.set(api, [...(byApi.get(api) ?? []), test]);
  }
  const apis = [...byApi.entries()].flatMap(([name, own]) => {
    const api = known.find((a) => a.name === name);
    return api ? [sectionFor(api, registry, own, book, waivedTests)] : [];
  });
  const sum = (name: string) => tests.reduce((n, t) => n + (t.counters[name] ?? 0), 0);
  const failed = tests.filter((t) => (t.status === 'failed' || t.status === 'timedOut') && !waivedTests.has(t)).length;
  const ranChecks = apis.some((a) => a.conformance.of > 0);
  const drift = tests.flatMap((t) => (t.drift ? [{ ...t.drift, project: t.project }] : []));
  const unavailable = tests.filter(isUnavailable).length;
  const availability = availabilityOf(tests, options.unavailable ?? []);
  const inconclusive = unavailable > 0 || availability.unavailable.length > 0;
  return {
    generatedAt: new Date().toISOString(),
    durationMs,
    verdict: failed > 0 ? 'fails' : inconclusive ? 'inconclusive' : waivedTests.size > 0 ? 'passes with waivers' : ranChecks ? 'conforms' : 'no checks ran',
    tests: { passed: tests.filter((t) => t.status === 'passed').length, failed, skipped: tests.filter((t) => t.status === 'skipped').length, waived: waivedTests.size, unavailable },
    counters: {
      requests: sum('requests'),
      rateLimited: sum('rateLimited'),
      created: sum('created'),
      closed: Math.max(sum('closed'), options.ledgers?.closed ?? 0),
      ...(options.ledgers && options.ledgers.closed > sum('closed') ? { closedAtEnd: options.ledgers.closed - sum('closed') } : {}),
      ...(options.ledgers && options.ledgers.uncertain > 0 ? { uncertain: options.ledgers.uncertain } : {}),
    },
    availability,
    seeds: [...new Set(tests.flatMap((t) => (t.run ? [t.run.seed] : [])))],
    apis,
    ...(options.waivers && options.waivers.waivers.length > 0 ? { waivers: book.summary() } : {}),
    ...(drift.length > 0 ? { drift } : {}),
  };
}
