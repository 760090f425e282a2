import { z } from 'zod';
import { findParts, titleRange } from '../analysis/structure';
import { extendVocabulary, SUMMARY, vocabularyOptions } from '../analysis/vocabulary';
import { isFragment, minWordsOption } from '../analysis/fragment';
import { defineRule } from './rule';

export default defineRule({
  id: 'summary-present',
  category: 'memorable',
  description: 'A lesson ends with a summary, key points, recap or takeaways.',
  defaultSeverity: 'warning',
  options: z.object({ ...vocabularyOptions, minWords: minWordsOption }).strict(),
  docs: {
    rationale: 'A short summary at the end consolidates what was learned and gives learners something to come back to.',
    howToFix: 'Add a "Key points" or "Summary" section, a `keypoints` list in front matter, or a `::: keypoints` div.',
  },
  check({ doc, options, report }) {
    if (isFragment(doc, options.minWords)) return;
    if (findParts(doc, extendVocabulary(SUMMARY, options)).length > 0) return;
    const eol = doc.lines.eol;
    const end = doc.text.length;
    const lead = doc.text.endsWith(eol + eol) ? '' : doc.text.endsWith(eol) ? eol : eol + eol;
    report({
      ...titleRange(doc),
      message: 'No summary: expected a "Key points", "Summary" or "Recap" section, or `keypoints` in front matter.',
      suggestions: [{ title: 'Add a "Key points" section at the end', edits: [{ start: end, end, text: `${lead}## Key points${eol}${eol}- ${eol}` }] }],
    });
  },
});
