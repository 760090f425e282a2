/**
 * A case-insensitive pattern tested on text folded to lower case, where V8 runs it several times
 * faster than with the `i` flag (its Unicode case-folding defeats the engine's quick checks). It
 * answers exactly as the pattern does, for any text: the pattern's letters are lower-cased, and
 * {@link foldCase} maps each character of the text to the one character the pattern, lower-cased,
 * sees as its equal. A pattern whose meaning depends on case (`\p{Lu}`, a back-reference, a non-ASCII
 * letter) and a text that folds into more characters (`İ`) are tested as they are.
 */
export class CaselessPattern {
  private readonly lowered: RegExp | undefined;
  private readonly original: RegExp;

  /** `lowered`: {@link loweredSource} of the pattern (null for none), when the caller has it already. */
  constructor(pattern: RegExp, lowered: string | null = loweredSource(pattern)) {
    // A pattern without `g` or `y` keeps no state between tests: it is shared, not copied.
    this.original = /[gy]/.test(pattern.flags) ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
    this.lowered = lowered === null ? undefined : new RegExp(lowered, this.original.flags.replace('i', ''));
  }

  /** `folded` is {@link foldCase} of `text`, computed once by the caller for all its patterns. */
  test(text: string, folded: string | undefined): boolean {
    return this.lowered && folded !== undefined ? this.lowered.test(folded) : this.original.test(text);
  }
}

/** The source a {@link CaselessPattern} tests folded text with; null when it tests the text as it is. */
export function loweredSource(pattern: RegExp): string | null {
  // Without `u`, `i` compares upper cases and never equates `ſ` with `s`; with `v`, classes can hold strings.
  return (pattern.flags.includes('i') && pattern.flags.includes('u') ? lowerCased(pattern.source) : undefined) ?? null;
}

/**
 * The text in lower case, one character for one, with the characters that lower-case to themselves
 * although a case-insensitive pattern equates them with another (`ſ` with `s`, `ς` with `σ`) made
 * that other. Undefined for a text with a character that cannot be folded so (`İ`).
 */
export function foldCase(text: string): string | undefined {
  if (UNFOLDABLE.test(text)) return undefined;
  const lower = text.toLowerCase();
  return FOLDS_FURTHER.test(lower) ? lower.replace(FOLDS_FURTHER_ALL, (char) => FURTHER[char]) : lower;
}

/** `İ` lower-cases to two characters; to a case-insensitive pattern, the combining ypogegrammeni is both a letter (as `ι`) and not. */
const UNFOLDABLE = /\u0130|\u0345/;

/** What `toUpperCase().toLowerCase()` gives where it differs from `toLowerCase()` and is the same letter to a case-insensitive pattern. */
const FURTHER: Record<string, string> = {
  '\u00B5': '\u03BC',
  '\u017F': 's',
  '\u03C2': '\u03C3',
  '\u03D0': '\u03B2',
  '\u03D1': '\u03B8',
  '\u03D5': '\u03C6',
  '\u03D6': '\u03C0',
  '\u03F0': '\u03BA',
  '\u03F1': '\u03C1',
  '\u03F5': '\u03B5',
  '\u1C80': '\u0432',
  '\u1C81': '\u0434',
  '\u1C82': '\u043E',
  '\u1C83': '\u0441',
  '\u1C84': '\u0442',
  '\u1C85': '\u0442',
  '\u1C86': '\u044A',
  '\u1C87': '\u0463',
  '\u1C88': '\uA64B',
  '\u1E9B': '\u1E61',
  '\u1FBE': '\u03B9',
};
const FOLDS_FURTHER = new RegExp(`[${Object.keys(FURTHER).join('')}]`, 'u');
const FOLDS_FURTHER_ALL = new RegExp(FOLDS_FURTHER.source, 'gu');

/** Properties that hold of a letter whatever its case: `\p{L}` is safe to lower-case around, `\p{Lu}` is not. */
const CASELESS_PROPERTIES = new Set(['L', 'Letter', 'N', 'Number', 'Nd', 'P', 'Punctuation', 'S', 'Symbol', 'Z', 'Zs', 'M', 'Mark']);
const HEX_ESCAPE = /^(?:u\{([\da-fA-F]+)\}|u([\da-fA-F]{4})|x([\da-fA-F]{2}))/;
const ASCII_LETTER = /^[A-Za-z]$/;

/** The source with its letters lower-cased, or undefined when that could change what it matches. */
export function lowerCased(source: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let index = 0; index < source.length;) {
    const char = source[index];
    if (char === '\\') {
      const escape = escapeAt(source, index);
      if (escape === undefined) return undefined;
      out += escape;
      index += escape.length;
      continue;
    }
    if (inClass && char === '-' && source[index - 1] !== '[' && source[index + 1] !== ']') {
      // A range: `A-Z` lower-cases to `a-z`; one from a letter to anything else would change its span.
      const from = source[index - 1];
      const to = source[index + 1];
      if ((ASCII_LETTER.test(from) || ASCII_LETTER.test(to)) && !sameCaseLetters(from, to)) return undefined;
    }
    if (char === '[' && !inClass) inClass = true;
    else if (char === ']' && inClass) inClass = false;
    else if (!inClass && char === '(' && source[index + 1] === '?') {
      const group = groupOpening(source, index);
      if (group === undefined) return undefined;
      out += group;
      index += group.length;
      continue;
    }
    const whole = String.fromCodePoint(source.codePointAt(index) ?? 0);
    if (ASCII_LETTER.test(whole)) out += whole.toLowerCase();
    else if (isCased(whole)) return undefined;
    else out += whole;
    index += whole.length;
  }
  return out;
}

/**
 * An escape as it stands, or undefined when it names a case or a letter (`\p{Lu}`, `\u0041`), is negated (`\P{L}`) or
 * refers back (`\1`, `\k<x>`).
 */
function escapeAt(source: string, index: number): string | undefined {
  const next = source[index + 1];
  // `\P{L}`, unlike `[^\p{L}]`, holds of `Ι` and `ι` under `iu`: they share a case with a combining mark.
  if (next === 'P') return undefined;
  if (next === 'p') {
    const end = source.indexOf('}', index);
    const property = source.slice(index + 3, end);
    return end > 0 && CASELESS_PROPERTIES.has(property) ? source.slice(index, end + 1) : undefined;
  }
  if (next === undefined || /[1-9k]/.test(next)) return undefined;
  const hex = HEX_ESCAPE.exec(source.slice(index + 1));
  if (hex) {
    const char = String.fromCodePoint(parseInt(hex[1] ?? hex[2] ?? hex[3], 16));
    return ASCII_LETTER.test(char) || isCased(char) ? undefined : `\\${hex[0]}`;
  }
  return next === 'c' ? undefined : `\\${next}`;
}

/** `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, or a named group with its name as it is; undefined for modifiers such as `(?i:`. */
function groupOpening(source: string, index: number): string | undefined {
  const head = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(source.slice(index));
  return head?.[0];
}

function sameCaseLetters(from: string, to: string): boolean {
  return (/^[a-z]$/.test(from) && /^[a-z]$/.test(to)) || (/^[A-Z]$/.test(from) && /^[A-Z]$/.test(to));
}

function isCased(char: string): boolean {
  return char.toLowerCase() !== char.toUpperCase();
}

const made = new WeakMap<RegExp, CaselessPattern>();

/** The pattern's {@link CaselessPattern}, made once per pattern object. */
export function caseless(pattern: RegExp): CaselessPattern {
  let found = made.get(pattern);
  if (!found) made.set(pattern, (found = new CaselessPattern(pattern)));
  return found;
}
