/**
 * Recognisable internals in an error answer. Stack traces are unmistakable (a frame names code,
 * a file and a line); the rest are patterns a correct answer rarely matches, hence advisory.
 */

const STACK_TRACES: ReadonlyArray<[string, RegExp]> = [
  ['JavaScript frame', /\n\s*at (?:async )?[\w$.<>[\] ]*\(?(?:file:\/\/)?[\w./\\:@-]+\.(?:[cm]?js|ts):\d+:\d+\)?/],
  ['Python traceback', /Traceback \(most recent call last\):/],
  ['Java frame', /\n\s*at [\w$]+(?:\.[\w$<>]+)+\([\w$]+\.(?:java|kt|scala):\d+\)/],
  ['Go panic', /goroutine \d+ \[[\w ]+\]:/],
  ['PHP trace', /Stack trace:\s*\n#0 /],
  ['.NET frame', /\n\s*at [\w.`<>]+\(.*\) in [^\n]+:line \d+/],
  ['Ruby frame', /[\w/.-]+\.rb:\d+:in [`'][^'\n]+'/],
];

/** The kind of the first stack trace in `text`, with the line that shows it; undefined if none. */
export function stackTraceIn(text: string): string | undefined {
  for (const [kind, pattern] of STACK_TRACES) {
    const match = pattern.exec(text.replace(/\\n/g, '\n'));
    if (match) return `${kind} (${match[0].trim().slice(0, 120)})`;
  }
  return undefined;
}

const BODY_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['a source file path', /(?:\/(?:home|srv|usr|var|opt|app|src|workspace)\/[\w.@/-]+|[A-Z]:\\[\w.\\ -]+)\.(?:[cm]?js|ts|py|go|java|rb|php|cs)\b/],
  ['SQL', /\b(?:SELECT\s+[\w*,. ]+\s+FROM\s+\w|INSERT\s+INTO\s+\w|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s+\w)/],
  ['a database error', /\b(?:SQLSTATE\[?\w*|ORA-\d{5}|PG::\w+|syntax error at or near|ER_\w+_ERROR|SequelizeDatabaseError|duplicate key value violates)\b/i],
  ['an internal host name', /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:internal|intranet|corp|lan|cluster\.local|svc)\b(?::\d+)?/i],
  ['a private address', /\b(?:10\.\d{1,3}|192\.168|172\.(?:1[6-9]|2\d|3[01]))\.\d{1,3}\.\d{1,3}(?::\d+)?\b|\blocalhost:\d+\b/],
];

const BANNERS: ReadonlyArray<[string, (name: string, value: string) => boolean]> = [
  ['X-Powered-By', (name) => name === 'x-powered-by' || name === 'x-aspnet-version' || name === 'x-aspnetmvc-version'],
  ['a versioned Server header', (name, value) => name === 'server' && /\/\d+(?:\.\d+)+/.test(value)],
];

/** What an error answer discloses, one line per kind found. */
export function disclosedInternals(headers: Record<string, string>, body: string): string[] {
  const found: string[] = [];
  for (const [kind, pattern] of BODY_PATTERNS) {
    const match = pattern.exec(body);
    if (match) found.push(`${kind} in the body: ${match[0].slice(0, 120)}`);
  }
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    for (const [kind, matches] of BANNERS) if (matches(lower, value)) found.push(`${kind}: ${name}: ${value}`);
  }
  return found;
}
