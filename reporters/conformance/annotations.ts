import { secrets } from '../../lib/redaction/secrets';
import type { ConformanceReport, FailureEntry } from './report';

/** Workflow-command escaping (GitHub Actions): the message, and a property such as title. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function clip(text: string, max = 600): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** "expected / received" from a failure's message (its first finding), or its first line. */
function expectedReceived(f: FailureEntry): string {
  const pick = (word: string) => new RegExp(`^\\s*${word}(?: #\\d+)?: (.*)$`, 'm').exec(f.message)?.[1]?.trim();
  const expected = pick('expected');
  const received = pick('received');
  if (expected !== undefined && received !== undefined) return `${expected} / ${received}`;
  return f.message.split('\n').find((l) => l.trim() !== '')?.trim() ?? f.severity;
}

function command(level: 'error' | 'warning', title: string, message: string): string {
  return secrets.redact(`::${level} title=${escapeProperty(title)}::${escapeData(clip(message))}`);
}

/**
 * One workflow annotation per failure (`::error title=<check id>::<operation>: <expected / received>`),
 * a warning per waived failure and per stale or expired waiver: what GitHub shows on the pull request.
 * Every line is redacted, like every other output.
 */
export function annotationLines(report: ConformanceReport): string[] {
  const lines: string[] = [];
  for (const api of report.apis) {
    for (const f of api.failures) {
      const expired = f.waiver?.state === 'expired' ? ` (waiver entry ${f.waiver.entry} expired ${f.waiver.expires}: ${f.waiver.issue})` : '';
      lines.push(command('error', f.checkId === 'ERROR' ? `${f.project}: test error` : f.checkId, `${f.operation}: ${expectedReceived(f)}${expired} [${f.project} › ${f.test}]`));
    }
    for (const f of api.waived) {
      lines.push(command('warning', `${f.checkId} (waived)`, `${f.operation}: ${expectedReceived(f)} (waived until ${f.waiver?.expires ?? '?'}, ${f.waiver?.daysLeft ?? '?'} days left: ${f.waiver?.issue ?? ''})`));
    }
  }
  for (const w of report.waivers?.entries ?? []) {
    if (w.status === 'stale') lines.push(command('warning', 'stale waiver', `${report.waivers?.file} entry ${w.entry} (${w.check}) matched no failure: the deviation is gone, delete the entry (${w.issue})`));
    if (w.status === 'expired') lines.push(command('warning', 'expired waiver', `${report.waivers?.file} entry ${w.entry} (${w.check}) expired ${w.expires}: its failures fail the run again (${w.issue})`));
  }
  return lines;
}
