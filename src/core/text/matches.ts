/**
 * Every match of a global pattern in a text, as `text.matchAll(pattern)` gives them. `matchAll`
 * copies the pattern on each call, which on the many short texts of a lesson (blocks, sentences)
 * costs about twice the search itself; this runs the pattern as it is, from the start of the text.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`Expected a global pattern, got /${pattern.source}/${pattern.flags}.`);
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push(match);
    // An empty match would be found again at the same place.
    if (match[0] === '') pattern.lastIndex = afterCharacter(text, pattern.lastIndex, pattern.unicode);
  }
  pattern.lastIndex = 0;
  return found;
}

function afterCharacter(text: string, at: number, unicode: boolean): number {
  const code = text.charCodeAt(at);
  return unicode && code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? at + 2 : at + 1;
}
