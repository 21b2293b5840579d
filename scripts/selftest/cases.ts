import type { ApiDescriptor } from '../../apis/descriptor';
import type { SelfTestSuite } from '../../apis/selfTestCases';
import { grepFor, type CoveringTest } from './coverage';
import { groupedVariants } from './variantGroups';

/** The self-test's modes: against the embedded mock, and against the mock addressed as a live target. */
export type Mode = 'mock' | 'live';
export const MODES: readonly Mode[] = ['mock', 'live'];

/** One run of a project the self-test judges: clean, with a fault on, or with a group of correct variants. */
export interface Case {
  /** The API whose project it runs; its self-test cases are `api.selfTest`. */
  api: ApiDescriptor;
  suite: SelfTestSuite;
  mode: Mode;
  kind: 'clean' | 'fault' | 'variant';
  name: string;
  env: Record<string, string>;
  expect: string[];
  /** A fault that has made its point with its first failure (not a fullRun one). */
  stopAtFirstFailure: boolean;
  /** Its Playwright project in the batch. */
  project: string;
  /** The checks a fault case runs only the tests of (see SelfTestMatrixCase.focus). */
  focus?: string[];
  /** Those tests, by title (see SelfTestMatrixCase.grep). */
  grep?: string;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.@]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * A fault case runs only the tests covering a check it expects, when some test declares one of
 * them: a fault expected only from checks every response gets (schema, headers) runs every test.
 */
export function casesOf(api: ApiDescriptor, mode: Mode, tests: readonly CoveringTest[], cleanProven: boolean): Case[] {
  const suite = api.selfTest;
  const covered = new Set(tests.flatMap((t) => t.covers));
  const names = new Set<string>();
  const make = (kind: Case['kind'], name: string, env: Record<string, string>, expect: string[], stopAtFirstFailure = false): Case => {
    let project = `${api.name}~${slug(name)}`;
    for (let n = 2; names.has(project); n++) project = `${api.name}~${slug(name)}-${n}`;
    names.add(project);
    const focus = kind === 'fault' ? expect.filter((id) => covered.has(id)) : [];
    const grep = grepFor(tests, focus);
    return { api, suite, mode, kind, name, env, expect, stopAtFirstFailure, project, ...(focus.length > 0 ? { focus } : {}), ...(grep !== undefined ? { grep } : {}) };
  };
  const inMode = <T extends { modes?: ReadonlyArray<Mode> }>(c: T): boolean => (c.modes ?? MODES).includes(mode);
  const variants = suite.variants.filter(inMode);
  return [
    ...(cleanProven ? [] : [make('clean', 'clean', {}, [])]),
    ...suite.faults.filter(inMode).map((f) => make('fault', f.name, f.env, f.expect, !f.fullRun)),
    ...groupedVariants(api, variants).map((v) => make('variant', v.name, v.env, [])),
  ];
}
