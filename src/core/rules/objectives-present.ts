import { z } from 'zod';
import { minWordsOption } from '../analysis/fragment';
import { vocabularyOptions } from '../analysis/vocabulary';
import { scopeOption } from '../course/expectations';
import { checkWholeLessonPart } from '../course/wholeLesson';
import { defineRule } from './rule';

export default defineRule({
  id: 'objectives-present',
  category: 'practical',
  description: 'A lesson states its learning objectives.',
  defaultSeverity: 'warning',
  options: z.object({ ...vocabularyOptions, minWords: minWordsOption, scope: scopeOption }).strict(),
  docs: {
    rationale:
      'Objectives tell learners what they will be able to do by the end, ' +
      'and tell the author what the practice and the knowledge check must cover. A lesson without them drifts. ' +
      'Front matter objectives count even when another line of the YAML has an error (front-matter-schema reports that one); ' +
      'an overview sentence ("In this lesson we will walk through…") or an agenda ("we\'ll cover:") is not a list of objectives. ' +
      'Headed so, a section counts in the designer\'s words: "Learning objectives", "By the end you will be able to", "By the end, ' +
      'you can", "Objectives for day one", "This lesson will help you", "In this lesson" (objectives-measurable then judges its ' +
      'items).',
    howToFix:
      'Add an `objectives` list to the front matter, a "Learning objectives" section, an `objectives` div, ' +
      'or a sentence such as "By the end of this lesson you will be able to:" followed by a list.',
  },
  check(context) {
    checkWholeLessonPart(context, 'objectives', context.options, {
      lesson:
        'No learning objectives: expected an `objectives` front matter list, a "Learning objectives" section, an objectives div, ' +
        'or "In this lesson you will learn…" before a list.',
      lab: 'This lab states no goal: expected "In this lab, you will…", a `lab.description` in front matter, or an objectives section.',
      overview:
        'This overview states no objectives for its module: expected "In this unit you will learn…", ' +
        'a "Learning objectives" section or an `objectives` list.',
    });
  },
});
