/**
 * The pattern with the assertions that look at words around the match taken out (lookarounds
 * other than a one-character guard, `^`, `$`), and so its exceptions ("not after *one of*"): it
 * matches wherever the original matches, and more. A rule's patterns widened this way make a
 * prefilter that can skip a lesson but never miss what the rule would find. Guards of a single
 * character class (`(?<![\p{L}\p{N}_-])`) and `\b` stay: they see the same characters in the rough
 * text as in the parsed prose, and without them a pattern would be tried inside every word, in
 * quadratic time on a long one. Not for patterns with back-references or named groups.
 */
export function widen(pattern: RegExp): RegExp {
  return new RegExp(withoutAssertions(pattern.source), pattern.flags.replace(/[gy]/g, ''));
}

const LOOKAROUND = /^\(\?<?[=!]/;
const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/;

export function withoutAssertions(source: string): string {
  let out = '';
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (char === '\\') {
      out += source.slice(index, index + 2);
      index += 2;
    } else if (char === '^' || char === '$') {
      index++;
    } else if (char === '[') {
      const end = classEnd(source, index);
      out += source.slice(index, end);
      index = end;
    } else if (char === '(' && LOOKAROUND.test(source.slice(index, index + 4))) {
      const end = groupEnd(source, index);
      if (isCharacterGuard(source.slice(index, end))) {
        out += source.slice(index, end);
        index = end;
      } else {
        index = end + (QUANTIFIER.exec(source.slice(end))?.[0].length ?? 0);
      }
    } else {
      out += char;
      index++;
    }
  }
  return out;
}

/** `(?<![\p{L}_-])`, `(?!\w)`: a lookaround at one character of a class. */
function isCharacterGuard(group: string): boolean {
  const body = group.slice(group.startsWith('(?<') ? 4 : 3, -1);
  return (body.startsWith('[') && classEnd(body, 0) === body.length) || /^\\[wWdDsS]$/.test(body) || /^\\[pP]\{[\w=]+\}$/.test(body);
}

/** The index just past the character class that opens at `start`. */
function classEnd(source: string, start: number): number {
  let index = start + 1;
  if (source[index] === '^') index++;
  if (source[index] === ']') index++;
  while (index < source.length && source[index] !== ']') index += source[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** The index just past the group that opens at `start`. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  let index = start;
  while (index < source.length) {
    const char = source[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '[') {
      index = classEnd(source, index);
      continue;
    }
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return index + 1;
    index++;
  }
  throw new SyntaxError(`Unbalanced group in /${source}/`);
}
