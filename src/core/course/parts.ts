import { asksQuestion, hasSolution } from '../analysis/feedback';
import { asksOutsideQuotes, findObjectives, findPractice } from '../analysis/lessonParts';
import { findParts } from '../analysis/structure';
import {
  extendVocabulary,
  HOOK,
  HOOK_CUES,
  KNOWLEDGE_CHECK,
  OBJECTIVES,
  PRACTICE,
  RUBRIC,
  SUMMARY,
  type VocabularyOptions,
} from '../analysis/vocabulary';
import { findTaskStatement } from '../analysis/taskStatement';
import { labGoal } from '../dialects/microsoftLearn';
import type { LessonDocument } from '../document/model';
import type { Part } from './expectations';
import { openingWords } from '../text/words';
import type { OffsetRange } from '../types/range';
import { oneLine } from '../text/pattern';

export interface PartOptions extends VocabularyOptions {
  /** For the hook: how many words of the opening to read. */
  words?: number;
}

export const DEFAULT_PART_OPTIONS: PartOptions = { headings: [], classes: [], frontMatterKeys: [], words: 200 };

/** Whether the page has the part itself, as the part's rule recognises it with `options`. */
export function hasPart(doc: LessonDocument, part: Part, options: PartOptions = DEFAULT_PART_OPTIONS): boolean {
  switch (part) {
    case 'objectives':
      return findObjectives(doc, extendVocabulary(OBJECTIVES, options)).length > 0 || labGoal(doc.frontMatter?.data) !== undefined;
    case 'practice':
      return (
        findPractice(doc, extendVocabulary(PRACTICE, options)).length > 0 ||
        findParts(doc, RUBRIC).length > 0 ||
        findTaskStatement(doc) !== undefined
      );
    case 'summary':
      return findParts(doc, extendVocabulary(SUMMARY, options)).length > 0 || closesWithRecap(doc);
    case 'knowledge-check':
      return (
        findParts(doc, extendVocabulary(KNOWLEDGE_CHECK, options)).length > 0 ||
        findPractice(doc, PRACTICE).some((item) => asksQuestion(doc, item) && hasSolution(doc, item))
      );
    case 'hook':
      return hasHook(doc, options);
  }
}

/** A recap in the prose of the lesson's second half: "…so let's recap what we've learned.", "In summary, …". */
function closesWithRecap(doc: LessonDocument): boolean {
  const half = doc.body.start + (doc.body.end - doc.body.start) / 2;
  return doc.prose.some((block) => {
    if (block.kind !== 'paragraph' || block.end < half) return false;
    const cue = RECAP_CUE.exec(block.text);
    return cue !== null && block.sourceRange(cue.index, cue.index).start >= half;
  });
}

const RECAP_CUE = new RegExp(
  oneLine`
    \b(?:let['’]s|let us) (?:recap|sum up|summari[sz]e)\b|(?:^|[.!?]\s+)(?:in summary|to summari[sz]e|to sum up|to recap|
    in conclusion|to conclude),`,
  'i',
);

function hasHook(doc: LessonDocument, options: PartOptions): boolean {
  // A list of objectives is not a hook; a sentence that asks why and then says what you will learn can be both.
  const objectives = findObjectives(doc, OBJECTIVES).filter((part) => part.source !== 'statement');
  const isObjective = (range: OffsetRange) => objectives.some((part) => part.start <= range.start && range.end <= part.end);
  const opening = openingRange(doc, options.words ?? 200);
  if (findParts(doc, extendVocabulary(HOOK, options)).some((part) => part.start < opening.end)) return true;
  return doc.prose.some(
    (block) =>
      block.start >= opening.start &&
      block.start < opening.end &&
      !isObjective(block) &&
      (HOOK_CUES.test(block.text) || asksOutsideQuotes(block.text) || tellsStory(block.text)),
  );
}

/**
 * An opening story: something that happened to someone ("Last spring, a picker at our depot
 * slipped…", "Ravi emailed us last month…"): a person, then what they did, in the past tense, at
 * least twice; or a time in the past and one such event.
 */
function tellsStory(text: string): boolean {
  if (text.length < 80) return false;
  const events = text.match(NARRATED)?.length ?? 0;
  return (
    events >= 2 || (events >= 1 && TIME_IN_THE_PAST.test(text)) || SCENE.test(text) || ATTRIBUTED_QUOTE.test(text) || toldInThePresent(text)
  );
}

/** A voice at the opening: "“I was made to feel like a criminal…” — online review". */
const ATTRIBUTED_QUOTE = /^["“][^"”]{30,}["”]\s*(?:[—–]|--?)\s*\S/u;

const PERSON = oneLine`
  (?:customer|caller|client|colleague|co-worker|agent|adviser|advisor|manager|employee|worker|nurse|doctor|driver|visitor|patient|
  guest|supervisor|engineer|technician|shopper|user|member|cashier|clerk|picker|rep|trainee|contractor)`;
/** "A customer brings back a lamp", "The colleague at the till says", "the adviser there offers". */
const PRESENT_EVENT = new RegExp(
  oneLine`
    \b(?:([Aa]n?)|[Tt]he)\s+(?:new\s+|regular\s+|local\s+|other\s+)?${PERSON}(?:\s+(?:there|here|at\s+the\s+\p{L}+|on\s+the\s+\p{L}+|
    in\s+\p{L}+))?\s+(?:\p{Ll}+ly\s+|then\s+|still\s+)?(?!(?:is|has|does|needs|wants|must|should|can|will|may)\b)\p{Ll}{2,}(?:s|es)\b`,
  'gu',
);
const CONDITION_FIRST = /^(?:when|if|once|after|before|whenever|as\s+soon\s+as|where)\b/i;

/**
 * A story told in the present tense: a person introduced ("A customer brings back…") and what
 * people then do, three times or more. "When a customer asks…, the agent…" is a procedure.
 */
function toldInThePresent(text: string): boolean {
  if (CONDITION_FIRST.test(text)) return false;
  let events = 0;
  let introduced = false;
  for (const match of text.matchAll(PRESENT_EVENT)) {
    events++;
    if (match[1]) introduced = true;
  }
  return introduced && events >= 3;
}

/** A scene set by its time: "Friday, 18:00, the Glasgow front desk.", "It's 2 a.m. on the ward…". */
const SCENE = new RegExp(
  oneLine`
    ^(?:(?:it['’]s|it\s+is|at)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b[^.!?]{0,20}?(?:\d{1,2}[:.]\d{2}|
    \d{1,2}\s*[ap]\.?m\.?|morning|afternoon|evening|night)|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s+on\s+a\b|
    \d{1,2}\s*[ap]\.?m\.?\s+(?:on|and)\b)`,
  'iu',
);

const ACTOR = oneLine`
  (?:\b(?:she|he|they|we|I)|\b\p{Lu}\p{Ll}+|\b(?:everyone|everybody|someone|somebody|nobody|no\s+one|people|staff|member|passenger|
  shopper|learner|student|user|tenant|resident|customer|caller|client|colleague|co-worker|agent|adviser|advisor|picker|packer|driver|
  nurse|doctor|manager|employee|worker|rep|engineer|technician|supervisor|guest|patient|buyer|seller|team|cashier|clerk|operator|
  analyst|trainee|intern|contractor|visitor|director|owner|son|daughter|mother|father|family|account|company|store|branch|depot|
  warehouse|shop|site|office|ward|email|letter|complaint|incident|accident|fire|order|delivery|parcel|shipment|system)s?)`;
const SIMPLE_PAST = oneLine`
  (?:had|did|said|told|asked|found|took|came|went|saw|left|lost|got|made|sent|rang|fell|felt|knew|thought|forgot|spent|paid|began|sat|
  stood|ran|wrote|heard|broke|cost|gave|kept|became|won|grew|rose|led|held|brought|bought|caught|taught|built|sold|drove|wore|chose|
  froze|spoke|woke|stole|tore|threw|blew|flew|drew|shook|struck|stuck|swung|hung|dug|sank|shrank|fed|fled|met|\p{Ll}{2,}(?:ed|ied))`;
/** What follows "had": "had gone back", "had already been told". */
const PARTICIPLE = oneLine`
  (?:gone|been|done|seen|taken|given|known|written|forgotten|broken|spoken|stolen|driven|begun|run|come|become|fallen|grown|shown|
  ${SIMPLE_PAST})`;
/** Someone, then what they did: "Helen complained", "the driver stopped", "she quickly realised". */
const NARRATED = new RegExp(
  oneLine`
    ${ACTOR}(?:\s*,[^,.;]{1,80},)?\s+(?:\p{Ll}+ly\s+|then\s+|also\s+|still\s+|(?:was|were)\s+)?(?:${SIMPLE_PAST}|had\s+(?:already\s+|
    just\s+|never\s+)?${PARTICIPLE})\b`,
  'gu',
);
const TIME_IN_THE_PAST = new RegExp(
  oneLine`
    \b(?:(?:last|this\s+time\s+last)\s+(?:week|month|year|winter|spring|summer|autumn|fall|quarter|monday|tuesday|wednesday|thursday|
    friday|saturday|sunday|night|january|february|march|april|may|june|july|august|september|october|november|december)|yesterday|
    (?:a|two|three|four|five|six|several|a\s+few)\s+(?:days|weeks|months|years)\s+ago|earlier\s+this\s+(?:week|month|year)|on\s+(?:a|
    one)\s+\p{L}+\s+(?:morning|afternoon|evening|night)|in\s+(?:19|20)\d\d|in\s+(?:january|february|march|april|may|june|july|august|
    september|october|november|december))\b`,
  'iu',
);

/**
 * From the start of the body to the first activity or the word budget, whichever comes first. On an
 * exercise page ("# Instructions" before any paragraph) the whole page is the activity, and its
 * scenario is the hook.
 */
function openingRange(doc: LessonDocument, words: number): OffsetRange {
  const firstParagraph = doc.prose.find((block) => block.kind !== 'heading' && block.start >= doc.body.start);
  const firstPractice =
    findPractice(doc, PRACTICE).find((item) => !firstParagraph || item.start > firstParagraph.start)?.start ?? doc.text.length;
  let counted = 0;
  let end = doc.text.length;
  for (const block of doc.prose) {
    if (block.start < doc.body.start) continue;
    counted += openingWords(block.text, words - counted).words;
    if (counted >= words) {
      end = block.end;
      break;
    }
  }
  return { start: doc.body.start, end: Math.min(end, firstPractice) };
}
