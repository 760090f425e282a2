import { locateFrontMatter, parseFrontMatter } from '../document/frontMatter';
import { sha256Hex } from '../text/sha256';
import { withoutBom } from '../text/bom';

/**
 * A hash of what a reviewer signed: the body, and the front matter's data without its `review`
 * block. Line endings, trailing white space, blank lines at either end, YAML comments, key order and
 * the sign-off itself do not change it; any change of wording does. `undefined` when the front
 * matter does not parse (nothing trustworthy to sign).
 */
export function lessonFingerprint(input: string): string | undefined {
  const text = withoutBom(input);
  const location = locateFrontMatter(text);
  if (location.kind === 'unclosed') return undefined;
  let data: unknown = {};
  let body = text;
  if (location.kind === 'yaml') {
    const frontMatter = parseFrontMatter(text, location.range);
    if (frontMatter.problems.length > 0 || (!frontMatter.data && frontMatter.document.contents !== null)) return undefined;
    data = frontMatter.data ?? {};
    body = text.slice(location.range.end);
  }
  const { review: _signOffs, ...signed } = data as Record<string, unknown>;
  return fingerprintOf(signed, body);
}

export function fingerprintOf(frontMatter: Record<string, unknown>, body: string): string {
  return `sha256:${sha256Hex(`${canonicalJson(frontMatter)}\n---\n${normaliseText(body)}`)}`;
}

function normaliseText(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trimEnd());
  let first = 0;
  while (first < lines.length && lines[first] === '') first++;
  let last = lines.length;
  while (last > first && lines[last - 1] === '') last--;
  return lines.slice(first, last).join('\n');
}

/** JSON with keys sorted at every level, so that key order never changes the hash. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Map) item = Object.fromEntries(item);
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return item;
  });
}
