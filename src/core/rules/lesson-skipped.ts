import { z } from 'zod';
import type { LessonDocument, SkipReason, UncheckedBlock, UncheckedReason } from '../document/model';
import { defineRule } from './rule';

/** Blocks named one by one in the message; the rest are counted. */
const LISTED_BLOCKS = 3;

export default defineRule({
  id: 'lesson-skipped',
  category: 'review',
  description: 'Says when a file is too large or not text, and so was not checked.',
  defaultSeverity: 'info',
  options: z.object({}).strict(),
  docs: {
    rationale:
      'A silent skip would look like a clean lesson. Very large files are skipped to keep the editor responsive; ' +
      'binary files are not lessons. ' +
      'Lines nested hundreds of levels deep or packed with thousands of unmatched `*`, `_`, ' +
      '`[` or `<` would take the Markdown parser minutes, so they are left out and named, and the rest of the lesson is checked.',
    howToFix:
      'Split a very large lesson into smaller ones (it will read better too), raise `maxLessonSize` in `.coursereview.json`, ' +
      'or exclude the file with `lessons` globs. Flatten deeply nested lists and quotes; put generated markup in a code block.',
  },
  check({ doc, report }) {
    if (doc.skipped) {
      report({ start: 0, end: 0, message: skippedMessage(doc.skipped) });
      return;
    }
    const [first] = doc.unchecked;
    if (first) report({ start: first.start, end: doc.lines.lineEnd(doc.lines.lineAt(first.start)), message: uncheckedMessage(doc) });
  },
});

function skippedMessage(skipped: SkipReason): string {
  return skipped.kind === 'binary'
    ? 'Unexpected binary content, expected a Markdown text file: this file was not checked.'
    : `Unexpected lesson size of ${count(skipped.size)} characters, expected at most ${count(skipped.limit)} (\`maxLessonSize\`): ` +
        `this lesson was not checked.`;
}

function uncheckedMessage(doc: LessonDocument): string {
  const blocks = doc.unchecked;
  const named = blocks.slice(0, LISTED_BLOCKS).map((block) => `${lineSpan(doc, block)} (${why(block.reason)})`);
  const more = blocks.length - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${more} more ${more === 1 ? 'block' : 'blocks'}` : named.join(' and ');
  return `Unexpected markup the parser cannot read in time, expected lessons nested and marked up as prose is: ${list} were not checked.`;
}

function lineSpan(doc: LessonDocument, block: UncheckedBlock): string {
  const first = doc.lines.lineAt(block.start) + 1;
  const last = doc.lines.lineAt(block.end) + 1;
  return first === last ? `line ${count(first)}` : `lines ${count(first)}–${count(last)}`;
}

function why(reason: UncheckedReason): string {
  switch (reason.kind) {
    case 'nesting':
      return `lists or quotes nested ${count(reason.depth)} deep, at most ${count(reason.limit)} are read`;
    case 'delimiters':
      return `${count(reason.count)} emphasis, link, code or HTML delimiters in one paragraph, at most ${count(reason.limit)} are read`;
    case 'code-spans':
      return `code spans of ${count(reason.count)} different lengths in one paragraph, at most ${count(reason.limit)} are read`;
    case 'definitions':
      return `more than ${count(reason.limit)} link and footnote definitions, at most ${count(reason.limit)} are read`;
    case 'budget':
      return 'the densest markup of a lesson too dense to parse in about a second';
  }
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
