import type { OffsetRange } from '../types/range';

/** How far down the closing `---` of a mistyped front matter is looked for. */
const MAX_LINES = 60;
const FENCE_TYPO = /^[ \t]*-{2,}(?:[ \t]*[^-\s].*|-+[ \t]*|[ \t]+-.*)$/;
const CLOSING = /^[ \t]*-{3,}[ \t]*$/;
const YAML_KEY = /^[A-Za-z_][\w.-]*:(?:[ \t]|$)/;
const YAML_CONTINUATION = /^(?:[ \t]+\S|-[ \t]|#|[ \t]*$)/;

export interface FrontMatterTypo {
  /** The line that should have been `---`. */
  opener: OffsetRange;
  text: string;
}

/**
 * A first line that was meant to open front matter and does not (`--- Practise it…`, `----`,
 * ` ---`): then `key: value` lines and a closing `---` follow, and none of it is read as front
 * matter, so the lesson's title, objectives and reviews silently vanish. Only looked for when no
 * front matter was found.
 */
export function frontMatterTypo(text: string): FrontMatterTypo | undefined {
  const lines = text.slice(0, 16384).split(/\r\n|\r|\n/, MAX_LINES + 1);
  const first = lines[0];
  if (first === undefined || !FENCE_TYPO.test(first) || /^---[ \t]*$/.test(first)) return undefined;
  let keys = 0;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index];
    if (CLOSING.test(line)) return keys > 0 ? { opener: { start: 0, end: first.length }, text: first } : undefined;
    if (YAML_KEY.test(line)) keys++;
    else if (!YAML_CONTINUATION.test(line)) return undefined;
  }
  return undefined;
}
