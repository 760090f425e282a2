import type { LessonDocument } from '../document/model';
import { hasCode } from './audience';
import { findObjectives } from './lessonParts';
import { OBJECTIVES } from './vocabulary';
import { openingWords } from '../text/words';
import type { OffsetRange } from '../types/range';
import { oneLine } from '../text/pattern';

/**
 * A sentence that sets the learner a task, under any heading or none: "Your task is to…", "Write
 * a program that…", "Modify the code on the right so that…", "Fix this function to return…",
 * "Now it's your turn". A worked example ("Here we ramp the filter…") sets none.
 */
export const TASK_STATEMENT = new RegExp(
  [
    String.raw`\byour (?:task|job|mission|challenge|goal|assignment) (?:is|will be|here is)\b`,
    String.raw`^(?:now,? )?(?:write|create|build|implement|make) (?:a|an|your own|the) [^.]{0,80}?\b(?:that|which|to|so that|using)\b`,
    oneLine`
      ^(?:now,? )?(?:modify|change|fix|edit|complete|extend|update|refactor) (?:the|this|your) (?:code|program|function|file|example|
      script|component|query|class|module|shader|test)\b`,
    String.raw`\b(?:now )?it'?s your turn\b`,
    String.raw`\btry (?:it|this) (?:yourself|on your own)\b`,
  ].join('|'),
  'im',
);

/**
 * The first task the page sets, if any. In a lesson without code, a step in a list ("- Write the defect in the log before…") is part
 * of the procedure taught, not a task set.
 */
export function findTaskStatement(doc: LessonDocument): OffsetRange | undefined {
  const workplace = !hasCode(doc);
  const block = doc.prose.find(
    (candidate) =>
      candidate.start >= doc.body.start &&
      candidate.kind === 'paragraph' &&
      TASK_STATEMENT.test(candidate.text) &&
      !(workplace && LIST_ITEM.test(doc.lines.lineText(doc.lines.lineAt(candidate.start)))),
  );
  return block && { start: block.start, end: block.end };
}

const LIST_ITEM = /^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s/;

/** How far into the page a task makes the page itself the task: the brief comes first. */
const OPENING_WORDS = 120;

/** The page opens with the task it sets: an exercise brief, not a lesson with an exercise at its end. */
export function opensWithTask(doc: LessonDocument): boolean {
  let objectives: readonly OffsetRange[] | undefined;
  let words = 0;
  for (const block of doc.prose) {
    if (block.start < doc.body.start) continue;
    const opening = openingWords(block.text, OPENING_WORDS - words);
    if (block.kind === 'paragraph' && TASK_STATEMENT.test(opening.text)) {
      // "- Write a pre-application response that…" under "Learning objectives" is what the lesson teaches, not a task it sets.
      objectives ??= findObjectives(doc, OBJECTIVES);
      if (!objectives.some((evidence) => evidence.start <= block.start && block.end <= evidence.end)) return true;
    }
    words += opening.words;
    if (words >= OPENING_WORDS) return false;
  }
  return false;
}
