import { z } from 'zod';
import type { HeadingInfo, LessonDocument } from '../document/model';
import { pageTypeOf } from '../course/pageSummary';
import { defineRule, type Fix } from './rule';

const ATX = /^(\s{0,3}(?:>\s?)*\s{0,3})(#{1,6})(?=\s|$)/;

export default defineRule({
  id: 'heading-hierarchy',
  category: 'accessibility',
  description: 'Headings go down one level at a time, and the lesson has one title (H1).',
  defaultSeverity: 'warning',
  options: z
    .object({
      frontMatterTitle: z
        .boolean()
        .default(true)
        .describe(
          "A `title` in front matter is the page's H1 (as in Jekyll, Hugo and Carpentries sites): " +
            'a lesson that opens with H2 sections is fine, one that opens with H3 skips a level, ' +
            'and an H1 after the first sections is a second title. An H1 that opens the body (repeating the title, ' +
            'as previews show it) is accepted.',
        ),
    })
    .strict(),
  docs: {
    rationale:
      'Screen reader users move through a lesson by its headings and hear their levels; ' +
      'a jump from H2 to H4 suggests a missing section, and two H1s suggest two pages. ' +
      'Sighted learners read the outline from the heading sizes too. Each challenge, solution or callout box has its own outline: ' +
      'a box that starts with an H2 inside ' +
      'an H3 section is not a skip. A page fragment (a hint, a solution, a message shown inside another page) may use several H1s.',
    howToFix:
      "Use the next level down for a subsection (H2, then H3). Keep one H1, the lesson's title: " +
      'either the front matter `title` or one H1 at the top of the body; sections start at H2. ' +
      'Choose heading levels for structure, not for size; style the size with CSS.',
  },
  check({ doc, options, page, report }) {
    // A fragment (a hint, a solution, a runner's message) is shown inside another page: it has no title of its own to keep to one.
    const fragment = pageTypeOf(doc, page).type === 'fragment';
    const implicitTitle = options.frontMatterTitle && hasTitle(doc);
    const previous = new Map<number, number>();
    let title: HeadingInfo | undefined;
    let outerHeadings = 0;
    for (const heading of doc.headings) {
      const outline = innermostContainer(doc, heading);
      const before = previous.get(outline) ?? (outline === -1 && implicitTitle ? 1 : undefined);
      previous.set(outline, heading.depth);
      if (outline === -1) outerHeadings++;
      if (heading.depth === 1 && outline === -1) {
        if (!fragment && (title || (implicitTitle && outerHeadings > 1))) {
          const message = title
            ? `Unexpected second H1 "${heading.text}", expected one title per lesson and H2 for its sections.`
            : `Unexpected H1 "${heading.text}" after the lesson's first sections, expected H2: ` +
              `the front matter \`title\` is the page's H1.`;
          report({
            ...heading,
            message,
            suggestions: offer(shift(doc, heading, outline, 1, 1, 'Change to H2, with the headings below it')),
          });
        } else {
          title = heading;
        }
        continue;
      }
      if (before !== undefined && heading.depth > before + 1) {
        const expected = before + 1;
        report({
          ...heading,
          message: `Unexpected H${heading.depth} after H${before}, expected H${expected} (one level down at a time).`,
          suggestions: offer(
            shift(doc, heading, outline, before, expected - heading.depth, `Change to H${expected}, with the headings below it`),
          ),
        });
      }
    }
  },
});

/** Setext headings (underlined) have no `#` to change, so their shift may have no edit. */
function offer(fix: Fix): Fix[] {
  return fix.edits.length > 0 ? [fix] : [];
}

function hasTitle(doc: LessonDocument): boolean {
  const title = doc.frontMatter?.data?.title;
  return typeof title === 'string' ? title.trim() !== '' : title !== undefined && title !== null;
}

/** The index of the innermost container holding the heading, or -1: each box has its own outline. */
function innermostContainer(doc: LessonDocument, heading: HeadingInfo): number {
  let found = -1;
  doc.containers.forEach((block, index) => {
    if (block.start <= heading.start && heading.end <= block.end) found = index;
  });
  return found;
}

/**
 * Moves a heading, and the headings after it up to the next one above its level (or, for an H1, the
 * next H1), by `delta` levels: its siblings and subsections keep their shape. Only headings of the same outline move (a box
 * inside keeps its own), and setext headings (underlined) are left alone.
 */
function shift(doc: LessonDocument, heading: HeadingInfo, outline: number, parentDepth: number, delta: number, title: string): Fix {
  const from = doc.headings.indexOf(heading);
  const section: HeadingInfo[] = [heading];
  for (const other of doc.headings.slice(from + 1)) {
    const otherOutline = innermostContainer(doc, other);
    if (otherOutline === outline && (other.depth < heading.depth || other.depth <= parentDepth)) break;
    if (outline !== -1 && other.start >= doc.containers[outline].end) break;
    if (otherOutline === outline) section.push(other);
  }
  const edits = section.flatMap((other) => {
    const lineStart = doc.lines.lineStart(doc.lines.lineAt(other.start));
    const marker = ATX.exec(doc.text.slice(lineStart, doc.lines.lineEnd(doc.lines.lineAt(other.start))));
    if (!marker) return [];
    const depth = Math.min(6, Math.max(1, other.depth + delta));
    const start = lineStart + marker[1].length;
    return [{ start, end: start + marker[2].length, text: '#'.repeat(depth) }];
  });
  return { title, edits };
}
