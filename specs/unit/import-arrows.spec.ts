import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The architecture's arrows point one way (ARCHITECTURE.md): contract and library → generators →
 * checks → specs and reporters, the mocks on the contract, scripts on top. Each room names the
 * rooms it may import; an import anywhere else, or a cycle between files, fails here.
 */
const ROOT = resolve(__dirname, '../..');

interface Room {
  name: string;
  /** Path prefixes (relative to the project root) that belong to it; the longest match wins. */
  paths: string[];
  mayImport: string[];
}

const ROOMS: Room[] = [
  { name: 'library', paths: ['lib/'], mayImport: [] },
  // Calibration probes targets at the silent points (with generated tickets) and keeps the
  // profile format the mocks serve: above generators, below the checks' runners.
  { name: 'calibration', paths: ['lib/calibration/'], mayImport: ['library', 'generators'] },
  { name: 'generators', paths: ['generators/'], mayImport: ['library'] },
  { name: 'checks', paths: ['checks/'], mayImport: ['library'] },
  { name: 'mock', paths: ['mock/'], mayImport: ['library', 'calibration'] },
  // The API descriptors: each API's contract, target, checks, mock and self-test cases, in one list.
  { name: 'apis', paths: ['apis/'], mayImport: ['library', 'calibration', 'generators', 'checks', 'mock'] },
  { name: 'specs', paths: ['specs/'], mayImport: ['library', 'calibration', 'generators', 'checks', 'mock', 'apis'] },
  { name: 'reporters', paths: ['reporters/'], mayImport: ['library', 'calibration', 'checks', 'apis'] },
  // The suite's own tests and tools stand on everything they test or drive.
  { name: 'scripts', paths: ['scripts/'], mayImport: ['library', 'calibration', 'generators', 'checks', 'mock', 'apis', 'reporters'] },
  { name: 'self-tests', paths: ['specs/unit/', 'specs/reports/', 'playwright.config.ts'], mayImport: ['*'] },
];

function roomOf(file: string): Room | undefined {
  let best: Room | undefined;
  let length = -1;
  for (const room of ROOMS) for (const p of room.paths) if (file.startsWith(p) && p.length > length) [best, length] = [room, p.length];
  return best;
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'reports' || name === 'test-results') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts')) out.push(relative(ROOT, path));
  }
  return out;
}

/** Every relative import (static, re-export or dynamic) of each source file, resolved to a file. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(ROOT)) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
      const base = resolve(ROOT, dirname(file), m[1] ?? m[2] ?? '');
      const found = [`${base}.ts`, join(base, 'index.ts'), base].find((c) => c.endsWith('.ts') && existsSync(c));
      if (found) targets.push(relative(ROOT, found));
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The imports that point against the arrows, and the files in no room. */
function againstArrows(graph: Map<string, string[]>): { upward: string[]; unplaced: string[] } {
  const upward: string[] = [];
  const unplaced = new Set<string>();
  for (const [file, targets] of graph) {
    const from = roomOf(file);
    if (!from) {
      unplaced.add(file);
      continue;
    }
    for (const target of targets) {
      const to = roomOf(target);
      if (!to) unplaced.add(target);
      else if (to !== from && !from.mayImport.includes('*') && !from.mayImport.includes(to.name)) upward.push(`${file} (${from.name}) imports ${target} (${to.name})`);
    }
  }
  return { upward, unplaced: [...unplaced] };
}

/** Each cycle met by a depth-first walk, as a path of files. */
function cyclesOf(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    trail.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...trail.slice(trail.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    trail.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

test('every import points down the architecture', () => {
  const { upward, unplaced } = againstArrows(importGraph());
  expect(unplaced, 'source files in no room of the architecture').toEqual([]);
  expect(upward, 'imports against the arrows').toEqual([]);
});

test('no import cycles between files', () => {
  expect(cyclesOf(importGraph())).toEqual([]);
});

test('the rules see an upward import, a stray file and a cycle', () => {
  const graph = new Map([
    ['lib/json.ts', ['checks/check.ts']],
    ['checks/check.ts', ['lib/json.ts']],
    ['reporters/conformance/model.ts', ['specs/support/outcomes.ts']],
    ['elsewhere.ts', []],
  ]);
  expect(againstArrows(graph).upward).toEqual([
    'lib/json.ts (library) imports checks/check.ts (checks)',
    'reporters/conformance/model.ts (reporters) imports specs/support/outcomes.ts (specs)',
  ]);
  expect(againstArrows(graph).unplaced).toEqual(['elsewhere.ts']);
  expect(cyclesOf(graph)).toEqual(['lib/json.ts → checks/check.ts → lib/json.ts']);
});
