/**
 * The projects a `playwright test` command runs: its --project options (repeatable, `*` as a
 * wildcard, as Playwright reads them) matched against the configured names; every one when none
 * is given. Global setup reads them so a run checks, starts and preflights only what it tests.
 */
export function selectedProjects(argv: readonly string[], configured: readonly string[]): string[] {
  const patterns: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--project=')) patterns.push(arg.slice('--project='.length));
    else if (arg === '--project' && argv[i + 1] !== undefined) patterns.push(argv[++i] ?? '');
  }
  if (patterns.length === 0) return [...configured];
  const matchers = patterns.map((p) => new RegExp(`^${p.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i'));
  return configured.filter((name) => matchers.some((m) => m.test(name)));
}
