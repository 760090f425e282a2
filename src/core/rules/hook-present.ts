import { z } from 'zod';
import { minWordsOption } from '../analysis/fragment';
import { vocabularyOptions } from '../analysis/vocabulary';
import { scopeOption } from '../course/expectations';
import { checkWholeLessonPart } from '../course/wholeLesson';
import { defineRule } from './rule';

export default defineRule({
  id: 'hook-present',
  category: 'relevant',
  description: 'The opening says why the lesson matters: a scenario, problem, question or real-world example.',
  defaultSeverity: 'info',
  options: z
    .object({
      ...vocabularyOptions,
      minWords: minWordsOption,
      words: z.number().int().positive().default(200).describe('How many words of the opening to read for a hook.'),
      scope: scopeOption,
    })
    .strict(),
  docs: {
    rationale:
      'Adults engage when they see why a skill matters to them. A scenario, ' +
      'a problem or a question up front earns the attention the rest of the lesson needs. ' +
      'The opening is what comes before the first section that teaches: sections of objectives, prerequisites, session details ' +
      'or an introduction are passed on the way, and a section headed as a hook ("Why it matters", "Opening", "Picture this", ' +
      'a question) is one. Before any section, a cue ("imagine", "have you ever", a cost), a question, a story, a scene ' +
      '(a moment, people, the learner in it, a feeling, what goes wrong) or two sentences told to or about people count; ' +
      'sentences about the page itself ("This module covers…", "In the previous lesson…") do not, nor an opening that says how ' +
      'the work is organised, in the passive or by the clock ("Deliveries are received by the early team at 05:30"). ' +
      'A section headed as a hook after an "Objectives" section explains the steps to come and does not open the lesson. ' +
      'The first section that teaches opens the lesson only when nothing was said before it, and only with a story, a scene or ' +
      'a question: a "Why it matters" after the first procedure is too late. ' +
      'The opening also ends at the first activity; on an exercise page (instructions from the first line) the scenario of the ' +
      'exercise is the hook.',
    howToFix:
      'Open with a short scenario ("Imagine a customer calls…"), a problem learners recognise, a question, ' +
      'or a real-world example — before the first activity and within the first 200 words.',
  },
  check(context) {
    checkWholeLessonPart(context, 'hook', context.options, {
      lesson:
        `No hook in the opening: expected a scenario, problem, question or real-world example that says why this matters, ` +
        `within the first ${context.options.words} words.`,
      overview:
        `This overview does not say why the module matters: expected a scenario, problem, ` +
        `question or real-world example within the first ${context.options.words} words.`,
      assignment:
        `This assignment does not say why it matters: expected a scenario, ` +
        `problem or real-world use within the first ${context.options.words} words.`,
    });
  },
});
