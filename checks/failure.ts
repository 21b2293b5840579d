import type { DocSource } from '../lib/contract/openapi';
import { describeExchange, type Exchange } from '../lib/http/exchange';
import type { Finding, Severity } from './check';

/** A broken promise: which check, which operation, what was expected and what came back. */
export class ConformanceFailure extends Error {
  constructor(
    readonly checkId: string,
    readonly checkTitle: string,
    readonly severity: Severity,
    readonly operation: string,
    readonly source: DocSource,
    readonly findings: Finding[],
    readonly reproduce?: string,
  ) {
    super(ConformanceFailure.render(checkId, checkTitle, severity, operation, source, findings, reproduce));
    this.name = 'ConformanceFailure';
  }

  get exchange(): Exchange | undefined {
    return this.findings.find((f) => f.exchange)?.exchange;
  }

  static render(
    checkId: string,
    title: string,
    severity: Severity,
    operation: string,
    source: DocSource,
    findings: Finding[],
    reproduce?: string,
  ): string {
    const lines = [
      `[${checkId}] ${title} — ${operation}${severity === 'advisory' ? ' (advisory)' : ''}`,
      `  documented (seed ${source.seed}): "${source.sentence.replace(/\s+/g, ' ').trim()}"`,
    ];
    findings.slice(0, 10).forEach((finding, i) => {
      const n = findings.length > 1 ? ` #${i + 1}` : '';
      lines.push(`  expected${n}: ${finding.expected}`, `  received${n}: ${finding.received}`);
      if (finding.exchange) lines.push(`  request${n}: ${describeExchange(finding.exchange).replace(/\n/g, '\n  ')}`);
    });
    if (findings.length > 10) lines.push(`  … and ${findings.length - 10} more findings`);
    if (reproduce) lines.push(`  reproduce: ${reproduce}`);
    return lines.join('\n');
  }
}
