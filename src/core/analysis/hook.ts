import type { HeadingInfo, LessonDocument } from '../document/model';
import type { ProseBlock } from '../document/prose';
import { oneLine } from '../text/pattern';
import { openingWords } from '../text/words';
import { blockSentences } from '../prose';
import type { OffsetRange } from '../types/range';
import { labelParagraphs } from './labels';
import { asksOutsideQuotes, findObjectives, findPractice } from './lessonParts';
import { setsTheScene, tellsStory } from './story';
import { findParts, startingIn } from './structure';
import { HOOK_CUES, normaliseHeading, OBJECTIVES, PRACTICE, STRONG_HOOK_CUES, type Vocabulary } from './vocabulary';

export interface HookEvidence {
  range: OffsetRange;
  /** What reads as the hook: "a hook section", "a story", "the cue “…”"… */
  why: string;
}

/**
 * Where a lesson says why it matters, and how: in its opening, which is what comes before the
 * first section that teaches. Sections of objectives, prerequisites or an introduction are passed
 * on the way; a section headed as a hook ("Why it matters", "Scenario") is one. The prose before
 * any section reads as a hook by a cue ("imagine", "have you ever", a cost or a question), a story
 * or a scene; the first section that teaches opens the lesson only with a story or a scene
 * ("## 05:40 in the yard"), since the cues are as common in instructions. A "Why it matters"
 * after the first procedure is not an opening.
 */
export function hookEvidence(doc: LessonDocument, hook: Vocabulary, words: number): HookEvidence | undefined {
  const fromFrontMatter = findParts(doc, hook).find((part) => part.source === 'front-matter');
  if (fromFrontMatter) return { range: fromFrontMatter, why: 'a hook in the front matter' };
  const limit = openingLimit(doc);
  const hookSections = findParts(doc, hook).filter((part) => part.source !== 'front-matter');
  const objectives = findObjectives(doc, OBJECTIVES).filter((part) => part.source !== 'statement');
  const isObjective = (range: OffsetRange) => objectives.some((part) => part.start <= range.start && range.end <= part.end);
  let budget = words;
  let saidSomething = false;
  /** Reads a region's prose in order; a scene may be set over several of its paragraphs. */
  const read = (region: OffsetRange, reading: 'opening' | 'lead', heading?: string, paragraphs = Infinity): HookEvidence | undefined => {
    const scene = new Set<string>(setsTheScene('', heading));
    let told = 0;
    let toSomeone = false;
    let procedural = 0;
    let definedFirst = false;
    for (const block of startingIn(doc.prose, region.start, region.end)) {
      if (budget <= 0 || block.start >= limit || paragraphs <= 0) return undefined;
      if (block.kind === 'heading' || isObjective(block) || (reading === 'lead' && inList(doc, block))) continue;
      const counted = openingWords(block.text, budget).words;
      budget -= counted;
      paragraphs--;
      // A caption or a credit ("Sketchnote by …") says nothing yet, nor does a bridge ("So far, you've…") in an opening.
      if (reading === 'lead' || !inProse(doc, block)) saidSomething ||= counted >= SAYS_SOMETHING;
      // A table's cells ("Guests stay on?") label data; they do not open the lesson.
      if (block.kind === 'cell') continue;
      const cue = (reading === 'opening' ? HOOK_CUES : STRONG_HOOK_CUES).exec(block.text);
      if (cue) return { range: block, why: `the cue “${cue[0]}”` };
      if (asksOutsideQuotes(block.text)) return { range: block, why: 'a question' };
      if (tellsStory(block.text)) return { range: block, why: 'a story' };
      for (const family of setsTheScene(block.text)) scene.add(family);
      if (scene.size >= 2) return { range: block, why: `a scene (${[...scene].join(', ')})` };
      if (reading !== 'opening' || !inProse(doc, block)) continue;
      for (const sentence of blockSentences(block)) {
        const said = block.text.slice(sentence.start, sentence.end);
        if (sentence.words.length < 4 || ABOUT_THE_LESSON.test(said)) continue;
        if (told === 0) definedFirst = DEFINES.test(said);
        told++;
        saidSomething = true;
        toSomeone ||= PEOPLE_WORD.test(said);
        if (PROCEDURAL.test(said)) procedural++;
      }
      // "Drive replacements are carried out by technicians on shift. Tickets are raised automatically…": how the work is organised,
      // told in the passive or by the clock, is the lesson's content already, whoever it mentions.
      // An opening that starts by saying what its subject is ("A DPIA is a structured way of…") is the lesson's content already.
      if (told >= 2 && toSomeone && procedural * 2 < told && !definedFirst)
        return { range: block, why: 'an opening told to or about people' };
    }
    return undefined;
  };
  const sections = sectionsOf(doc);
  const intro = read({ start: doc.body.start, end: sections[0]?.start ?? doc.body.end }, 'opening');
  if (intro) return intro;
  for (const section of sections) {
    if (section.start >= limit || budget <= 0) return undefined;
    const named = hookSections.find((part) => part.start === section.start || part.marker.start === section.start);
    // "## Why we do it" after an "## Objectives" section explains the steps to come; it does not open the lesson.
    if (named && (named.source !== 'heading' || !objectives.some((part) => part.source === 'heading' && part.start < named.start)))
      return { range: named, why: 'a hook section' };
    if (objectives.some((part) => part.start <= section.start && section.start < part.end)) continue;
    const kind = sectionKind(section.title);
    if (kind === 'aside') continue;
    if ((kind === 'introduction' || !saidSomething) && /\?\s*$/.test(section.title))
      return { range: section, why: 'a question in its heading' };
    if (kind === 'teaching') return saidSomething ? undefined : read(section, 'lead', section.title, LEAD_PARAGRAPHS);
    const found = read(section, 'opening', section.title);
    if (found) return found;
  }
  return undefined;
}

/** A paragraph shorter than this, outside an opening's sentences, is a caption or a credit. */
const SAYS_SOMETHING = 12;

/** How much of the first section that teaches is read for its story, scene or question. */
const LEAD_PARAGRAPHS = 3;

interface Section extends OffsetRange {
  title: string;
}

/** The opening ends at the first activity, unless the page opens with it (an exercise page, whose scenario is the hook). */
function openingLimit(doc: LessonDocument): number {
  const firstParagraph = doc.prose.find((block) => block.kind !== 'heading' && block.start >= doc.body.start);
  return (
    findPractice(doc, PRACTICE).find(
      (item) => (!firstParagraph || item.start > firstParagraph.start) && !PREFACE.test(normaliseHeading(item.label)),
    )?.start ?? doc.text.length
  );
}

/** Headings (but the title), bold labels and top-level `<details>` or divs, in order: where the lesson's sections start. */
function sectionsOf(doc: LessonDocument): Section[] {
  const title = titleOf(doc);
  const headings = doc.headings.filter((heading) => heading !== title && heading.start >= doc.body.start);
  const starts: Section[] = [
    ...headings.map((heading) => ({ start: heading.start, end: heading.sectionEnd, title: heading.text })),
    ...labelParagraphs(doc)
      .filter((label) => !STORYBOARD_FIELD.test(label.text))
      .map((label) => ({ start: label.start, end: label.sectionEnd, title: label.text })),
    ...doc.containers
      .filter((container) => container.parent === undefined && container.start >= doc.body.start)
      .map((container) => ({ start: container.start, end: container.end, title: container.title ?? container.name })),
  ].sort((a, b) => a.start - b.start);
  return starts.map((section, index) => ({ ...section, end: Math.min(section.end, starts[index + 1]?.start ?? section.end) }));
}

/**
 * Sentences about the page itself ("This module covers…", "In this lesson you will…"); what is left
 * of an opening, when it speaks of people, is what designers open with.
 */
const ABOUT_THE_LESSON = new RegExp(
  oneLine`
    \b(?:this|the\s+following|today['’]s)\s+(?:[\p{L}-]+\s+)?(?:lesson|module|course|guide|unit|session|page|section|tutorial|chapter|
    briefing|walkthrough|workshop|storyboard|episode|video|activity)\b|^(?:in\s+this|by\s+the\s+end|after\s+this|at\s+the\s+end)\b|
    \byou(?:['’]ll|\s+will)\s+(?:learn|be\s+able|practi[cs]e|cover)|\b(?:previous|last|next|earlier)\s+(?:lessons?|sections?|chapters?|
    units?|modules?|episodes?|steps?)\b|^(?:so\s+far|now\s+that|the\s+next\s+step|let['’]s|next,?\s+we)\b|\bwe(?:['’]ll|\s+will|['’]re\s+
    going\s+to)\s+(?:start|look|cover|be\s+(?:going|looking|learning|covering)|learn|explore|discuss|focus|begin|dive)\b`,
  'iu',
);
/**
 * Whom an opening speaks to or of: the learner, we, a named he or she, or people in the plural ("Some users can't…").
 * A singular role ("When a colleague submits a claim, the manager…") is a procedure's actor.
 */
const PEOPLE_WORD = new RegExp(
  oneLine`
    \b(?:you|your|yours|we|our|us|I|me|my|he|she|him|her|his|someone|somebody|anyone|anybody|everyone|everybody|nobody|no\s+one|
    people|users|customers|clients|learners|students|colleagues|staff|patients|visitors|passengers|members|employees|guests|callers|
    residents|tenants)\b`,
  'i',
);

/**
 * "A DPIA is a structured way of…", "Remote starters are people who…", "Tax code notices are how HMRC tells…": a sentence that says
 * what kind of thing its subject is. Not the learner's part ("You are the first check…").
 */
const DEFINES = new RegExp(
  oneLine`
    ^(?!(?:you|we|they|it|this|that|there|these|those|he|she)\s)(?:(?:an?|the)\s+)?(?:[\p{L}()’'&-]+\s+){0,6}?(?:(?:is|are)\s+(?:a|an|
    the|any)\s+(?:[\p{L}-]+\s+){0,2}?(?:way|approach|method|process|procedure|document|form|record|inspection|check|device|tool|item|
    system|term|name|part|type|kind)s?\b|(?:is|are)\s+how\b|are\s+people\s+who\b)`,
  'iu',
);

/**
 * A sentence that says how the work is organised: in the passive ("are carried out", "must be
 * checked", "is done with"), by the clock, as a schedule ("happens at the end of every shift"), a
 * structure ("has four stages", "falls into three groups"), a definition ("A spec sheet is the
 * document that…") or a rule for every case ("Every new customer needs an account"). An opening of
 * such sentences is the lesson's content already, whoever it mentions.
 */
const PROCEDURAL = new RegExp(
  oneLine`
    \b(?:is|are|must\s+be|should\s+be|will\s+be|can\s+be|gets?)\s+(?:(?:usually|normally|always|then|also|only|automatically)\s+)?
    (?!(?:based|used|supposed|allowed|able|expected|required|interested|worried|scared|tired|excited|pleased|involved|located)\b)
    \p{Ll}{3,}(?:ed|en|wn|ne)\b(?:\s+(?:by|at|on|in|from|to|every|each|before|after|within|automatically|with|using|through|
    under|via|per))|
    \b(?:lives|is\s+kept|are\s+kept|is\s+stored|are\s+stored)\s+(?:on|in)\s+the\b|\bcomes?\s+(?:in\s+(?:through|via|from)|to\s+us\s+
    from)\b|
    ^(?:(?:if|when|once|before|after)\s+you\s+[^,]{3,60},\s+)?(?:read|check|arrange|change|keep|put|take|ask|log|record|write|sign|
    open|close|follow|wear|bring|leave|send|book|fill|complete|confirm|hand|lock|switch|press|wait|collect|store|report|contact|
    make\s+sure)\s+(?:the|a|an|your|it|them|this|these|each|every|all|with)\b|
    \b\d{1,2}[.:]\d{2}\b|\b(?:runs?|lasts?|takes?)\s+(?:around\s+|about\s+|roughly\s+)?\d+|
    \b(?:happens?|runs?|takes?\s+place|(?:is|are)\s+held)\s+(?:at|on|from|every|each|before|after|whenever|once|twice|daily|weekly)\b|
    \b(?:has|have|is\s+made\s+up\s+of|consists?\s+of|falls?\s+into|comes?\s+in|(?:is|are)\s+(?:split|divided)\s+into|(?:is|are)\s+
    one\s+of)\s+(?:\p{L}+\s+)?(?:two|three|four|five|six|seven|\d)\s+(?:[\p{L}-]+\s+)?(?:parts|stages|steps|types|kinds|groups|
    sections|panels|categories|levels|zones|areas|phases|elements|components|checks)\b|
    ^(?:an?|the)\s+(?:[\p{L}()’'-]+\s+){0,5}?(?:is|are|means|refers\s+to)\s+(?:the|an?|any|anyone|someone|everything|what|how|
    when|where)\s(?!(?:first|last|only|most|best|biggest|main|one)\b)|
    ^(?:every|each|all)\s+(?:[\p{L}-]+\s+){1,4}?(?:has|have|needs?|gets?|must|goes|go|shows|lists|includes|contains|records|
    carries|holds)\b(?!\s+(?:had|been|seen|heard|done|made)\b)`,
  'iu',
);

function inProse(doc: LessonDocument, block: ProseBlock): boolean {
  return block.kind === 'paragraph' && !inList(doc, block);
}

/** A step or a bullet: told as a list, not as an opening. */
function inList(doc: LessonDocument, block: ProseBlock): boolean {
  const line = doc.lines.lineAt(block.start);
  return /^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s/.test(doc.lines.lineText(line));
}

/** A storyboard's fields ("**On screen:**", "**Narration:**") describe one screen; they do not start sections. */
const STORYBOARD_FIELD =
  /^(?:on[- ]screen(?: text)?|visuals?|audio|narration|voice[- ]?over|graphics?|animation|interaction|sound|music|caption|vo)\s*:?$/i;

/** The page's title: its first heading when that is a level-1 heading or says what the front matter's `title` says. */
function titleOf(doc: LessonDocument): HeadingInfo | undefined {
  const first = doc.headings.find((heading) => heading.start >= doc.body.start);
  if (!first) return undefined;
  if (first.depth === 1) return first;
  const named = doc.frontMatter?.data?.title;
  const simple = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return typeof named === 'string' && simple(named) === simple(first.text) ? first : undefined;
}

const INTRODUCTION = new RegExp(
  oneLine`
    ^(?:(?:lesson|module|course|unit|chapter|section|episode)\s+)?(?:introduction|intro|overview|background|context|welcome|
    the situation|about this \p{L}+|why (?:this|it) matters|start here|
    read this first)\b`,
  'iu',
);
/** What a page says about itself before it teaches: its audience, length, materials, what to prepare. */
const ASIDE = new RegExp(
  oneLine`
    ^(?:prerequisites?|before (?:you (?:begin|start)|the (?:session|workshop|course|training))|requirements|what you(?:['’]ll| will)\s+
    need|you(?:['’]ll| will) need|materials|duration|audience|who (?:this|it) is for|(?:estimated )?time|(?:session|module|course|
    lesson) (?:length|details|info)|length|format|group size|status|version|owner|author|last (?:updated|reviewed)|notes? for|
    facilitator|trainer|title|equipment|setting up the room)\b`,
  'iu',
);

/** What a course puts before its introduction: a warm-up quiz, a video, a sketchnote; the prose under it still opens the lesson. */
const PREFACE = new RegExp(
  oneLine`
    ^(?:(?:pre|post)[- ]?(?:lecture|lesson|class|reading)\s+quiz|warm[- ]?up(?: quiz)?|sketchnote|video|watch|
    this (?:lesson|module) is available)\b`,
  'iu',
);

function sectionKind(title: string): 'introduction' | 'aside' | 'teaching' {
  const normalised = normaliseHeading(title);
  if (INTRODUCTION.test(normalised) || PREFACE.test(normalised)) return 'introduction';
  if (ASIDE.test(normalised)) return 'aside';
  return 'teaching';
}
