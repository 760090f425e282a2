import type { Code } from 'mdast';
import type { LessonDocument } from '../document/model';
import { plainText } from '../document/parse';
import { preOrder } from '../document/walk';
import { contains, findParts, firstStartingAt, startingIn, within, type Evidence } from './structure';
import {
  CODE_ALONG_STEP,
  EXPECTED_RESULT_CUES,
  OPEN_ACTIVITY_CUES,
  QUESTION_TITLE,
  WORKPLACE_OPEN_ACTIVITY_CUES,
  FEEDBACK,
  RUBRIC,
  RUBRIC_LEVEL,
  SOLUTION,
  type Vocabulary,
} from './vocabulary';
import { type OffsetRange, rangeOf } from '../types/range';
import { hasCode } from './audience';
import { oneLine } from '../text/pattern';

/**
 * Feedback in any form: a solution or answer, a rubric, the code or result to check one's work
 * against ("your data should look like this"), tests to pass, or an open activity whose feedback
 * comes from peers or the instructor.
 */
export function hasFeedback(doc: LessonDocument, item: Evidence, feedback: Vocabulary = FEEDBACK): boolean {
  if (
    hasSolution(doc, item, feedback) ||
    FEEDBACK_LINE.test(doc.text.slice(item.marker.end, item.end)) ||
    partsFor(doc, item, RUBRIC).length > 0 ||
    hasRubricTable(doc, item) ||
    isCodeAlong(doc, item)
  )
    return true;
  const open = hasCode(doc) ? OPEN_ACTIVITY_CUES : WORKPLACE_OPEN_ACTIVITY_CUES;
  return promptSentences(doc, item).some((sentence) => isExpectedResult(sentence) || open.test(sentence));
}

/** "Model answer:", "Debrief:", "Compare your reply with the checklist above": feedback written into the item. */
const FEEDBACK_LINE = new RegExp(
  [
    oneLine`
      ^(?:\s*>)?\s*[*_]{0,2}(?:[\p{L}’']+\s+){0,2}?(?:(?:model|suggested|sample|possible|example|worked)\s+(?:answers?|responses?|
      repl(?:y|ies)|solutions?)|debrief(?:ing)?|facilitator(?:['’]s)?\s+(?:notes?|debrief)|answer key|answers?)(?:\s+(?:for|to|from|
      with)\s+(?:[\p{L}’']+\s*){1,3})?[*_]{0,2}\s*[:.]?\s*[*_]{0,2}\s*(?:[:.]|$)`,
    // A branching scenario's feedback on each choice: "If you chose A…", "If you picked the second option".
    String.raw`^\s*[*_]{0,2}(?:if|when)\s+you\s+(?:chose|choose|picked|pick|selected|select|answered|went\s+for|went\s+with)\b`,
    String.raw`\bcompare (?:your|it|them|this|these) (?:[\w-]+\s+){0,2}?(?:with|to|against)\b`,
    // "Then compare with the sample openings", "check your answer below", "then read the model review": the feedback follows.
    oneLine`
      \bcompare (?:with|to|against) (?:the|our) (?:[\w-]+\s+){0,2}?(?:model|sample|suggested|worked|example|answers?|
      solutions?|versions?|one\s+below)\b`,
    // "Then check the panel's decisions", "then check against the key".
    oneLine`
      \bthen check (?:against |with )?(?:the|our) (?:[\p{L}'’-]+\s+){0,2}?(?:answers?|decisions?|solutions?|versions?|model|
      results?|key)\b`,
    String.raw`\bcheck (?:your|them|it) (?:answers?|work|choices|decisions|list|plan) (?:below|against|with)\b`,
    // "Check your own seam against the standard", "swap and check each other's work against the checklist".
    String.raw`\bcheck (?:your own|each other['’]s) (?:[\p{L}-]+\s+){0,2}?against\b`,
    String.raw`\bcheck yourself (?:against|with)\b`,
    // "Compare your note.", "Compare yours:" after a model.
    String.raw`\bcompare (?:yours|your [\p{L}-]+)\s*[.:!]`,
    // A bold label over what the learner checks their work against: "**Check yourself**", "**How did you get on?**", "**What you're
    // aiming for:**", "**What the supervisor checks:**", "**Trainer's checklist …**", "**What a good conversation includes**".
    oneLine`
      ^\s*(?:>\s*)?[*_]{1,2}(?:check\s+(?:yourself|your\s+(?!(?:understanding|knowledge|learning|progress|memory|recall)\b)\p{L}+)|
      correct\s+(?:order|answers?|sequence|version|layout|entr(?:y|ies))|self[- ]check|how\s+did\s+you\s+(?:do|get\s+on)|what\s+
      you(?:['’]re|\s+are)\s+aiming\s+for|what\s+to\s+aim\s+for|what\s+(?:(?:a|an)\s+(?:good|strong|model|great|correct)\s+
      (?:[\p{L}-]+\s+){1,2}?|good\s+)(?:includes|looks\s+like|sounds\s+like|has|covers|shows)|
      what\s+(?:your|the)\s+(?:[\p{L}-]+\s+)?(?:supervisor|
      trainer|assessor|observer|mentor|manager|coach|partner|colleague|lead|leader)\s+(?:will\s+|is\s+)?(?:checks?|checking|
      (?:looks?|looking|listens?|listening|watch(?:es)?|watching)\s+for)|(?:trainer|assessor|observer|supervisor)(?:['’]s)?\s+
      checklist|debrief(?:ing)?\s+checklist|(?:[\p{L}-]+\s+){1,3}?you\s+should\s+have\s+(?:found|spotted|noticed|listed|
      picked\s+up|caught|seen))\b`,
    // "**Answers** are on the back of the lid", "**Answers** below".
    String.raw`^\s*(?:>\s*)?[*_]{2}(?:answers?|solutions?)[*_]{2}\s+(?:are|is|follow|below)\b`,
    // "Your supervisor will check each step against the procedure card".
    oneLine`
      \b(?:your|the)\s+(?:supervisor|trainer|assessor|mentor|coach|team\s+leader)\s+will\s+(?:check|mark|assess)\s+(?:each|every|your|
      it|them)\b[^.\n]{0,40}?\bagainst\b`,
    // "Then score yourselves against this checklist", "use the same list to assess yourself".
    String.raw`\b(?:(?:score|rate|mark|check)\s+(?:yourself|yourselves)\s+(?:against|with|using)|assess\s+(?:yourself|yourselves))\b`,
    String.raw`\b(?:then|and) (?:read|look at|see) (?:the|our) (?:model|sample|suggested|worked)\s+\p{L}`,
    oneLine`
      \b(?:a|an|the)\s+(?:strong|good|model|ideal|better|great)\s+(?:response|answer|reply|email|opening|close)\s+(?:sounds|looks|
      reads|would|might|could|is|includes|uses)\b`,
  ].join('|'),
  'imu',
);

/**
 * Where the item's feedback is written, when it is a block of its own: a solution or debrief part, or a "Debrief:" line to the end of the
 * item.
 */
export function feedbackBlock(doc: LessonDocument, item: Evidence, feedback: Vocabulary = FEEDBACK): OffsetRange | undefined {
  const [part] = partsFor(doc, item, feedback);
  if (part) return { start: part.start, end: part.end };
  const line = FEEDBACK_LINE.exec(doc.text.slice(item.marker.end, item.end));
  return line ? { start: item.marker.end + line.index, end: item.end } : undefined;
}

/** A solution or answer inside the item or straight after it. */
export function hasSolution(doc: LessonDocument, item: Evidence, solutions: Vocabulary = SOLUTION): boolean {
  if (partsFor(doc, item, solutions).length > 0) return true;
  const inside = doc.text.slice(item.marker.end, item.end);
  return (
    /\[[^\]]*\b(?:solutions?|answers?|answer key)\b[^\]]*\]\(/i.test(inside) ||
    /^[\s>]*(?:[-*+]\s+)?(?:[*_]{1,2})?(?:solution|answer|feedback)s?\s*[:.]?(?:[*_]{1,2})?\s*[:.]/im.test(inside)
  );
}

/** A question the item asks, in its title or in its prompt (the solution's own questions do not count). */
export function asksQuestion(doc: LessonDocument, item: Evidence): boolean {
  return QUESTION_TITLE.test(item.label) || promptSentences(doc, item).some((sentence) => sentence.endsWith('?'));
}

/**
 * Whether the item quizzes the learner: a quiz by its title, or at least two questions with one right answer each. One scenario and
 * its "What would you do?" is practice in deciding, as workplace designers write it, not a check of what was learned.
 */
export function quizzes(doc: LessonDocument, item: Evidence): boolean {
  if (OPEN_DECISION.test(item.label)) return false;
  if (QUIZ_TITLE.test(item.label)) return true;
  return promptSentences(doc, item).filter((sentence) => sentence.endsWith('?') && !OPEN_DECISION.test(sentence)).length >= 2;
}

const QUIZ_TITLE = /\b(?:quiz|multiple[- ]choice|true or false|questions)\b/i;

/** "What would you do?", "What do you say, and to whom?", "How would you respond?": a scenario's open question. */
const OPEN_DECISION = new RegExp(
  oneLine`
    \b(?:what|how|who|which)\b[^?]{0,60}\b(?:would|should|do|will|could)\s+you\s+(?:do|say|check|respond|reply|handle|tell|
    change|need|prioriti[sz]e|decide|approach|deal|answer|recommend|offer|suggest|escalate|act|react|start|put|explain|ask|make)\b`,
  'i',
);

/** True when the item only points elsewhere (`## Assignment` and a link to assignment.md): the practice lives there. */
export function pointsElsewhere(doc: LessonDocument, item: Evidence): boolean {
  const end = ownContentEnd(doc, item);
  const body = doc.text.slice(item.marker.end, end).trim();
  if (body.length > 400) return false;
  const wordsBesideLinks = body.replace(INLINE_LINK, '').split(/\s+/).filter(Boolean).length;
  const links = [...doc.text.slice(item.start, end).matchAll(INLINE_LINK)];
  return wordsBesideLinks <= 25 && links.some(([, text, target]) => isLessonPage(target) || PRACTICE_WORD.test(text));
}

const INLINE_LINK = /\[([^\]]*)\]\(\s*([^)\s]*)[^)]*\)/g;
const PRACTICE_WORD = /\b(?:assignments?|exercises?|labs?|challenges?|practice|projects?|tasks?)\b/i;
/** Gaps for the learner to fill, or code pulled in from a file the lesson does not show. */
const STARTER_CODE_GAP = /\btodo!\(|\bunimplemented!\(|\bTODO\b|\bFIXME\b|\{\{#include|\{%\s*include/;

/** Parts of the vocabulary that start inside the item or within three lines after it. */
function partsFor(doc: LessonDocument, item: Evidence, vocabulary: Vocabulary): readonly Evidence[] {
  const after = feedbackWindowEnd(doc, item);
  return startingIn(findParts(doc, vocabulary), item.marker.start + 1, after, true);
}

function feedbackWindowEnd(doc: LessonDocument, item: Evidence): number {
  return doc.lines.lineEnd(Math.min(doc.lines.lineAt(item.end) + 3, doc.lines.lineCount - 1));
}

/** A table whose header names rubric levels ("Criteria | Exemplary | Adequate | Needs Improvement"), under any heading. */
function hasRubricTable(doc: LessonDocument, item: Evidence): boolean {
  const tables = doc.derived(TABLES, () =>
    doc.tree.children.flatMap((node) => (node.type === 'table' ? [{ ...rangeOf(node), node }] : [])),
  );
  return startingIn(tables, item.marker.end, feedbackWindowEnd(doc, item), true).some(({ node }) => {
    const header = node.children[0]?.children.map((cell) => plainText(cell)) ?? [];
    return header.filter((cell) => RUBRIC_LEVEL.test(cell)).length >= 2;
  });
}

/**
 * A code-along step ("Add these lines to index.html:" and the lines) shows the code the learner is
 * to write, so the learner can check their work against it. An item with starter code (gaps to
 * fill, such as `todo!()`) is an exercise whose answer the lesson does not show.
 */
function isCodeAlong(doc: LessonDocument, item: Evidence): boolean {
  const code = codeBlocksIn(doc, { start: item.marker.end, end: item.end });
  if (code.some((block) => STARTER_CODE_GAP.test(block.value))) return false;
  const prose = startingIn(doc.prose, item.marker.end, item.end).filter((block) => block.end <= item.end);
  return code.some((block) => {
    const introduction = prose.filter((paragraph) => paragraph.end <= rangeOf(block).start).at(-1);
    return !introduction || CODE_ALONG_STEP.test(sentencesOf(introduction.text).at(-1) ?? '');
  });
}

function codeBlocksIn(doc: LessonDocument, range: OffsetRange): Code[] {
  const code = doc.derived(CODE, () => preOrder(doc.tree).flatMap((node) => (node.type === 'code' ? [{ ...rangeOf(node), node }] : [])));
  return startingIn(code, range.start, range.end, true).flatMap(({ node }) => (within(node, range) ? [node] : []));
}

const TABLES = Symbol('tables');
const CODE = Symbol('code');

/** The sentences of the item's prose, without its solution: the task as the learner reads it. */
function promptSentences(doc: LessonDocument, item: Evidence): string[] {
  const solutions = partsFor(doc, item, FEEDBACK);
  const inSolution = (block: OffsetRange) => solutions.some((part) => contains(part, block));
  return startingIn(doc.prose, item.start, item.end)
    .filter((block) => block.end <= item.end && !inSolution(block))
    .flatMap((block) => sentencesOf(block.text));
}

function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?]) /);
}

function isExpectedResult(sentence: string): boolean {
  return EXPECTED_RESULT_CUES.test(sentence) && !sentence.endsWith('?');
}

/** A page of the course (assignment.md, a notebook), not an asset or a reference elsewhere on the web. */
function isLessonPage(target: string): boolean {
  const path = target.replace(/[?#].*$/, '');
  return path !== '' && !/^[a-z][\w+.-]*:/i.test(path) && /(?:\.(?:md|markdown|ipynb|html?)|\/|^[^.]*)$/i.test(path);
}

/** Where the item's own text ends: a `::: keypoints` div after an "Optional exercises" section is not part of it. */
function ownContentEnd(doc: LessonDocument, item: Evidence): number {
  const first = doc.containers[firstStartingAt(doc.containers, item.marker.end)];
  const nested = first && first.start < item.end ? first : undefined;
  return nested ? nested.start : item.end;
}

/** A step that has learners check what they did: "Verify that…", "You should see…", "Review the output". */
const RESULT_CHECK = new RegExp(
  [
    String.raw`\b(?:verify|confirm|validate|ensure|make sure|check|test)\b(?: (?:that|whether|if|the|your|it|this))`,
    oneLine`
      \bshould (?:now )?(?:see|get|display|return|show|appear|succeed|be (?:listed|shown|displayed|created|running|visible|available))`,
    String.raw`\b(?:review|inspect|observe|examine) (?:the )?(?:output|results?|response|logs?)`,
    String.raw`\bexpected (?:output|results?|response)`,
  ].join('|'),
  'i',
);

/** A lab lets learners check their result somewhere on the page: a verification step, the expected output, a test to pass. */
export function labChecksResult(doc: LessonDocument): boolean {
  return doc.prose.some(
    (block) => block.start >= doc.body.start && (RESULT_CHECK.test(block.text) || EXPECTED_RESULT_CUES.test(block.text)),
  );
}
