import { CheckRegistry } from '../checks/registry';
import { apiOfProject } from '../lib/apis';
import type { MockServer, TargetKind } from '../lib/targets';
import { mergeWriteNeeds, type WriteNeed } from '../lib/writePlan';
import type { ApiDescriptor } from './descriptor';

/**
 * Questions shared code asks of a list of APIs. Each takes the list, so a unit test can ask them
 * of a list with an API of its own (specs/unit/third-api.spec.ts); apis/index.ts asks them of the
 * suite's list.
 */

/** The API of that name; an unknown name is a programming error, said as such. */
export function apiNamed<A extends ApiDescriptor>(apis: readonly A[], name: string): A {
  const found = apis.find((api) => api.name === name);
  if (!found) throw new Error(`no API named ${JSON.stringify(name)} (known: ${apis.map((a) => a.name).join(', ')})`);
  return found;
}

/** The API a project judges (`moov`, `moov@v2025.07.00`, `moov~page-gap`); none for the suite's own projects. */
export function apiOf<A extends ApiDescriptor>(apis: readonly A[], project: string): A | undefined {
  const name = apiOfProject(apis.map((a) => a.name), project);
  return name === undefined ? undefined : apiNamed(apis, name);
}

/** A kind of target and the mock that stands in for it. */
export interface ServedTarget {
  target: TargetKind;
  mock: MockServer;
}

/** The kinds of target these projects' tests address, each once (moov and sdk both address a Moov target). */
export function targetsOf(apis: readonly ApiDescriptor[], projects: readonly string[]): ServedTarget[] {
  const served = new Map<string, ServedTarget>();
  for (const project of projects) {
    const api = apiOf(apis, project);
    if (api && !served.has(api.target.name)) served.set(api.target.name, { target: api.target, mock: api.mock });
  }
  return [...served.values()];
}

/** Every kind of target the APIs address, each once. */
export function allTargets(apis: readonly ApiDescriptor[]): ServedTarget[] {
  return targetsOf(apis, apis.map((a) => a.name));
}

/** The registry of every API's checks: a check id used twice anywhere fails here. */
export function checkRegistry(apis: readonly ApiDescriptor[]): CheckRegistry {
  const registry = new CheckRegistry();
  for (const api of apis) registry.register(...api.checks);
  return registry;
}

/**
 * What the tests of every API addressing `target` need of its write budget, in the list's order
 * (the plan's order of priority): the APIs that address one kind of target share its budget. A
 * key two APIs declare is a programming error.
 */
export function writeNeedsOf(apis: readonly ApiDescriptor[], target: TargetKind): Map<string, WriteNeed> {
  return mergeWriteNeeds(apis.filter((a) => a.target.name === target.name).map((a) => ({ by: a.name, needs: a.writeNeeds?.() ?? new Map() })));
}
