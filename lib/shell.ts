/** Quotes text for a POSIX shell. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A `-g` argument matching exactly this test title (Playwright reads -g as a regular expression). */
export function grepArgument(title: string): string {
  return shellQuote(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
