import { createHash } from 'node:crypto';
import { parseDocument } from 'yaml';
import { locateFrontMatter } from '../document/frontMatter';

const BOM = '\uFEFF';

/**
 * A hash of what a reviewer signed: the body, and the front matter's data without its `review`
 * block. Line endings, trailing white space, blank lines at either end, YAML comments, key order and
 * the sign-off itself do not change it; any change of wording does. `undefined` when the front
 * matter does not parse (nothing trustworthy to sign).
 */
export function lessonFingerprint(input: string): string | undefined {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const location = locateFrontMatter(text);
  if (location.kind === 'unclosed') return undefined;
  let data: unknown = {};
  let body = text;
  if (location.kind === 'yaml') {
    const yaml = parseDocument(text.slice(location.content.start, location.content.end), { uniqueKeys: true });
    if (yaml.errors.length > 0) return undefined;
    try {
      data = yaml.toJS({ maxAliasCount: 100 }) ?? {};
    } catch {
      return undefined;
    }
    if (typeof data !== 'object' || Array.isArray(data)) return undefined;
    body = text.slice(location.range.end);
  }
  const { review: _signOffs, ...signed } = data as Record<string, unknown>;
  return fingerprintOf(signed, body);
}

export function fingerprintOf(frontMatter: Record<string, unknown>, body: string): string {
  const hash = createHash('sha256');
  hash.update(canonicalJson(frontMatter));
  hash.update('\n---\n');
  hash.update(normaliseText(body));
  return `sha256:${hash.digest('hex')}`;
}

function normaliseText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
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
