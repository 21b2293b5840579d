import { defineConfig, type Project } from '@playwright/test';
import { loadEnv } from './lib/config/loadEnv';
import { apiVersionsFrom } from './lib/config/moovTarget';
import type { MoovOptions } from './specs/moov/support/fixtures';

loadEnv();

const versions = apiVersionsFrom(process.env);

/** `moov` is always there; MOOV_API_VERSIONS adds one `moov@<version>` project per version. */
const moovProjects: Project<MoovOptions>[] = [
  { name: 'moov', testDir: './specs/moov' },
  ...versions.map((version) => ({ name: `moov@${version}`, testDir: './specs/moov', use: { moovApiVersion: version } })),
];

export default defineConfig<MoovOptions>({
  globalSetup: './specs/global-setup.ts',
  outputDir: './test-results',
  fullyParallel: true,
  workers: Number(process.env.CONFORMANCE_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  // API checks need no browser. Traces are off: Playwright writes request headers into them.
  use: { trace: 'off', screenshot: 'off', video: 'off' },
  projects: [
    { name: 'unit', testDir: './specs/unit' },
    ...moovProjects,
  ],
});
