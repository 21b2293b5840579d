import { defineConfig, type Project } from '@playwright/test';
import { positiveInteger } from './lib/config/configError';
import { loadEnv } from './lib/config/loadEnv';
import { OUTPUT_DIR, REPORTS_DIR } from './lib/config/run';
import { selfTestMatrix } from './lib/config/selftestMatrix';
import { APIS } from './apis';

loadEnv();

/** Each API's projects (apis/<api>/index.ts): its name, and e.g. one `moov@<version>` per MOOV_API_VERSIONS entry. */
const conformanceProjects: Array<Project & { name: string }> = APIS.flatMap((api) => api.projects(process.env)).map((p) => ({ name: p.name, testDir: p.testDir, ...(p.use ? { use: p.use as Project['use'] } : {}) }));

/**
 * Only when the self-test asks (CONFORMANCE_SELFTEST_MATRIX, lib/config/selftestMatrix.ts): one
 * project per fault or variant case, e.g. `moov~page-gap`, running its base project's specs; its
 * workers take the case's environment (specs/support/selftestCase.ts). `workers: 1` keeps each
 * case in one worker process (a worker serves one project only, so spreading a case over two
 * would start two), and cases run side by side instead.
 */
const selfTestProjects: Project[] = selfTestMatrix(process.env, conformanceProjects.map((p) => p.name)).map((c) => {
  const base = conformanceProjects.find((p) => p.name === c.base);
  return { ...base, name: c.name, workers: 1, metadata: { selfTestCase: c }, ...(c.grep !== undefined ? { grep: new RegExp(c.grep) } : {}) };
});

export default defineConfig({
  globalSetup: './specs/global-setup.ts',
  outputDir: OUTPUT_DIR,
  fullyParallel: true,
  workers: positiveInteger(process.env, 'CONFORMANCE_WORKERS', 2),
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  // The console list, the conformance report (reports/conformance.*), and Playwright's JUnit and
  // HTML reports for CI systems that read them. CONFORMANCE_REPORTER replaces the console one.
  reporter: [
    [process.env.CONFORMANCE_REPORTER?.trim() || 'list'],
    ['./reporters/conformance/index.ts'],
    ['junit', { outputFile: `${REPORTS_DIR}/junit.xml` }],
    ['html', { outputFolder: `${REPORTS_DIR}/playwright-html`, open: 'never' }],
  ],
  // API checks need no browser. Traces are off: Playwright writes request headers into them.
  use: { trace: 'off', screenshot: 'off', video: 'off' },
  projects: [
    { name: 'unit', testDir: './specs/unit' },
    // Runs the suite in child processes, as users do: reports, secrets, shards.
    { name: 'reports', testDir: './specs/reports', timeout: 180_000 },
    ...conformanceProjects,
    ...selfTestProjects,
  ],
});
