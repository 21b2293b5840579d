import fc from 'fast-check';

// Control characters and unpaired surrogates are excluded: storage layers reject them in ways
// the pages do not cover, so a correct server may refuse them.
const PRINTABLE = /^[^\p{Cc}\p{Cs}\p{Co}\p{Cn}\u2028\u2029]*$/u;

export interface TextConstraints {
  /** Shortest value, in graphemes. Default 1. */
  minLength?: number;
  /** Longest value, in graphemes. Default 60. */
  maxLength?: number;
}

/**
 * Non-blank text with no surrounding whitespace: unicode (accents, CJK, emoji), HTML-significant
 * characters and plain ASCII, in short and long forms. What a careful server stores exactly.
 */
export function exactText(constraints: TextConstraints = {}): fc.Arbitrary<string> {
  const { minLength = 1, maxLength = 60 } = constraints;
  if (minLength < 1 || maxLength < minLength) throw new Error(`exactText: need 1 ≤ minLength ≤ maxLength, got ${minLength}..${maxLength}`);
  const unit = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.constantFrom('<', '>', '&', '"', "'", '&amp;', '<b>', 'é', 'ß', '日本', '🎫', 'ü') },
  );
  // Only text that Unicode normalisation leaves alone: a server may store NFC (or NFKC) and still
  // return "exactly what was sent" in every sense the pages could mean.
  return fc
    .array(unit, { minLength, maxLength })
    .map((parts) => parts.join('').trim())
    .filter((s) => s.length > 0 && PRINTABLE.test(s) && s.normalize('NFKC') === s && s.normalize('NFC') === s);
}

/** Lower-case addresses a strict validator accepts: letters and digits, dots and plus inside. */
export function emailAddress(): fc.Arbitrary<string> {
  const word = fc.stringMatching(/^[a-z0-9]{1,12}$/);
  const local = fc.tuple(word, fc.option(fc.tuple(fc.constantFrom('.', '+', '-'), word), { nil: undefined })).map(([a, rest]) => (rest ? `${a}${rest[0]}${rest[1]}` : a));
  const domain = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,12}$/), fc.constantFrom('com', 'io', 'org', 'co.uk', 'dev')).map(([d, tld]) => `${d}.${tld}`);
  return fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);
}

/** HTML fragments, as the ticket body's string<html> format suggests. */
export function htmlBody(constraints: TextConstraints = {}): fc.Arbitrary<string> {
  const text = exactText({ minLength: 1, maxLength: constraints.maxLength ?? 120 });
  const block = fc.oneof(
    text.map((t) => `<p>${t.replace(/</g, '&lt;')}</p>`),
    text.map((t) => `<b>${t.replace(/</g, '&lt;')}</b>`),
    fc.constant('<a href="https://example.com/docs?a=1&amp;b=2">docs</a>'),
    fc.constant('<ul><li>one</li><li>two</li></ul>'),
    text,
  );
  return fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join('\n'));
}
