import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { APIS } from '../../apis';
import type { ApiDescriptor } from '../../apis/descriptor';
import { apiOf, checkRegistry, targetsOf } from '../../apis/lookup';
import { OUTCOMES_ATTACHMENT, type OutcomesAttachment } from '../../checks/attachments';
import { renderCheckCatalogue } from '../../checks/catalogue';
import { ConformanceFailure } from '../../checks/failure';
import { outcomes } from '../../checks/outcomes';
import { verify } from '../../checks/verify';
import { ConfigError } from '../../lib/config/configError';
import { loadEnv } from '../../lib/config/loadEnv';
import { secrets } from '../../lib/redaction/secrets';
import type { CollectedTest } from '../../reporters/conformance/collected';
import { buildReport } from '../../reporters/conformance/model';
import { casesOf } from '../../scripts/selftest/cases';
import { emptyResult, readResults, type CaseResult, type JsonReport } from '../../scripts/selftest/results';
import { judge, type Tally } from '../../scripts/selftest/verdict';
import { widgetsApi, widgetsListed } from './support/widgets/api';

/**
 * A third API joins the suite through its descriptor alone (issue 20): the descriptor of a
 * made-up API (a contract, one check, a tiny mock with one fault, its settings and self-test
 * cases) goes through config, a run, the reports, the self-test and the catalogue, handed to the
 * shared code in a list beside the suite's own APIs. No shared file names it.
 */
const apis: readonly ApiDescriptor[] = [...APIS, widgetsApi];
const registry = checkRegistry(apis);

/** Settings as a user's .env.example would document them: the mock's key applies while no base URL is set. */
function configured(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'widgets-env-'));
  writeFileSync(join(dir, '.env.example'), 'WIDGETS_BASE_URL=\nWIDGETS_API_KEY=widgets-mock-key-0001\n');
  const env: NodeJS.ProcessEnv = { ...extra };
  loadEnv(env, dir);
  return env;
}

/** One test of the `widgets` project, as a spec runs it: start the target's mock, list, judge; what its fixture would attach. */
async function runOnce(env: NodeJS.ProcessEnv): Promise<{ attachment: OutcomesAttachment; failed: boolean }> {
  const [served] = targetsOf(apis, ['widgets']);
  expect(served?.target.name).toBe('widgets');
  const mock = await served!.mock.start(env);
  try {
    env[served!.target.mockUrlVariable] = mock.url;
    const resolved = served!.target.resolve(env);
    expect(resolved.kind).toBe('mock');
    const response = await fetch(resolved.health.url, { headers: resolved.health.headers });
    let failed = false;
    try {
      verify(widgetsListed, { status: response.status, body: await response.json() }, { operation: 'listWidgets', status: response.status });
    } catch (error) {
      if (!(error instanceof ConformanceFailure)) throw error;
      failed = true;
    }
    const drained = outcomes.drain();
    return { failed, attachment: { ...drained, counters: { requests: 1 }, run: { api: 'widgets', target: mock.url, targetKind: resolved.kind, version: 'v1', seed: 1, runId: 'widgets-run' } } };
  } finally {
    await mock.close();
  }
}

function collected(project: string, run: { attachment: OutcomesAttachment; failed: boolean }): CollectedTest {
  const { attachment, failed } = run;
  return {
    project,
    title: 'widgets › lists',
    leafTitle: 'lists',
    file: 'specs/widgets/list.spec.ts',
    line: 1,
    status: failed ? 'failed' : 'passed',
    durationMs: 5,
    covers: [widgetsListed.id],
    notes: [],
    errors: [],
    cells: attachment.cells,
    details: attachment.details,
    counters: attachment.counters,
    run: attachment.run,
  };
}

test('config: its settings default from .env.example only while its base URL is unset; its key is a secret; a missing one is named', () => {
  const env = configured();
  expect(env.WIDGETS_API_KEY).toBe('widgets-mock-key-0001');
  expect(configured({ WIDGETS_BASE_URL: 'https://widgets.example.com' }).WIDGETS_API_KEY).toBeUndefined();
  secrets.addFromEnv(env);
  expect(secrets.redact('sent widgets-mock-key-0001')).toBe('sent $WIDGETS_API_KEY');
  const missing = (() => {
    try {
      widgetsApi.target.resolve({ WIDGETS_BASE_URL: 'https://widgets.example.com' });
    } catch (error) {
      return error;
    }
    return undefined;
  })();
  expect(missing).toBeInstanceOf(ConfigError);
  expect((missing as ConfigError).variable).toBe('WIDGETS_API_KEY');
});

test('a run and the reports: its projects, its target, its check judged against its own contract; a fault is a failure naming the check', async () => {
  expect(apis.flatMap((a) => a.projects({})).map((p) => p.name)).toContain('widgets');
  expect(apiOf(apis, 'widgets~widgets-as-object')?.name).toBe('widgets');

  const clean = await runOnce(configured());
  expect(clean.failed).toBe(false);
  const report = buildReport([collected('widgets', clean)], 1, { suite: { apis, registry } });
  const section = report.apis.find((s) => s.api === 'widgets');
  expect(section?.title).toBe('Widgets');
  // One check × listWidgets × 200, the one status it judges of the two the contract documents.
  expect(section?.coverage).toMatchObject({ count: 1, of: 1 });
  expect(report.verdict).toBe('conforms');

  const faulty = await runOnce(configured({ WIDGETS_MOCK_FAULTS: 'widgets-as-object' }));
  expect(faulty.failed).toBe(true);
  const failing = buildReport([collected('widgets', faulty)], 1, { suite: { apis, registry } });
  expect(failing.verdict).toBe('fails');
  expect(failing.apis.find((s) => s.api === 'widgets')?.failures.map((f) => f.checkId)).toEqual(['WID-LST-001']);
});

test('the self-test: its cases come from its descriptor, and a fault case is judged caught from the structured results', async () => {
  const cases = casesOf(widgetsApi, 'mock', [{ title: 'lists', covers: ['WID-LST-001'] }], false);
  expect(cases.map((c) => [c.kind, c.project])).toEqual([
    ['clean', 'widgets~clean'],
    ['fault', 'widgets~widgets-as-object'],
    ['variant', 'widgets~more-widgets'],
  ]);
  const fault = cases.find((c) => c.kind === 'fault')!;
  expect(fault.focus).toEqual(['WID-LST-001']);

  // What Playwright's JSON reporter writes for the case: the outcomes attachment the fault's run left, as data.
  const run = await runOnce(configured(fault.env));
  const body = Buffer.from(JSON.stringify(run.attachment)).toString('base64');
  const report: JsonReport = {
    suites: [{ title: 'list.spec.ts', specs: [{ title: 'lists', tests: [{ projectName: fault.project, results: [{ status: 'failed', duration: 5, workerIndex: 0, attachments: [{ name: OUTCOMES_ATTACHMENT, body }] }] }] }] }],
  };
  const results = new Map<(typeof cases)[number], CaseResult>(cases.map((c) => [c, emptyResult()]));
  readResults(report, cases, results);
  expect([...results.get(fault)!.ids]).toEqual(['WID-LST-001']);
  const tally: Tally = { caught: 0, faults: 0, passedVariants: 0, variants: 0, inconclusive: 0, outages: 0, problems: [] };
  judge(fault, results.get(fault)!, tally);
  expect(tally).toMatchObject({ caught: 1, faults: 1, problems: [] });
});

test('the catalogue: its heading and its check, from the registry of every API', () => {
  const catalogue = renderCheckCatalogue(apis, registry);
  expect(catalogue).toContain('## Widgets (project `widgets`)');
  expect(catalogue).toContain('### WID-LST-001 widgets not listed as an array');
  expect(catalogue).toContain('> The response holds the widgets as an array. — seed widgets');
  // The suite's own catalogue is untouched by it.
  expect(renderCheckCatalogue(APIS, checkRegistry(APIS))).not.toContain('Widgets');
});
