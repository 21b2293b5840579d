import type { SelfTestSuite, VariantCase } from '../../apis/selfTestCases';

/**
 * One case per group of the suite's variant groups that has members in this mode (`variants`,
 * the suite's variants that run in it): the members' environments merged, their *_VARIANTS lists
 * joined (a mock takes several variants at once). Fails loudly when the groups name an unknown
 * variant, leave one of this mode's out, name one twice, or join cases that disagree on any other
 * setting: a group is a claim about the self-test's coverage and must not drift silently.
 */
export function groupedVariants(api: { name: string; selfTest: SelfTestSuite }, variants: readonly VariantCase[]): VariantCase[] {
  const suite = api.selfTest;
  const groups = suite.variantGroups;
  if (groups === undefined) return [...variants];
  const known = new Set(suite.variants.map((v) => v.name));
  const inMode = new Map(variants.map((v) => [v.name, v]));
  const placed = new Set<string>();
  for (const name of groups.flat()) {
    if (!known.has(name)) throw new Error(`self-test: a variant group of ${api.name} names "${name}", not one of its variants`);
    if (placed.has(name)) throw new Error(`self-test: variant "${name}" of ${api.name} is in two variant groups`);
    placed.add(name);
  }
  const left = variants.filter((v) => !placed.has(v.name)).map((v) => v.name);
  if (left.length > 0) throw new Error(`self-test: variants of ${api.name} in no variant group: ${left.join(', ')}`);
  return groups.flatMap((group) => {
    const members = group.flatMap((name) => inMode.get(name) ?? []);
    if (members.length === 0) return [];
    if (members.length < group.length) throw new Error(`self-test: variant group [${group.join(', ')}] of ${api.name} mixes variants of different modes`);
    const env: Record<string, string> = {};
    for (const variant of members) {
      for (const [key, value] of Object.entries(variant.env)) {
        if (key.endsWith('_VARIANTS')) env[key] = [env[key], value].filter((v) => v !== undefined && v !== '').join(',');
        else if (key in env && env[key] !== value) throw new Error(`self-test: variant group [${group.join(', ')}] of ${api.name} sets ${key} both to "${env[key]}" and to "${value}"`);
        else env[key] = value;
      }
    }
    return [{ name: group.join(' + '), env }];
  });
}
