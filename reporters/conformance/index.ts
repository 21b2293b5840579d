import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { REPORTS_DIR } from '../../lib/config/run';
import { secrets } from '../../lib/redaction/secrets';
import type { PropertyReplay } from '../../specs/support/property';
import { OUTCOMES_ATTACHMENT, type OutcomesAttachment } from '../../specs/support/outcomes';
import type { CollectedTest } from './collected';
import { buildReport } from './model';
import { renderHtml } from './renderHtml';
import { renderMarkdown } from './renderMarkdown';
import { replayBundle } from './replayBundle';

/** Annotation types a test uses to tell the report something that is neither a pass nor a failure. */
const REPORTED_ANNOTATIONS = new Set(['sdk-drift', 'not served', 'write plan', 'cases']);

function attachmentJson<T>(result: TestResult, name: string): T | undefined {
  const attachment = result.attachments.find((a) => a.name === name && a.body);
  if (!attachment?.body) return undefined;
  try {
    return JSON.parse(attachment.body.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * Writes reports/conformance.{html,md,json} and a replay bundle per failure, from the runner's
 * events only (so it works the same on a single run and on `merge-reports` of shards).
 */
export default class ConformanceReporter implements Reporter {
  private readonly tests = new Map<string, CollectedTest>();
  private started = Date.now();

  onBegin(): void {
    this.started = Date.now();
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
      replay: attachmentJson<PropertyReplay>(result, 'property-replay'),
    };
    // The last attempt wins (retries), keyed by project and test.
    this.tests.set(`${project}|${test.id}`, collected);
  }

  onEnd(_result: FullResult): void {
    const report = buildReport([...this.tests.values()], Date.now() - this.started);
    mkdirSync(REPORTS_DIR, { recursive: true });
    const replayDir = resolve(REPORTS_DIR, 'replay');
    rmSync(replayDir, { recursive: true, force: true });
    for (const api of report.apis) {
      const run = api.runs[0];
      for (const failure of api.failures) {
        const variable = api.api === 'teamwork-desk' ? 'TEAMWORK_DESK_BASE_URL' : 'MOOV_BASE_URL';
        // Against the mock, a failure seen with faults on reproduces only with the same faults on.
        const faultVariable = api.api === 'teamwork-desk' ? 'TEAMWORK_DESK_MOCK_FAULTS' : 'MOCK_FAULTS';
        const faults = process.env[faultVariable]?.trim();
        const mockEnv = faults ? `${faultVariable}=${faults}` : '';
        const bundle = replayBundle(failure, run?.target ?? '', run?.targetKind ?? 'mock', variable, mockEnv);
        mkdirSync(replayDir, { recursive: true });
        writeFileSync(resolve(replayDir, `${failure.id}.json`), `${JSON.stringify(bundle, null, 2)}\n`);
      }
    }
    // Everything written passes through redaction once more, whatever its origin.
    writeFileSync(resolve(REPORTS_DIR, 'conformance.json'), secrets.redact(`${JSON.stringify(report, null, 2)}\n`));
    writeFileSync(resolve(REPORTS_DIR, 'conformance.md'), secrets.redact(renderMarkdown(report)));
    writeFileSync(resolve(REPORTS_DIR, 'conformance.html'), secrets.redact(renderHtml(report)));
  }

  printsToStdio(): boolean {
    return false;
  }
}
