import { NextIndex } from '../text/nextIndex';
import type { OffsetRange } from '../types/range';
import { oneLine } from '../text/pattern';

/**
 * Site templates in lessons: Liquid (Jekyll, the older Carpentries lessons), Jinja and Hugo
 * shortcodes. None of it reaches learners as written: it is not prose, and a comment in it is
 * not on the page.
 */

/** `{% … %}` and `{{ … }}`, leftmost first, across lines; one scan for each closer, however many are left open. */
export function templateSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const closers = { '%': new NextIndex(text, '%}'), '{': new NextIndex(text, '}}') };
  for (let at = text.indexOf('{'); at !== -1 && at < text.length;) {
    const kind = text[at + 1];
    const close = kind === '%' || kind === '{' ? closers[kind].from(at + 2) : -1;
    if (close === -1) {
      at = text.indexOf('{', at + 1);
      continue;
    }
    spans.push([at, close + 2]);
    at = text.indexOf('{', close + 2);
  }
  return spans;
}

/** Template comments (`{% comment %}…{% endcomment %}`, `{# … #}`): each opener and its closer. */
const COMMENTS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/\{%-?\s*comment\s*-?%\}/g, /\{%-?\s*endcomment\s*-?%\}/g],
  [/\{#/g, /#\}/g],
];

/** Template comment spans, found with one scan for each kind of opener, however many are left open. */
export function templateComments(text: string): OffsetRange[] {
  const spans: OffsetRange[] = [];
  for (const [opener, closer] of COMMENTS) {
    for (let from = 0; ;) {
      opener.lastIndex = from;
      const open = opener.exec(text);
      if (!open) break;
      const start = open.index;
      closer.lastIndex = start + open[0].length;
      const close = closer.exec(text);
      if (!close) break;
      spans.push({ start, end: close.index + close[0].length });
      from = close.index + close[0].length;
    }
  }
  return spans;
}

/**
 * Jekyll includes and plugin tags, Hugo shortcodes that embed a player: `{% include youtube.html id="…" %}`, `{% vimeo 123 %}`, `{{<
 * youtube abc >}}`.
 */
export const MEDIA_EMBED = new RegExp(
  oneLine`
    \{%-?\s*(?:include\s+(?:[\w/-]*\/)?(?:youtube|vimeo|video|audio|podcast|loom)[\w.-]*|(?:youtube|vimeo|video|audio))\b[^%]*%\}|
    \{\{<\s*(?:youtube|vimeo|video|audio)\b[^>]*>\}\}`,
  'gi',
);

/**
 * `![alt]({{ page.root }}/fig/x.png)` and `[text]({% link setup.md %})`: Jekyll's template tags put
 * spaces in the destination, so CommonMark reads the whole thing as text. Read them as the site does.
 */
export const TEMPLATE_DESTINATION = /(!?)\[([^[\]\n]*)\]\(\s*((?:\{\{[^}]*\}\}|\{%[^%]*%\})[^)\s]*)(?:\s+"[^"]*")?\s*\)/g;

/** Whether a paragraph's source may hold a link or an image whose destination is a template tag. */
export function mayHoldTemplateDestination(source: string): boolean {
  return source.includes('({{') || source.includes('({%');
}
