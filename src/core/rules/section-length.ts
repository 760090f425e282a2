import type { Nodes, Paragraph } from 'mdast';
import { z } from 'zod';
import { ATTRIBUTE_LIST_OPENER } from '../dialects/kramdown';
import { FENCE_OPENER } from '../dialects/pandoc';
import type { LessonDocument } from '../document/model';
import type { ProseBlock } from '../document/prose';
import { wordCount } from '../prose';
import { defineRule } from './rule';

/**
 * A Pandoc/Carpentries div fence or a kramdown attribute line, after indentation and quote markers: the edge of a callout or an activity.
 */
const ACTIVITY_EDGE = new RegExp(String.raw`^[ \t>]*(?:${FENCE_OPENER}|${ATTRIBUTE_LIST_OPENER})`, 'm');
const HTML_IMAGE = /<(?:img|figure|video|iframe|svg)\b/i;

interface Run {
  first: Paragraph;
  paragraphs: number;
  words: number;
}

export default defineRule({
  id: 'section-length',
  category: 'memorable',
  description: 'No long run of plain paragraphs without a sub-heading, list, table, figure, code or activity to break it up.',
  defaultSeverity: 'info',
  options: z
    .object({
      maxWords: z
        .number()
        .int()
        .positive()
        .default(300)
        .describe('Words of consecutive plain paragraphs allowed before something breaks them up.'),
    })
    .strict(),
  docs: {
    rationale:
      'Working memory holds only a few new ideas at a time. A long stretch of plain paragraphs gives learners nowhere to pause, ' +
      'and hides the structure of the content. Sub-headings, lists, tables, figures, ' +
      'code examples and activities chunk it into pieces a learner can take in one at a time.',
    howToFix:
      'Add a sub-heading for each idea, turn a sequence or a set of options into a list, show a comparison as a table, ' +
      'add a figure or an example, ' +
      'or ask learners to do something (a short exercise or question) halfway through.',
  },
  check({ doc, options, report }) {
    const paragraphs = new Map(doc.prose.filter((block) => block.kind === 'paragraph').map((block) => [block.start, block]));
    for (const run of plainRuns(doc, paragraphs)) {
      if (run.words <= options.maxWords || run.paragraphs < 2) continue;
      const start = run.first.position?.start.offset ?? 0;
      const heading = doc.headings.filter((candidate) => candidate.start < start && start < candidate.sectionEnd).at(-1);
      const where = heading ? ` in "${heading.text}"` : '';
      report({
        start,
        end: doc.lines.lineEnd(doc.lines.lineAt(start)),
        message:
          `Unexpected ${run.words} words of unbroken paragraphs${where}, expected at most ${options.maxWords} ` +
          'before a sub-heading, list, table, figure, example or activity breaks them up.',
      });
    }
  },
});

/** Consecutive top-level paragraphs of prose; anything a reader sees as a break ends a run. */
function plainRuns(doc: LessonDocument, paragraphs: ReadonlyMap<number, ProseBlock>): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  const close = () => {
    if (current) runs.push(current);
    current = undefined;
  };
  for (const node of doc.tree.children as Nodes[]) {
    if (isInvisible(node)) continue;
    const block = node.type === 'paragraph' ? paragraphs.get(node.position?.start.offset ?? -1) : undefined;
    if (node.type !== 'paragraph' || !block || isBreak(doc, node)) {
      close();
      continue;
    }
    current ??= { first: node, paragraphs: 0, words: 0 };
    current.paragraphs++;
    current.words += wordCount(block);
  }
  close();
  return runs;
}

/** Comments and link definitions: nothing on the page. */
function isInvisible(node: Nodes): boolean {
  return (
    node.type === 'definition' ||
    node.type === 'footnoteDefinition' ||
    node.type === 'yaml' ||
    (node.type === 'html' && onlyComments(node.value))
  );
}

/** HTML that is nothing but comments and white space, read in one pass (a pattern for it backtracks exponentially on many comments). */
function onlyComments(html: string): boolean {
  for (let at = 0; ;) {
    while (at < html.length && /\s/.test(html[at])) at++;
    if (at === html.length) return true;
    if (!html.startsWith('<!--', at)) return false;
    const close = html.indexOf('-->', at + 4);
    if (close === -1) return false;
    at = close + 3;
  }
}

function isBreak(doc: LessonDocument, paragraph: Paragraph): boolean {
  const source = doc.text.slice(paragraph.position?.start.offset ?? 0, paragraph.position?.end.offset ?? 0);
  if (ACTIVITY_EDGE.test(source)) return true;
  return paragraph.children.some(
    (child) => child.type === 'image' || child.type === 'imageReference' || (child.type === 'html' && HTML_IMAGE.test(child.value)),
  );
}
