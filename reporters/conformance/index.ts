import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { DRIFT_ATTACHMENT, type DriftAttachment } from '../../lib/calibration/drift';
import { ConfigError, valueOf } from '../../lib/config/configError';
import { PROJECT_ROOT, REPORTS_DIR } from '../../lib/config/run';
import { loadWaivers } from '../../checks/waivers/load';
import type { WaiverSet } from '../../checks/waivers/waiver';
import { annotationLines } from './annotations';
import { baselineFromEnv, diffBaseline } from './baseline';
import { secrets } from '../../lib/redaction/secrets';
import { OUTCOMES_ATTACHMENT, PROPERTY_REPLAY_ATTACHMENT, type OutcomesAttachment, type PropertyReplay } from '../../checks/attachments';
import type { CollectedTest } from './collected';
import { buildReport } from './model';
import { unavailableLines, verdictLine, waivedLines } from './summaryText';
import { TARGET_UNAVAILABLE } from '../../lib/http/availability';
import { reproductionEnv } from '../../lib/config/reproduction';
import { api as apiNamed, APIS, registry } from '../../apis';
import { allTargets } from '../../apis/lookup';
import { renderHtml } from './renderHtml';
import { renderMarkdown } from './renderMarkdown';
import { replayBundle } from './replayBundle';
import { headlineOf, recordHistory } from './trend';

/** Annotation types a test uses to tell the report something that is neither a pass nor a failure. */
const REPORTED_ANNOTATIONS = new Set(['sdk-drift', 'not served', 'write plan', 'cases', 'weather', 'not reproducible']);

function attachmentJson<T>(result: TestResult, name: string): T | undefined {
  const attachment = result.attachments.find((a) => a.name === name && a.body);
  if (!attachment?.body) return undefined;
  try {
    return JSON.parse(attachment.body.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** conformance.{json,md,html} in `dir`; everything written passes through redaction once more, whatever its origin. */
function writeReport(dir: string, report: ReturnType<typeof buildReport>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, 'conformance.json'), secrets.redact(`${JSON.stringify(report, null, 2)}\n`));
  writeFileSync(resolve(dir, 'conformance.md'), secrets.redact(renderMarkdown(report)));
  writeFileSync(resolve(dir, 'conformance.html'), secrets.redact(renderHtml(report)));
}

/**
 * Writes reports/conformance.{html,md,json} and a replay bundle per failure, from the runner's
 * events only (so it works the same on a single run and on `merge-reports` of shards).
 */
export default class ConformanceReporter implements Reporter {
  private readonly tests = new Map<string, CollectedTest>();
  private started = Date.now();
  /** A shard is part of a run: its merged report (merge-reports) annotates and records history. */
  private sharded = false;
  private maxFailures = 0;
  /** Errors outside any test (global setup, a worker crash, teardown): never waived. */
  private globalErrors = 0;
  /** Why a target could not be judged before any test ran (global setup's preflight). */
  private readonly preflight: string[] = [];

  onBegin(config: FullConfig): void {
    this.started = Date.now();
    this.sharded = config.shard !== null && config.shard !== undefined;
    this.maxFailures = config.maxFailures;
  }

  onError(error: TestError): void {
    this.globalErrors += 1;
    // The preflight's verdict on a dead target: the run is inconclusive, not failing.
    const message = error.message ?? '';
    const at = message.indexOf(`${TARGET_UNAVAILABLE}: `);
    if (at >= 0) this.preflight.push(secrets.redact(message.slice(at + TARGET_UNAVAILABLE.length + 2).split('\n')[0] ?? ''));
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const outcomes = attachmentJson<OutcomesAttachment>(result, OUTCOMES_ATTACHMENT);
    const project = test.parent.project()?.name ?? '';
    const skip = test.annotations.find((a) => a.type === 'skip');
    const collected: CollectedTest = {
      project,
      title: test.titlePath().slice(3).join(' › ') || test.title,
      leafTitle: test.title,
      file: test.location.file.replace(`${process.cwd()}/`, ''),
      line: test.location.line,
      status: result.status,
      durationMs: result.duration,
      covers: test.annotations.filter((a) => a.type === 'covers').map((a) => a.description ?? ''),
      skipReason: skip?.description,
      notes: test.annotations.filter((a) => REPORTED_ANNOTATIONS.has(a.type)).map((a) => `${a.type}: ${a.description ?? ''}`),
      errors: result.errors.map((e) => secrets.redact(e.message ?? String(e.value ?? ''))),
      cells: outcomes?.cells ?? [],
      details: outcomes?.details ?? [],
      counters: outcomes?.counters ?? {},
      run: outcomes?.run,
      replay: attachmentJson<PropertyReplay>(result, PROPERTY_REPLAY_ATTACHMENT),
      drift: attachmentJson<DriftAttachment>(result, DRIFT_ATTACHMENT),
    };
    // The last attempt wins (retries), keyed by project and test.
    this.tests.set(`${project}|${test.id}`, collected);
  }

  /**
   * Writes the reports and decides the run's result: a run whose only failures are covered by live
   * waivers passes; an unwaived or expired-waiver failure, a crash, an error outside the tests or an
   * unreadable waivers or baseline file fails it.
   */
  async onEnd(result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    // `playwright test --list` runs nothing: it must neither replace the last run's reports nor print a verdict.
    if (process.argv.includes('--list')) return undefined;
    const problems: string[] = [];
    let waivers: WaiverSet | undefined;
    try {
      waivers = loadWaivers(process.env, (id) => registry.get(id));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
    const tests = [...this.tests.values()];
    // The run's cleanup (global teardown) has closed what the tests left open: its ledgers say so.
    const runs = [...new Set(tests.flatMap((t) => (t.run?.targetKind === 'live' ? [t.run.runId] : [])))];
    const counts = allTargets(APIS).flatMap(({ target }) => (target.ledgers ? runs.map((id) => target.ledgers!.ofRun(id)) : []));
    const fromLedgers = { closed: counts.reduce((n, c) => n + c.closed, 0), uncertain: counts.reduce((n, c) => n + c.uncertain, 0) };
    const report = buildReport(tests, Date.now() - this.started, { waivers, unavailable: this.preflight, ledgers: fromLedgers });
    try {
      const baseline = baselineFromEnv(process.env);
      if (baseline) report.baseline = diffBaseline(baseline.report, report, baseline.file);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
    const history = valueOf(process.env, 'CONFORMANCE_HISTORY');
    if (history && !this.sharded) report.trend = recordHistory(resolve(PROJECT_ROOT, history), tests.length > 0 ? headlineOf(report) : undefined);
    mkdirSync(REPORTS_DIR, { recursive: true });
    const replayDir = resolve(REPORTS_DIR, 'replay');
    rmSync(replayDir, { recursive: true, force: true });
    for (const api of report.apis) {
      const run = api.runs[0];
      for (const failure of api.failures) {
        const variable = apiNamed(api.api).target.baseUrlVariable;
        // Against the mock, a failure seen with faults on reproduces only with the same faults on.
        const bundle = replayBundle(failure, run?.target ?? '', run?.targetKind ?? 'mock', variable, reproductionEnv(process.env, 'mock').trim());
        mkdirSync(replayDir, { recursive: true });
        writeFileSync(resolve(replayDir, `${failure.id}.json`), `${JSON.stringify(bundle, null, 2)}\n`);
      }
    }
    writeReport(REPORTS_DIR, report);
    // Each conformance project's latest run also keeps a folder of its own, which runs of other
    // projects leave alone (reports/conformance.* is always the last run's, whatever it ran).
    if (!this.sharded) {
      for (const project of [...new Set(tests.filter((t) => t.run !== undefined).map((t) => t.project))]) {
        writeReport(resolve(REPORTS_DIR, 'projects', project), buildReport(tests.filter((t) => t.project === project), Date.now() - this.started, { waivers, unavailable: this.preflight }));
      }
    }

    const say = (line: string) => process.stdout.write(`${secrets.redact(line)}\n`);
    if (process.env.GITHUB_ACTIONS === 'true' && !this.sharded) for (const line of annotationLines(report)) say(line);
    for (const w of report.waivers?.entries ?? []) {
      if (w.status === 'stale') say(`conformance: stale waiver: ${report.waivers?.file} entry ${w.entry} (${w.check}) matched no failure; delete it`);
      if (w.status === 'expired') say(`conformance: expired waiver: ${report.waivers?.file} entry ${w.entry} (${w.check}) expired ${w.expires}${w.matched > 0 ? `; ${w.matched} failure(s) it covered fail the run` : ''}`);
    }
    for (const d of report.drift ?? []) for (const f of d.findings) say(`conformance: drift (${d.strict ? 'fails the run, CONFORMANCE_STRICT' : 'advisory'}): ${f.text} [${d.project}]`);
    for (const problem of problems) say(`conformance: ${problem}`);
    if (process.env.GITHUB_ACTIONS === 'true' && !this.sharded) for (const line of unavailableLines(report.availability)) say(`::error title=inconclusive::${line}`);
    for (const line of waivedLines(report)) say(line);
    const status = this.runStatus(result, report, problems);
    // The last line of every run: the verdict, the counts, and where the report is.
    const html = resolve(REPORTS_DIR, 'conformance.html');
    say(verdictLine(report, relative(process.cwd(), html).startsWith('..') ? html : relative(process.cwd(), html)));
    return status === undefined ? undefined : { status };
  }

  /**
   * The run's result, where the reports decide it: problems with the waivers or baseline file
   * fail it; an inconclusive run fails (a CI job must not go green on a dead target); a run whose
   * only failures a live waiver covers passes.
   */
  private runStatus(result: FullResult, report: ReturnType<typeof buildReport>, problems: string[]): FullResult['status'] | undefined {
    if (problems.length > 0) return 'failed';
    if (report.verdict === 'inconclusive') return 'failed';
    const waivedTests = report.tests.waived;
    if (waivedTests === 0) return undefined;
    const stoppedEarly = this.maxFailures > 0 && report.tests.failed + waivedTests >= this.maxFailures;
    if (result.status === 'failed' && report.tests.failed === 0 && this.globalErrors === 0 && !stoppedEarly) {
      process.stdout.write(`${secrets.redact(`conformance: ${waivedTests} failing test(s), every failure a known deviation under a live waiver: the run passes (${report.verdict})`)}\n`);
      return 'passed';
    }
    return undefined;
  }

  printsToStdio(): boolean {
    return false;
  }
}
