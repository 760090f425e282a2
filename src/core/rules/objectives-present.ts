import { z } from 'zod';
import { findObjectives } from '../analysis/lessonParts';
import { titleRange } from '../analysis/structure';
import { extendVocabulary, OBJECTIVES, vocabularyOptions } from '../analysis/vocabulary';
import { isFragment, minWordsOption } from '../analysis/fragment';
import { defineRule } from './rule';

export default defineRule({
  id: 'objectives-present',
  category: 'practical',
  description: 'A lesson states its learning objectives.',
  defaultSeverity: 'warning',
  options: z.object({ ...vocabularyOptions, minWords: minWordsOption }).strict(),
  docs: {
    rationale:
      'Objectives tell learners what they will be able to do by the end, and tell the author what the practice and the knowledge check must cover. A lesson without them drifts. ' +
      'Front matter objectives count even when another line of the YAML has an error (front-matter-schema reports that one); ' +
      'an overview sentence ("In this lesson we will walk through…") or an agenda ("we\'ll cover:") is not a list of objectives.',
    howToFix:
      'Add an `objectives` list to the front matter, a "Learning objectives" section, an `objectives` div, or a sentence such as "By the end of this lesson you will be able to:" followed by a list.',
  },
  check({ doc, options, report }) {
    if (isFragment(doc, options.minWords)) return;
    if (findObjectives(doc, extendVocabulary(OBJECTIVES, options)).length > 0) return;
    report({
      ...titleRange(doc),
      message: 'No learning objectives: expected an `objectives` front matter list, a "Learning objectives" section or an objectives div.',
    });
  },
});
