import { z } from 'zod';
import { elements, type ImageInfo } from '../analysis/elements';
import { isAllowed, phrasePattern } from '../prose';
import { defineRule, type Fix } from './rule';

const IMAGE_FILE = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp|tiff?|heic)$/i;
const CAMERA_NAME = /^(?:IMG|DSC[FN]?|PXL|MVIMG|Screen ?Shot|Screenshot|Capture)[ _-]*\d/i;
const GENERIC = new Set([
  'image',
  'picture',
  'photo',
  'figure',
  'diagram',
  'chart',
  'graph',
  'screenshot',
  'img',
  'icon',
  'logo',
  'banner',
  'gif',
  'video',
  'alt',
  'alt text',
  'placeholder',
  'untitled',
]);
const FIGURE_NUMBER = /^(?:fig(?:ure)?\.?|image|img|picture|screenshot)\s*\d+[a-z]?$/i;

export default defineRule({
  id: 'alt-text-quality',
  category: 'accessibility',
  description: 'Alt text describes the image: not a file name, not "image of …", neither too short nor too long.',
  defaultSeverity: 'info',
  options: z
    .object({
      minLength: z
        .number()
        .int()
        .min(0)
        .default(4)
        .describe('Alt text shorter than this many characters is too short to describe anything.'),
      maxLength: z
        .number()
        .int()
        .min(1)
        .default(300)
        .describe('Alt text longer than this many characters belongs in a caption or a long description.'),
      redundantPrefixes: z
        .array(z.string())
        .default([
          'image of',
          'an image of',
          'image showing',
          'picture of',
          'a picture of',
          'picture showing',
          'graphic of',
          'a graphic of',
        ])
        .describe(
          'Openings that repeat what a screen reader already says ("image"). "Screenshot of", ' +
            '"photo of" and "diagram of" name the medium, which can matter, so they are not listed.',
        ),
    })
    .strict(),
  docs: {
    rationale:
      'Alt text is what a screen reader says instead of the image. A file name ("IMG_2041.png", "scatter-plot"), ' +
      'a word such as "chart", or the automatic name of ' +
      'a figure tells the learner nothing; "image of" repeats what the screen reader has just announced; ' +
      'and a paragraph-long alt text cannot be skimmed or paused, ' +
      'so a long explanation belongs in a caption or in the text where every learner can read it.',
    howToFix:
      'Say what the image shows that matters for the lesson, in one or two sentences: "Scatter plot: price rises with size, ' +
      'with two outliers above 300 m²". ' +
      'Move a long explanation into the caption or the paragraph after the image and keep the alt text a summary.',
  },
  check({ doc, options, settings, report }) {
    const prefixes =
      options.redundantPrefixes.length > 0
        ? new RegExp(`^\\s*${phrasePattern(options.redundantPrefixes, 'iu').source}[\\s:,-]*`, 'iu')
        : undefined;
    for (const image of elements(doc).images) {
      const alt = image.alt?.trim();
      if (!alt || isAllowed(settings, alt)) continue;
      const where = { start: image.start, end: image.end };
      if (looksLikeFileName(alt, image)) {
        report({ ...where, message: `Unexpected file name as alt text ("${alt}"), expected a description of what the image shows.` });
        continue;
      }
      if (GENERIC.has(alt.toLowerCase()) || FIGURE_NUMBER.test(alt)) {
        report({ ...where, message: `Unexpected generic alt text "${alt}", expected a description of what the image shows.` });
        continue;
      }
      const prefix = prefixes?.exec(alt);
      if (prefix && prefix[0].length < alt.length) {
        report({
          ...where,
          message:
            `Unexpected "${prefix[0].trim().replace(/[:,-]$/, '')}" at the start of alt text, expected the description alone: ` +
            `screen readers already announce an image.`,
          ...withFix(doc.text, image, prefixes),
        });
        continue;
      }
      if (alt.length < options.minLength) {
        report({
          ...where,
          message:
            `Unexpected alt text "${alt}" of ${alt.length} characters, expected at least ${options.minLength} ` +
            `that describe what the image shows.`,
        });
      } else if (alt.length > options.maxLength) {
        report({
          ...where,
          message:
            `Unexpected alt text of ${alt.length} characters, expected at most ${options.maxLength}: ` +
            `move the details into a caption or the text and keep the alt text a summary.`,
        });
      }
    }
  },
});

function looksLikeFileName(alt: string, image: ImageInfo): boolean {
  if (IMAGE_FILE.test(alt) || CAMERA_NAME.test(alt)) return true;
  const base =
    image.src
      .replace(/[?#].*$/, '')
      .split('/')
      .pop()
      ?.replace(IMAGE_FILE, '') ?? '';
  return alt === base && /^[\w.-]+$/.test(alt) && /[_-]/.test(alt);
}

/**
 * Dropping "image of" keeps every word the author wrote about the image, so it is safe; the first letter is capitalised to start the
 * sentence.
 */
function withFix(text: string, image: ImageInfo, prefixes: RegExp | undefined): { fix?: Fix } {
  if (!image.altRange || !prefixes) return {};
  const { start, end } = image.altRange;
  const prefix = prefixes.exec(text.slice(start, end));
  if (!prefix || start + prefix[0].length >= end) return {};
  const first = text.charAt(start + prefix[0].length);
  return {
    fix: { title: 'Remove the redundant opening', edits: [{ start, end: start + prefix[0].length + 1, text: first.toUpperCase() }] },
  };
}
