import type { TeamworkDeskMockConfig } from './config';

const baseStrength = new Intl.Collator('en', { sensitivity: 'base' });

/** A glibc locale's first level: letters and digits only, case and accents folded. */
function firstLevel(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * How the mock's filters and orders compare text: by code unit, or under a variant as a *_ci
 * collation (equal when only case or accents differ) or as a glibc locale (spaces and
 * punctuation count only where letters and digits tie; the mock then breaks the tie by code unit).
 */
export function compareText(a: string, b: string, config: TeamworkDeskMockConfig): number {
  if (config.variants.has('glibc-collation')) {
    const [x, y] = [firstLevel(a), firstLevel(b)];
    if (x !== y) return x < y ? -1 : 1;
  } else if (config.variants.has('case-insensitive-text')) {
    return Math.sign(baseStrength.compare(a, b));
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
