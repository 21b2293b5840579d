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

/**
 * Whole graphemes from every assigned Unicode plane, each NFC/NFKC-stable alone and beside any
 * other: Latin with precomposed and with combining marks that have no precomposed form (q̃, a̲),
 * Greek, CJK (plane 0); Deseret, an emoji, a skin-toned ZWJ sequence, an Egyptian hieroglyph
 * (plane 1); CJK extensions B and G (planes 2 and 3); an ideographic variation sequence (plane
 * 14); private use (planes 15 and 16, which a target may refuse: a 4xx).
 */
export const PLANE_UNITS: readonly string[] = [
  'é', 'ß', 'Ω', '日', 'ü', 'q\u0303', 'a\u0332',
  '\u{10437}', '\u{1F3AB}', '\u{1F469}\u{1F3FD}\u200D\u{1F4BB}', '\u{13000}',
  '\u{20000}', '\u{2A6D6}', '\u{30000}',
  '\u908A\u{E0100}',
  '\u{F0000}', '\u{100000}',
];

// Like PRINTABLE, but private use is allowed: a target stores it exactly or refuses it with a 4xx.
const STORABLE = /^[^\p{Cc}\p{Cs}\p{Cn}\u2028\u2029]*$/u;

export interface WideTextConstraints {
  /** Longest core (without the surrounding spaces), in graphemes. Default 5000. */
  maxLength?: number;
  /** How often each end of the value has spaces (0 to 1). Default 0.3. */
  padded?: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same stream of units. */
function unitStream(seed: number): () => string {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const markup = ['<', '>', '&', '"', "'"];
  return () => {
    const kind = next();
    if (kind < 0.6) return String.fromCharCode(0x20 + Math.floor(next() * 95)); // printable ASCII, either case
    if (kind < 0.85) return PLANE_UNITS[Math.floor(next() * PLANE_UNITS.length)]!;
    return markup[Math.floor(next() * markup.length)]!;
  };
}

/**
 * Text across the whole range users send: 1 to `maxLength` graphemes (biased to the edges: a few,
 * a few hundred, up to the longest), upper, lower and mixed case, every Unicode plane and combining
 * marks, HTML-significant characters, optionally with leading and trailing spaces. Never blank.
 * The text is a prefix of a seeded stream of units and only its length shrinks (an integer, in
 * a few dozen steps, not unit by unit), with the spaces: a failure shrinks to the shortest value
 * that still fails, cheaply enough for a target that creates a ticket per attempt.
 */
export function wideText(constraints: WideTextConstraints = {}): fc.Arbitrary<string> {
  const { maxLength = 5000, padded = 0.3 } = constraints;
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new Error(`wideText: maxLength must be a positive integer, got ${String(maxLength)}`);
  if (!(padded >= 0 && padded <= 1)) throw new Error(`wideText: padded must be between 0 and 1, got ${String(padded)}`);
  const length = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1, max: Math.min(8, maxLength) }) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: Math.min(300, maxLength) }) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: maxLength }) },
  );
  const core = fc.tuple(length, fc.noShrink(fc.integer())).map(([n, seed]) => {
    const unit = unitStream(seed);
    return Array.from({ length: n }, unit).join('');
  });
  const weightPadded = Math.round(padded * 10);
  const pad = fc.oneof({ weight: 10 - weightPadded, arbitrary: fc.constant('') }, { weight: weightPadded, arbitrary: fc.constantFrom(' ', '  ') });
  return fc
    .tuple(pad, core, pad)
    .map(([lead, text, trail]) => `${lead}${text}${trail}`)
    .filter((s) => s.trim().length > 0 && STORABLE.test(s) && s.normalize('NFC') === s && s.normalize('NFKC') === s);
}

/**
 * Addresses as users type them: upper, lower and mixed case (the pages' own example is
 * Melany.Roberts@yahoo.com), dots, plus and hyphens, rarely with a leading or trailing space (a
 * target may refuse those: a 4xx). Local parts stay within RFC 5321's 64 characters.
 */
export function wideEmailAddress(): fc.Arbitrary<string> {
  const word = fc.stringMatching(/^[A-Za-z0-9]{1,20}$/);
  const local = fc.tuple(word, fc.option(fc.tuple(fc.constantFrom('.', '+', '-'), word), { nil: undefined })).map(([a, rest]) => (rest ? `${a}${rest[0]}${rest[1]}` : a));
  const domain = fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,12}$/), fc.constantFrom('com', 'COM', 'Io', 'org', 'co.uk', 'Dev')).map(([d, tld]) => `${d}.${tld}`);
  const pad = fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constant(' ') });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('Melany.Roberts@yahoo.com') },
    { weight: 6, arbitrary: fc.tuple(pad, local, domain, pad).map(([a, l, d, b]) => `${a}${l}@${d}${b}`) },
  );
}
