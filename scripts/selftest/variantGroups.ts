import type { SelfTestSuite, VariantCase } from './types';

/**
 * One case per group of the suite's live variant groups: the members' environments merged, their
 * *_VARIANTS lists joined (a mock takes several variants at once). Fails loudly when the groups
 * name an unknown variant, leave one out, name one twice, or join cases that disagree on any
 * other setting: a group is a claim about the self-test's coverage and must not drift silently.
 */
export function groupedVariants(suite: SelfTestSuite, variants: readonly VariantCase[]): VariantCase[] {
  const groups = suite.liveVariantGroups;
  if (groups === undefined) return [...variants];
  const byName = new Map(variants.map((v) => [v.name, v]));
  const placed = new Set<string>();
  const combined = groups.map((group) => {
    const env: Record<string, string> = {};
    for (const name of group) {
      const variant = byName.get(name);
      if (variant === undefined) throw new Error(`self-test: live variant group of ${suite.project} names "${name}", not one of its live variants`);
      if (placed.has(name)) throw new Error(`self-test: variant "${name}" of ${suite.project} is in two live variant groups`);
      placed.add(name);
      for (const [key, value] of Object.entries(variant.env)) {
        if (key.endsWith('_VARIANTS')) env[key] = [env[key], value].filter((v) => v !== undefined && v !== '').join(',');
        else if (key in env && env[key] !== value) throw new Error(`self-test: live variant group [${group.join(', ')}] of ${suite.project} sets ${key} both to "${env[key]}" and to "${value}"`);
        else env[key] = value;
      }
    }
    return { name: group.join(' + '), env };
  });
  const left = variants.filter((v) => !placed.has(v.name)).map((v) => v.name);
  if (left.length > 0) throw new Error(`self-test: live variants of ${suite.project} in no live variant group: ${left.join(', ')}`);
  return combined;
}
