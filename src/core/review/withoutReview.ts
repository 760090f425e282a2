import { locateFrontMatter } from '../document/frontMatter';

/**
 * The lesson without its `review:` block: what a reviewer compares when asked what changed since
 * they approved (the block itself changes with every sign-off). Only a top-level `review:` key of
 * YAML front matter is taken out, with its indented lines; the rest is kept byte for byte.
 */
export function withoutReviewBlock(text: string): string {
  const location = locateFrontMatter(text);
  if (location.kind !== 'yaml') return text;
  const { start, end } = location.range;
  const yaml = text.slice(start, end);
  const lines = yaml.split(/(?<=\n)/);
  const kept: string[] = [];
  let inReview = false;
  for (const line of lines) {
    const topLevel = /^[^\s#]/.test(line);
    if (topLevel) inReview = /^review\s*:/.test(line);
    if (!inReview) kept.push(line);
  }
  return text.slice(0, start) + kept.join('') + text.slice(end);
}
