import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { FAULT_NAMES, FAULTS, tamperFor } from '../../mock/teamwork-desk/faults';
import { NO_TAMPER } from '../../mock/teamwork-desk/seams';

/**
 * The Teamwork Desk mock's faults sit apart from its correct behaviour: a fault is defined in
 * mock/teamwork-desk/faults/<family>.ts (catalogue in faults.ts), as a change at a named seam
 * (seams.ts), so a reader of a handler sees the documented behaviour only.
 */
const ROOT = resolve(__dirname, '../..');
const MOCK = join(ROOT, 'mock/teamwork-desk');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Where a file's text switches on a fault or names one. */
function faultMentions(text: string, names: readonly string[]): string[] {
  const found = text.includes('faults.has') ? ['faults.has'] : [];
  // A name counts only standing alone (not inside a longer kebab-case word).
  return [...found, ...names.filter((name) => new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text))];
}

test('no file of the mock but the fault catalogue and faults/ switches on or names a fault', () => {
  const correct = sources(MOCK).filter((path) => {
    const rel = relative(MOCK, path);
    return rel !== 'faults.ts' && !rel.startsWith('faults/');
  });
  expect(correct.length).toBeGreaterThan(10);
  const mentions = correct.flatMap((path) => faultMentions(readFileSync(path, 'utf8'), FAULT_NAMES).map((m) => `${relative(ROOT, path)}: ${m}`));
  expect(mentions).toEqual([]);
});

test('the rule sees a switch and a fault name, and not a longer word', () => {
  expect(faultMentions("if (config.faults.has('x')) return;", [])).toEqual(['faults.has']);
  expect(faultMentions('// the page-overlap fault', ['page-overlap'])).toEqual(['page-overlap']);
  expect(faultMentions("'no-page-overlap-here'", ['page-overlap'])).toEqual([]);
});

test('every fault changes something at a known seam; without faults every seam gives back what it gets', () => {
  const seams = Object.keys(NO_TAMPER);
  for (const name of FAULT_NAMES) {
    const used = Object.keys(FAULTS[name].tamper);
    expect(used.length, name).toBeGreaterThan(0);
    expect(used.filter((seam) => !seams.includes(seam)), name).toEqual([]);
  }
  const clean = tamperFor(new Set());
  for (const seam of seams as Array<keyof typeof NO_TAMPER>) expect(clean[seam], seam).toBe(NO_TAMPER[seam]);
  expect(NO_TAMPER.sortKey(7)).toBe(7);
});
