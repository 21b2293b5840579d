import type { Contract } from './contract/loadContract';
import { moovContract } from './contract/moov';
import { teamworkDeskContract } from './contract/teamworkDesk';
import type { TargetName } from './targets';

/**
 * What every shared part of the suite (check model, reports, catalogue) needs to know about an
 * API: its name, how it is titled, the contract its operations and statuses come from, and the
 * variable that points it at a live target. One entry per API, in one list: shared code iterates
 * over the list and never names a particular API, so an API added here is reported, catalogued
 * and counted like the others (and a shared table cannot silently treat it as one of them).
 */
export interface ApiIdentity<Name extends string = string> {
  name: Name;
  /** The report's heading for it. */
  title: string;
  /** The check catalogue's heading for it (docs/checks.md). */
  catalogueHeading: string;
  /** The contract whose operations and documented statuses its checks judge. */
  contract: () => Contract<string>;
  /** The kind of target its tests address (lib/targets.ts): its server, or the one its SDK talks to. */
  target: TargetName;
}

function identity<const Name extends string>(api: ApiIdentity<Name>): ApiIdentity<Name> {
  return api;
}

export const API_IDENTITIES = [
  identity({
    name: 'moov',
    title: 'Moov support tickets',
    catalogueHeading: 'Moov support tickets (project `moov`)',
    contract: moovContract as () => Contract<string>,
    target: 'moov',
  }),
  identity({
    name: 'teamwork-desk',
    title: 'Teamwork Desk ticket list',
    catalogueHeading: 'Teamwork Desk ticket list (project `teamwork-desk`)',
    contract: teamworkDeskContract as () => Contract<string>,
    target: 'teamwork-desk',
  }),
  // The sdk project judges the SDK on the Moov contract's operations, against a Moov target.
  identity({
    name: 'sdk',
    title: 'Moov TypeScript SDK',
    catalogueHeading: "Moov's TypeScript SDK against the target (project `sdk`)",
    contract: moovContract as () => Contract<string>,
    target: 'moov',
  }),
] as const;

export type ApiName = (typeof API_IDENTITIES)[number]['name'];

export const API_NAMES: readonly ApiName[] = API_IDENTITIES.map((api) => api.name);

/** The API of that name; an unknown name is a programming error, said as such. */
export function apiIdentity(name: ApiName): ApiIdentity<ApiName> {
  const found = API_IDENTITIES.find((api) => api.name === name);
  if (!found) throw new Error(`no API named ${JSON.stringify(name)} (known: ${API_NAMES.join(', ')})`);
  return found;
}

/**
 * The API a Playwright project judges: the project of its name, a version of it (`moov@v2025.07.00`)
 * or a self-test case of it (`moov~page-gap`); none for the suite's own projects (unit, reports).
 */
export function apiOfProject(project: string): ApiName | undefined {
  return API_NAMES.find((name) => project === name || project.startsWith(`${name}@`) || project.startsWith(`${name}~`));
}

/** The kind of target a project's tests address (moov and sdk both a Moov target); none for the suite's own projects. */
export function targetOfProject(project: string): TargetName | undefined {
  const api = apiOfProject(project);
  return api === undefined ? undefined : apiIdentity(api).target;
}
