import type { ApiIdentity } from '../lib/apis';
import type { CheckRegistry } from './registry';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/** docs/checks.md, generated from the registry so the catalogue and the code cannot disagree. */
export function renderCheckCatalogue(apis: readonly ApiIdentity[], registry: CheckRegistry): string {
  const lines = [
    '# Check catalogue',
    '',
    'Generated from the APIs\' checks (`apis/`) by `npm run docs:checks`; a unit test fails',
    'when this file is stale. Each check enforces one documented statement. **advisory** checks judge',
    'what the pages imply but do not say; they fail a run only with `CONFORMANCE_STRICT=true`.',
    '',
  ];
  for (const api of apis) {
    const checks = registry.forApi(api.name);
    if (checks.length === 0) continue;
    lines.push(`## ${api.catalogueHeading}`, '', `${checks.length} checks.`, '');
    for (const check of checks) {
      lines.push(
        `### ${check.id} ${check.title}${check.severity === 'advisory' ? ' (advisory)' : ''}`,
        '',
        `> ${cell(check.source.sentence)} — seed ${check.source.seed}`,
        '',
        `- **Detects:** ${cell(check.detects)}`,
        `- **Triggered by:** ${cell(check.triggers)}`,
        `- **Extra requests:** ${cell(check.requests)}`,
        `- **Operations × statuses:** ${check.operations.join(', ')} × ${check.statuses === 'documented' ? 'every documented status' : check.statuses.join(', ')}`,
        '',
      );
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
