/** What a clean start needs to know of a kind of target: its base URL variable and its mock's fault, variant and limit settings. */
export interface CleanableTarget {
  baseUrlVariable: string;
  cleanSettings: readonly string[];
}

/**
 * The environment a mock started by a script reads its settings from: the caller's, without any
 * target, fault, variant, rate limit or weather of its own, so each mock answers as the contract says.
 */
export function cleanMockEnv(targets: readonly CleanableTarget[], base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, MOCK_WEATHER: '' };
  for (const target of targets) {
    env[target.baseUrlVariable] = '';
    for (const name of target.cleanSettings) env[name] = '';
  }
  return env;
}
