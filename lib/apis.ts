import type { Contract } from './contract/loadContract';

/**
 * What the report, the catalogue and the check model need to know of an API: its name, how it is
 * titled, and the contract its operations and documented statuses come from. The full
 * descriptor (apis/descriptor.ts) adds its target, mock, checks, projects and self-test cases.
 */
export interface ApiIdentity {
  name: string;
  /** The report's heading for it. */
  title: string;
  /** The check catalogue's heading for it (docs/checks.md). */
  catalogueHeading: string;
  /** The contract whose operations and documented statuses its checks judge. */
  contract: () => Contract<string>;
}

/**
 * The API (of those named) a Playwright project judges: the project of its name, a version of it
 * (`moov@v2025.07.00`) or a self-test case of it (`moov~page-gap`); none for the suite's own
 * projects (unit, reports).
 */
export function apiOfProject<Name extends string>(names: readonly Name[], project: string): Name | undefined {
  return names.find((name) => project === name || project.startsWith(`${name}@`) || project.startsWith(`${name}~`));
}
