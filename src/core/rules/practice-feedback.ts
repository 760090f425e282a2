import { z } from 'zod';
import { feedbackBlock, hasFeedback, labChecksResult, pointsElsewhere } from '../analysis/feedback';
import { itemsWithoutFeedback } from '../analysis/feedbackCoverage';
import { findPractice } from '../analysis/lessonParts';
import { extendVocabulary, FEEDBACK, PRACTICE, type Vocabulary } from '../analysis/vocabulary';
import { solutionBlock } from '../dialects/kramdown';
import { fenceOf, solutionDiv } from '../dialects/pandoc';
import type { LessonDocument } from '../document/model';
import { titleRange, type Evidence } from '../analysis/structure';
import { pageTypeOf } from '../course/pageSummary';
import { userPatternOption } from '../text/userPattern';
import { defineRule, type Fix, type Report } from './rule';

export default defineRule({
  id: 'practice-feedback',
  category: 'practical',
  description: 'Each practice item comes with a solution, an answer or feedback.',
  defaultSeverity: 'info',
  options: z
    .object({
      solutionHeadings: z
        .array(userPatternOption())
        .default([])
        .describe(
          'Extra heading patterns (case-insensitive regular expressions, RE2 syntax: ' +
            'no look-around or back-references) that count as a solution.',
        ),
      solutionClasses: z.array(z.string()).default([]).describe('Extra div classes or component names that count as a solution.'),
      exempt: z.array(z.string()).default(['discussion']).describe('Practice classes that need no solution, such as open discussions.'),
    })
    .strict(),
  docs: {
    rationale:
      'Practice without feedback lets a learner rehearse a mistake. A worked solution, an answer or a rubric closes the loop. ' +
      'So does showing the result to check against ("your table should look like this"). Open activities need no model answer: ' +
      'an item that has learners discuss, share with a partner or in the Etherpad, reflect, ' +
      'or work on their own project gets its feedback from people (in a lesson without code, a role-play or a drill done in ' +
      'pairs or as a team still needs its debrief, an observer or feedback named in so many words), ' +
      'and an item that only links to its assignment page is checked there. A lab is one piece of practice: ' +
      'it needs a way to check the result somewhere ("Verify that…", "You should see…", the expected output). ' +
      'An answer in a file beside the page (`solution.js`, `answer.md`, a `solutions/` folder) is feedback too, ' +
      'as is the runner of a NodeSchool-style workshop (listed in its `exercises.json` or `exercises/menu.json`), ' +
      'which checks each exercise; and so is a collapsed `<details>` block after the item, whatever its summary, ' +
      'unless it is a hint, a transcript or a quiz; and so is a bold label over what to check one\'s work against ("**Check ' +
      'yourself**", "**How did you get on?**", "**What you\'re aiming for:**", "**What your supervisor will look for:**", ' +
      '"**What a good reply includes**", "**Trainer\'s checklist**", "**Check your entries against these:**", "**Correct ' +
      'order:**"), a heading over it ("Were you right?", "Check your working", "How Priya should have logged them", "The sums, ' +
      'explained", "A model note", ' +
      '"What Sam will look for"), or a pointer to it ("then compare with the version below", "then check the manager\'s ' +
      'decisions", "Compare your note."). ' +
      'When the answers or the debrief name the items one by one ("Call 1", "*The missing loan:*", "Scenario 3"), ' +
      'each item they leave out is reported at its own line.',
    howToFix:
      'Follow the exercise with a solution: a `::: solution` div, a `{: .solution}` block, ' +
      'a `<details><summary>Solution</summary>` block, a "Solution" or "Rubric" heading, ' +
      'or the output learners should get. For a discussion, use a `::: discussion` div or say who gives the feedback.',
  },
  check({ doc, options, page, report }) {
    // The answer sits beside the page (`solution.js`, `answer.md`), or the course's runner checks the exercise: the practice has its
    // feedback there.
    if (page?.solutionNearby || page?.checkedBy) return;
    if (pageTypeOf(doc, page).type === 'lab') {
      // A lab is one piece of practice: its check is a verification step anywhere on the page.
      if (!labChecksResult(doc))
        report({
          ...titleRange(doc),
          message:
            'This lab gives no way to check the result: expected a step such as "Verify that…" or "You should see…", ' +
            'or the expected output.',
        });
      return;
    }
    const solutions = extendVocabulary(FEEDBACK, {
      headings: options.solutionHeadings,
      classes: options.solutionClasses,
      frontMatterKeys: [],
    });
    for (const item of findPractice(doc, PRACTICE)) {
      if (item.container && options.exempt.includes(item.container.name)) continue;
      if (hasFeedback(doc, item, solutions)) {
        reportUnanswered(doc, item, solutions, report);
        continue;
      }
      if (pointsElsewhere(doc, item)) continue;
      report({
        ...item.marker,
        message: `Unexpected practice without feedback in "${item.label}", expected a solution, an answer or feedback after it.`,
        suggestions: [addSolution(doc, item)],
      });
    }
  },
});

/** "Model answers" for Calls 1 and 2 of three: the call left out has no feedback. */
function reportUnanswered(doc: LessonDocument, item: Evidence, feedback: Vocabulary, report: (report: Report) => void) {
  const block = feedbackBlock(doc, item, feedback);
  if (!block || block.start <= item.marker.end) return;
  for (const missing of itemsWithoutFeedback(doc, item.marker.end, block.start, block.end)) {
    const line = doc.lines.lineText(doc.lines.lineAt(missing.start)).trim();
    report({
      ...missing,
      message:
        `Unexpected practice item "${line.length > 60 ? `${line.slice(0, 57)}…` : line}" without feedback, ` +
        `expected it answered with the others in "${item.label}".`,
    });
  }
}

/** Inserts a solution block in the dialect the exercise is written in. */
function addSolution(doc: LessonDocument, item: Evidence): Fix {
  const eol = doc.lines.eol;
  const container = item.container;
  if (container?.syntax === 'fenced-div') {
    const closingLine = doc.lines.lineAt(container.end);
    const at = doc.lines.lineStart(closingLine);
    return {
      title: 'Add a solution div',
      edits: [{ start: at, end: at, text: solutionDiv(fenceOf(doc.lines.lineText(closingLine)), eol) }],
    };
  }
  if (container?.syntax === 'kramdown') {
    const closingLine = doc.lines.lineAt(container.end);
    const at = doc.lines.lineStart(closingLine);
    return { title: 'Add a solution block', edits: [{ start: at, end: at, text: solutionBlock(eol) }] };
  }
  const at = item.end;
  const before = doc.text.slice(0, at).endsWith(eol + eol) || at === 0 ? '' : doc.text.slice(0, at).endsWith(eol) ? eol : eol + eol;
  const text =
    `${before}<details>${eol}<summary>Solution</summary>${eol}${eol}Write the answer and explain why it is ` +
    `right.${eol}${eol}</details>${eol}${eol}`;
  return { title: 'Add a collapsible solution', edits: [{ start: at, end: at, text }] };
}
