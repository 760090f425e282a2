import { z } from 'zod';
import type { ProseBlock } from '../document/prose';
import { blockSentences, wordCount, wordsOf } from '../prose';
import { defineRule } from './rule';

export default defineRule({
  id: 'paragraph-length',
  category: 'memorable',
  description: 'No wall of text: a paragraph stays under a number of words and sentences.',
  defaultSeverity: 'info',
  options: z
    .object({
      maxWords: z.number().int().positive().default(150).describe('Words allowed in one paragraph.'),
      maxSentences: z.number().int().positive().default(8).describe('Sentences allowed in one paragraph.'),
    })
    .strict(),
  docs: {
    rationale:
      'A wall of text is hard to scan and easy to skip: learners lose their place and miss the point buried in the middle. ' +
      'Short paragraphs, each with one idea, are read and remembered.',
    howToFix: 'Split the paragraph at each new idea, lead each with its point, and turn steps, options or examples into a list.',
  },
  check({ doc, options, report }) {
    for (const block of doc.prose) {
      if (block.kind !== 'paragraph') continue;
      const words = wordCount(block);
      if (words > options.maxWords && block.derived(MOSTLY_DATA, isMostlyData)) continue;
      const count = blockSentences(block).length;
      if (words <= options.maxWords && count <= options.maxSentences) continue;
      const size = words > options.maxWords ? `${words} words` : `${count} sentences`;
      report({
        start: block.start,
        end: doc.lines.lineEnd(doc.lines.lineAt(block.start)),
        message:
          `Unexpected paragraph of ${size}, expected at most ${options.maxWords} words and ${options.maxSentences} sentences: ` +
          'split it at each new idea or turn part of it into a list.',
      });
    }
  },
});

const MOSTLY_DATA = Symbol('mostlyData');

/** Log lines or a table of figures that lost its fence: a quarter of its words hold digits. */
function isMostlyData(block: ProseBlock): boolean {
  const words = wordsOf(block.text);
  return words.filter((word) => /\d/.test(word.text)).length > words.length / 4;
}
