import { OUTCOMES_ATTACHMENT, type OutcomesAttachment } from '../../checks/attachments';
import { OUTSIDE_FOCUS, STOPPED_AFTER_FAILURE } from '../../lib/config/selftestMatrix';
import { TARGET_UNAVAILABLE } from '../../lib/http/availability';
import type { Case } from './cases';

const ANSI = /\u001b\[[0-9;]*m/g;

/** What one case's tests did, read from Playwright's JSON report. */
export interface CaseResult {
  ran: number;
  passed: number;
  skipped: number;
  failed: Array<{ title: string; message: string }>;
  /** Check ids the failed tests failed through (their outcomes attachment). */
  ids: Set<string>;
  /** Sum of its tests' durations: one worker runs them one after another. */
  ms: number;
  /** Run errors that name no case: the whole batch is in doubt. */
  batchErrors: string[];
  /** Worker processes it took: one, unless a worker crashed (failing tests keep their worker). */
  workers: Set<number>;
  /** Why tests were skipped (other than a fault case stopping at its first failure), and how many. */
  skips: Map<string, number>;
  /** Tests that ended "target unavailable": weather the suite did not ride out. */
  unavailable: number;
}

/** Playwright's JSON report, as far as the self-test reads it. */
export interface JsonError {
  message?: string;
  stack?: string;
  value?: string;
}
export interface JsonAnnotation {
  type: string;
  description?: string;
}
export interface JsonSuite {
  title: string;
  suites?: JsonSuite[];
  specs?: Array<{
    title: string;
    tests: Array<{
      projectName: string;
      annotations?: JsonAnnotation[];
      results: Array<{ status: string; duration: number; workerIndex: number; errors?: JsonError[]; annotations?: JsonAnnotation[]; attachments?: JsonAttachment[] }>;
    }>;
  }>;
}
export interface JsonAttachment {
  name: string;
  /** base64, for attachments made from a body (as the outcomes are). */
  body?: string;
}
export interface JsonReport {
  suites?: JsonSuite[];
  errors?: JsonError[];
}

/**
 * The checks a test failed through, as data: the outcomes its fixture attached (the same
 * attachment the conformance reporter reads), never parsed out of the failure's text.
 */
export function failedChecks(attachments: readonly JsonAttachment[] = []): string[] {
  const attached = attachments.find((a) => a.name === OUTCOMES_ATTACHMENT && a.body !== undefined);
  if (!attached?.body) return [];
  const outcomes = JSON.parse(Buffer.from(attached.body, 'base64').toString('utf8')) as OutcomesAttachment;
  return outcomes.details.filter((d) => d.outcome === 'fail').map((d) => d.checkId);
}

export function errorText(e: JsonError): string {
  return (e.message ?? e.value ?? e.stack ?? '').replace(ANSI, '');
}

export function emptyResult(): CaseResult {
  return { ran: 0, passed: 0, skipped: 0, failed: [], ids: new Set(), ms: 0, batchErrors: [], workers: new Set(), skips: new Map(), unavailable: 0 };
}

/**
 * Each case's outcome, from the run's JSON report: tests by project (a case's project), skips by
 * reason, failures with the checks they failed through (the outcomes attachment, as data), and
 * errors outside any test (global teardown names its case first; one naming none puts the whole
 * batch in doubt).
 */
export function readResults(report: JsonReport, cases: readonly Case[], results: Map<Case, CaseResult>): void {
  const byProject = new Map(cases.map((c) => [c.project.toLowerCase(), results.get(c)!]));
  const visit = (suite: JsonSuite, path: string[]): void => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const result = byProject.get(test.projectName.toLowerCase());
        const last = test.results.at(-1);
        if (!result || !last) continue;
        result.ms += test.results.reduce((sum, r) => sum + r.duration, 0);
        result.workers.add(last.workerIndex);
        if (last.status === 'skipped') {
          result.skipped += 1;
          const reason = [...(test.annotations ?? []), ...(last.annotations ?? [])].find((a) => a.type === 'skip')?.description ?? 'no reason given';
          if (reason !== STOPPED_AFTER_FAILURE && reason !== OUTSIDE_FOCUS) result.skips.set(reason, (result.skips.get(reason) ?? 0) + 1);
          if (reason.startsWith(TARGET_UNAVAILABLE)) result.unavailable += 1;
          continue;
        }
        result.ran += 1;
        if (last.status === 'passed') {
          result.passed += 1;
          continue;
        }
        // failed, timedOut or interrupted
        const message = (last.errors ?? []).map(errorText).join('\n');
        result.failed.push({ title: [...path, spec.title].join(' › '), message: `${last.status}: ${message}` });
        for (const id of failedChecks(last.attachments)) result.ids.add(id);
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) visit(suite, [suite.title]);
  // Errors outside any test (global teardown's per-case checks name their case first).
  for (const error of report.errors ?? []) {
    const text = errorText(error);
    const named = cases.filter((c) => new RegExp(`(^|\\s)${c.project.replace(/[.]/g, '\\.')}: `, 'm').test(text));
    for (const c of named) {
      const result = results.get(c)!;
      result.failed.push({ title: 'run teardown', message: text });
      // Such an error is shown with the case; it proves no check (a check's failure is a test's).
    }
    if (named.length === 0) for (const r of results.values()) r.batchErrors.push(text);
  }
}
