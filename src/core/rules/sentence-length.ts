import { z } from 'zod';
import { CODE_STAND_IN } from '../document/prose';
import { blockSentences, looksLikeProse } from '../prose';
import { defineRule } from './rule';

const COUNTED = new RegExp(`[\\p{L}${CODE_STAND_IN}]`, 'u');

export default defineRule({
  id: 'sentence-length',
  category: 'clarity',
  description: 'No sentence is so long that learners lose track of it.',
  defaultSeverity: 'info',
  options: z
    .object({
      max: z
        .number()
        .int()
        .min(5)
        .default(50)
        .describe('Most words in one sentence. Numbers do not count; inline code counts as one word.'),
    })
    .strict(),
  docs: {
    rationale:
      'Learners hold a sentence in working memory until it ends; past a few dozen words they lose its start, and re-read. ' +
      'Headings, code, tables and log output are not checked. ' +
      'The default allows long sentences: real lessons rarely go past it, so each finding is worth a look.',
    howToFix: 'Split the sentence where its ideas change: one idea, one sentence. Turn a series of steps or options into a list.',
  },
  check({ doc, options, report }) {
    for (const block of doc.prose) {
      if (block.kind === 'heading') continue;
      for (const sentence of blockSentences(block)) {
        if (sentence.words.length <= options.max || !looksLikeProse(sentence)) continue;
        const words = sentence.words.filter((word) => COUNTED.test(word.text)).length;
        if (words <= options.max) continue;
        report({
          ...block.sourceRange(sentence.start, sentence.end),
          message: `Unexpected sentence of ${words} words, expected at most ${options.max}: split it where its ideas change.`,
        });
      }
    }
  },
});
