import { z } from 'zod';
import { hasCode } from '../analysis/audience';
import { elements, type ImageInfo } from '../analysis/elements';
import { DECORATIVE_IMAGE as KRAMDOWN_DECORATIVE } from '../dialects/kramdown';
import { ATTRIBUTES_AFTER_IMAGE, DECORATIVE_IMAGE as PANDOC_DECORATIVE } from '../dialects/pandoc';
import type { LessonDocument } from '../document/model';
import { defineRule, type Fix } from './rule';
import { oneLine } from '../text/pattern';

export default defineRule({
  id: 'image-alt-text',
  category: 'accessibility',
  description: 'Every image has alt text, or is explicitly marked as decorative.',
  defaultSeverity: 'warning',
  options: z.object({}).strict(),
  docs: {
    rationale:
      'Learners who use a screen reader hear the alt text instead of seeing the image; ' +
      'without it they hear the file name or nothing, and miss what the image teaches. ' +
      'Markdown cannot tell a forgotten alt text from a decorative image, so an empty `![](…)` is flagged, ' +
      'while an explicit `alt=""` (on an `<img>`, or as `{alt=""}` ' +
      'in Pandoc and Carpentries lessons) is a decision and is accepted, except on an `<img>` in a lesson without code whose file ' +
      'does not look decorative ("autorefractor-display.png", not "logo.png"): there the photos and screens are what the lesson ' +
      'teaches from. A linked image needs alt text even then: ' +
      "it is the link's only name.",
    howToFix:
      'Write what the image shows that the text does not already say, between the brackets: `![Bar chart: ' +
      "sales doubled in 2024](sales.png)`, or in `{alt='…'}` " +
      'in a Carpentries lesson. If the image is only decoration, mark it so with `alt=""`: ' +
      "the lightbulb does this in the lesson's own dialect.",
  },
  check({ doc, report }) {
    // In a lesson without code, the photos and screens are what the lesson teaches from; decoration has a name that says so.
    const workplace = !hasCode(doc);
    for (const image of elements(doc).images) {
      if (image.namedOtherwise) continue;
      const alt = image.alt?.trim();
      if (image.onlyContentOfLink) {
        if (!alt)
          report({
            start: image.start,
            end: image.end,
            message: 'Unexpected linked image without alt text, expected alt text that says where the link goes.',
          });
        continue;
      }
      if (alt) continue;
      if (image.explicitAlt && image.alt !== undefined) {
        if (workplace && image.kind === 'html' && !DECORATIVE_FILE.test(image.src))
          report({
            start: image.start,
            end: image.end,
            message:
              `Unexpected \`alt=""\` on "${fileName(image.src)}", which looks like content, expected a description of what it shows: ` +
              `an empty alt hides it from screen readers.`,
          });
        continue;
      }
      report({
        start: image.start,
        end: image.end,
        message:
          image.kind === 'html'
            ? 'Unexpected `<img>` without an `alt` attribute, expected alt text that describes the image, or `alt=""` if it is decorative.'
            : 'Unexpected image without alt text, expected a description of what it shows, or an explicit `alt=""` if it is decorative.',
        suggestions: [markDecorative(doc, image)],
      });
    }
  },
});

/** A file that decorates: a logo, a banner, an icon, a divider. */
const DECORATIVE_FILE = new RegExp(
  oneLine`
    (?:^|[/_.-])(?:logo|banner|header|hero|divider|spacer|separator|icon|decor\w*|background|bg|border|bullet|ornament|flourish|
    pattern|texture|avatar)s?(?:[/_.-]|$)`,
  'i',
);

function fileName(src: string): string {
  return src.split(/[/\\]/).at(-1) ?? src;
}

/**
 * Records the author's decision that the image is decorative, in the lesson's own dialect: `alt=""`
 * on an `<img>`; inside an attribute block that already follows the image; a new `{alt=""}` (Pandoc)
 * or `{: alt=""}` (kramdown) block where the lesson uses them; otherwise an `<img … alt="" />`,
 * which plain Markdown, HTML and MDX all read. Never a safe fix: whether an image is decorative is
 * a judgement about that image, and a bulk fix would silence the rule without helping anyone.
 */
function markDecorative(doc: LessonDocument, image: ImageInfo): Fix {
  const title = 'Mark the image as decorative (alt="")';
  if (image.kind === 'html')
    return { title, edits: [{ start: image.start + '<img'.length, end: image.start + '<img'.length, text: ' alt=""' }] };
  const block = ATTRIBUTES_AFTER_IMAGE.exec(doc.text.slice(image.end, image.end + 500));
  if (block) {
    const closing = image.end + block[0].length - 1;
    const space = /\s$/.test(block[0].slice(0, -1)) ? '' : ' ';
    return { title, edits: [{ start: closing, end: closing, text: `${space}alt=""${space ? '' : ' '}` }] };
  }
  const dialect = attributeDialect(doc);
  if (dialect === 'pandoc') return { title, edits: [{ start: image.end, end: image.end, text: PANDOC_DECORATIVE }] };
  if (dialect === 'kramdown') return { title, edits: [{ start: image.end, end: image.end, text: KRAMDOWN_DECORATIVE }] };
  const source = doc.text.slice(image.start, image.end);
  const titleAttribute = /\s+"([^"]*)"\s*\)$/.exec(source)?.[1];
  const src = image.src.replace(/"/g, '&quot;');
  const html = `<img src="${src}" alt=""${titleAttribute ? ` title="${titleAttribute}"` : ''} />`;
  return { title, edits: [{ start: image.start, end: image.end, text: html }] };
}

/** Pandoc's `{…}` after images and fenced divs (Carpentries Workbench, Quarto), or kramdown's `{: …}` (Jekyll, Carpentries styles). */
function attributeDialect(doc: LessonDocument): 'pandoc' | 'kramdown' | undefined {
  if (doc.containers.some((block) => block.syntax === 'fenced-div')) return 'pandoc';
  if (doc.containers.some((block) => block.syntax === 'kramdown')) return 'kramdown';
  for (const image of elements(doc).images) {
    if (image.kind === 'html') continue;
    const after = doc.text.slice(image.end, image.end + 2);
    if (after === '{:') return 'kramdown';
    if (after.startsWith('{')) return 'pandoc';
  }
  return undefined;
}
