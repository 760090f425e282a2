import { z } from 'zod';
import type { Table } from 'mdast';
import type { LessonDocument } from '../document/model';
import { plainText } from '../document/parse';
import { preOrder } from '../document/walk';
import { rangeOf } from '../types/range';
import type { ProseBlock } from '../document/prose';
import { allLists, frontMatterListItems, listItems } from '../analysis/structure';
import { hasCode } from '../analysis/audience';
import { findObjectives } from '../analysis/lessonParts';
import { OBJECTIVES } from '../analysis/vocabulary';
import { blockSentences, inShortQuotation, isAllowed, isSentenceStart } from '../prose';
import { allMatches } from '../text/matches';
import { defineRule, type Fix, type SharedSettings } from './rule';
import { oneLine } from '../text/pattern';
import { KNOWN_ACRONYMS, NOT_ACRONYMS, TECHNICAL_ACRONYMS } from './acronyms/known';

/**
 * Not followed by more of a name: "HL-204518", "GPT-4", "SBI-based", "CF-??", "IR(ME)R", nor a prefix written alone: "the "HL-"
 * prefix".
 */
const ACRONYM =
  /(?<![\p{L}\p{N}_\-./@#$])(\p{Lu}[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*)(s?)(?![\p{L}\p{N}_]|\.[\p{L}\p{N}]|-\S|\(\p{Lu}+\)\p{Lu})/gu;
/** Read as a word rather than letter by letter (NASA, CERN, JSON): used as a name, and rarely spelled out. */
const WORD_LIKE = /^(?=(?:\p{Lu}\d*){4})[^AEIOU\d]{0,2}(?:[AEIOU]+[^AEIOU\d]{0,2})+\d*$/u;
const ROMAN_NUMERAL = /^X{0,3}(?:IX|IV|VI{0,3}|I{1,3})?$/;
/** "THE MILLER'S ARMS": a word in capitals before, possessive or not. */
const CAPS_WORD_BEFORE = /(?:^|[^\p{L}])\p{Lu}{2,}(?:['’]S)?[ \t]+(?:[–—-][ \t]*)?$/u;
/** "VS Code", "MDN Web Docs", "MIT License", the form "MAT B1": an acronym that starts a name is read as part of the name. */
const NAME_AFTER = /^[ \t]+(?:\p{Lu}\p{Ll}|\d|\p{Lu}\d)/u;
/** The second half of a code whose first has digits: a registration plate ("LK61 HVF"), a postcode ("SW1A 1AA" is one already). */
const CODE_BEFORE = /(?:^|[^\p{L}\p{N}])\p{Lu}{1,3}\d{1,4}\p{Lu}?[ \t]+$/u;
const CAPS_WORD_AFTER = /^(?:['’]S)?[ \t]*[–—-]?[ \t]+\p{Lu}{2,}(?![\p{Ll}])/u;
/** Words an expansion may leave out of the initials: "Department of Education (DoE)". */
const SMALL_WORDS = new Set([
  'of',
  'and',
  'the',
  'for',
  'to',
  'in',
  'on',
  'a',
  'an',
  '&',
  'with',
  'by',
  'as',
  'at',
  'or',
  'de',
  'des',
  'la',
  'le',
  'les',
  'du',
  'der',
  'und',
  'von',
  'van',
]);
const EXPANSION_WORD = /[\p{L}&][\p{L}\p{N}'’-]*/gu;
/** "…expert (SME)", "…expert, or SME", "…expert – SME". */
const BEFORE_LINK = /(?:\(\s*(?:or\s+|aka\s+|also\s+)?|,\s*(?:(?:or|aka|also known as)\s+)?|\s[–—-]\s*)$/i;
/**
 * "SME (subject matter expert)", "SME: subject matter expert", "SME stands for subject matter expert", the code "DM" (damaged on
 * move), "KC" for known consignor.
 */
const AFTER_LINK = new RegExp(
  oneLine`
    ^["”'’]?(?:\s*\(\s*|\s*[:=–—]\s*|\s+-\s+|,\s+|,?\s+(?:or|means|is\s+short\s+for|for)\s+)|^[^.!?]{0,40}?\b(?:stands\s+for|short\s+for|
    abbreviation\s+(?:of|for)|acronym\s+(?:of|for))\s+`,
  'i',
);
const MAX_EXTRA_WORDS = 4;
const YEAR_OR_NOTHING = /^\s*(?:(?:1[89]|20)\d\d\s*)?$/;
/** "(DPD is N,N-diethyl-p-phenylenediamine, the indicator …)": a gloss in brackets says what it is, spelled out or not. */
const GLOSS_IN_BRACKETS = /^\s+(?:is|means|stands\s+for)\s+((?:an?\s+|the\s+)?[^\s)][^);\n]*?)(?:,\s[^)]*)?\)/i;
/** Front matter keys whose values learners read on the page or in the catalogue. */
const SHOWN_KEYS = ['title', 'subtitle', 'description', 'summary', 'audience', 'objectives'];
/** "TILE checklist (…", "SBI feedback model (…": words for what the acronym names, then its words in brackets. */
const NAMED_THING_THEN_BRACKET = /^\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,2}\p{Ll}[\p{Ll}-]*\s*[(:]\s*/u;
/** Words before a label as it is printed: "the button labelled START", "a sign that reads EXIT", "the word BAKERY". */
const PRINTED = String.raw`labell?ed|marked|reads|reading|says|saying|printed|the\s+words?|(?:text\s+)?label|caption`;
const endsWithWordBefore = (words: string) => new RegExp(String.raw`\b(?:${words})\s+["“']?$`, 'i');
/** The capitals are a label, not an acronym. */
const PRINTED_BEFORE = endsWithWordBefore(PRINTED);
/** {@link PRINTED_BEFORE}, or a name given: "a model called IFS". */
const LABEL_BEFORE = endsWithWordBefore(`${PRINTED}|showing|shows|titled|called|named`);
/** "press ACCEPT", "then hit OVERRIDE": a word in capitals that is pressed is a button's label. */
const PRESSED_BEFORE = /\b(?:press|pressing|presses|push|pushing|hit|tap|tapping|click|clicking)\s+(?:the\s+)?["“']?$/i;
/** "the four LAST steps: Listen, Apologise, Solve, Thank;": words separated by commas, to the end of the clause. */
const LISTED_AFTER_COLON = /^(\p{L}[\p{L}'’-]*(?:(?:\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+)\p{L}[\p{L}'’-]*)+)\s*(?:[;.\n)]|$)/u;
/** "ACAN: Acknowledge, Clarify, Apologise, Next step.": items of one to three words, to the end of the clause. */
const ITEMS_AFTER_COLON = new RegExp(
  oneLine`
    ^(\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,2}(?:(?:\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|
    &)\s+)\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,2})+)\s*(?:[;.\n)]|$)`,
  'u',
);
/** Capitalised words separated by commas or a dash, up to the closing bracket: "(Carrier, Broker, Dealer – Upper tier)". */
const MNEMONIC = /^(\p{L}[\p{L}'’-]*(?:(?:\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+|\s+[–—-]\s+|\s+)\p{L}[\p{L}'’-]*)*)\s*\)/u;
const LOWER_CASE = /\p{Ll}/u;
const SENTENCE_CASE = /^\p{Lu}\p{Ll}+(?:[\s-]+[\p{Ll}\d][\p{L}\d'’-]*)+$/u;

export default defineRule({
  id: 'acronym-defined',
  category: 'clarity',
  description: 'Each acronym is spelled out at its first use: "subject matter expert (SME)".',
  defaultSeverity: 'info',
  options: z
    .object({
      known: z
        .array(z.string())
        .default([])
        .describe('Acronyms your learners know without an expansion, on top of the built-in list (OK, USA, PDF, URL, HTML …).'),
      minUses: z
        .number()
        .int()
        .min(1)
        .default(1)
        .describe(
          'Report an acronym the lesson never spells out only when it is used at least this often; ' +
            '1 (the default) reports every one, 3 only those used again and again. ' +
            'An acronym used before its expansion is always reported.',
        ),
      audience: z
        .enum(['auto', 'technical', 'general'])
        .default('auto')
        .describe(
          'Whose common knowledge counts: "technical" learners know API, CSV, SQL, CPU …; "general" learners do not; ' +
            '"auto" takes a lesson with code for technical.',
        ),
    })
    .strict(),
  docs: {
    rationale:
      'An acronym the learner cannot expand is a word they cannot read, and novices rarely ask. Spell it out at its first use, ' +
      'in either order: ' +
      '"subject matter expert (SME)" or "SME (subject matter expert)"; "SME stands for …", ' +
      'a mnemonic\'s words ("the TILE checklist (Task, Individual, Load, Environment)", ' +
      '"which we call ACAN: Acknowledge, Clarify, Apologise, ' +
      'Next step") and a capitalised "Subject Matter Expert" anywhere before also count, ' +
      'in the text or in the title, description, audience or objectives of the front matter, ' +
      'as do a glossary entry, `allow.acronyms`, the `known` option, and acronyms everybody knows (OK, TV, USA, UK, EU, NHS, PDF, URL, ' +
      'HTML, CSS, ID, FAQ, ' +
      'CEO, AM, PM, USB, GPS, AI, HTTP, VAT, MOT, SOS, GCSE, currency codes such as EUR …). An acronym used before its expansion ' +
      'is always reported; ' +
      'one the lesson never spells out, even once ' +
      '(`minUses` raises that: 3 reports only acronyms used again and again). Not checked: headings and tables, code, ' +
      'Roman numerals (II, IV), capitals for emphasis (NOTE, DO NOT), an acronym ' +
      'that starts a name ("VS Code"), and four-letter-or-longer acronyms read as words, which are names (NASA, CERN, JSON). ' +
      'Each acronym is reported once, at its first use. Letters then a number name a form, a model or a version ("HC3", "FP10", ' +
      '"ES6") and are not acronyms, nor are codes: a table column of them beside what each means, or one named a code ' +
      '("reason code ADDR", "codes starting OS"), nor references with several numbers ("K7QZ112"), date formats (DD/MM/YYYY), ' +
      'slots to fill ("[NAME, NUMBER]"), a surname after an initial ("J. PATEL"), chemical formulas ("CO₂"), "PO box", ' +
      'compass points (NE), a word in capitals printed on a thing ("the HOLD shelf", "the text label LW"), words in capitals listed ' +
      'with one the lesson also writes in lower case ("GOOD, RECHARGE & RETEST, or REPLACE"; not the acronyms of "POWER, PON and ' +
      'LOS"), the first letters of a name written as one ("IR(ME)R"), or a short ' +
      'quotation of what a note, a statement or a letter says ("PTP agreed", write "twice a day", not "BD"). ' +
      'A code\'s legend ("KC" for known consignor, a list of them each with what it is: "- **DOCK:** the view over the bays"), ' +
      "a law's year between its words and the acronym " +
      '("Consumer Rights Act 2015 (CRA)"), an expansion later in the same sentence ("**DBS check:** a check by the Disclosure and ' +
      'Barring Service"), a mnemonic spelled out letter by letter (in a list or a table) or one bold word per item in the list ' +
      'right after its first use, a gloss in brackets ("(DPD is the indicator …)"), ' +
      'and an objective that names what the lesson will teach ("Use the TEXAS model") count as a heading does.',
    howToFix:
      'Write the words in full at the first use, followed by the acronym in brackets: "customer relationship management (CRM)". ' +
      'Use the acronym alone after that.',
  },
  check({ doc, options, settings, report }) {
    const technical = options.audience === 'technical' || (options.audience === 'auto' && hasCode(doc));
    const known = new Set(
      [
        ...KNOWN_ACRONYMS,
        ...(technical ? TECHNICAL_ACRONYMS : []),
        ...options.known,
        ...settings.acronyms,
        ...settings.glossary.keys(),
        ...gradesIn(doc.text),
      ].map((acronym) => acronym.toUpperCase()),
    );
    const firstUse = new Map<string, Use>();
    const definition = new Map<string, Definition>();
    const uses = new Map<string, number>();
    const checked = new Map<string, boolean>();
    /** Where a heading or a front matter objective first shows the acronym. */
    const shownFirst = new Map<string, { start: number; end: number; acronym: string }>();
    // An objective names what the lesson will teach, as a heading does: "Use the TEXAS model" before the section that spells it out.
    const objectives = findObjectives(doc, OBJECTIVES).filter((part) => part.source !== 'statement' && part.source !== 'front-matter');
    for (const block of doc.prose) {
      const previews = block.kind === 'heading' || objectives.some((part) => part.start <= block.start && block.end <= part.end);
      for (const written of block.derived(WRITTEN, writtenAcronyms)) {
        const { acronym, text, at, end } = written;
        let candidate = checked.get(text);
        if (candidate === undefined) checked.set(text, (candidate = isCandidate(acronym, known, settings) && !isAllowed(settings, text)));
        if (!candidate) continue;
        if (!definition.has(acronym)) {
          written.expansion ??= expansionAround(block.text, at, end, initials(acronym)) ?? null;
          if (written.expansion) definition.set(acronym, { ...block.sourceRange(at, end), expansion: written.expansion });
        }
        if (previews) {
          if (!shownFirst.has(acronym)) shownFirst.set(acronym, { ...block.sourceRange(at, end), acronym });
          uses.set(acronym, (uses.get(acronym) ?? 0) + 1);
        }
        if (block.kind !== 'paragraph' || previews) continue;
        if (!firstUse.has(acronym)) firstUse.set(acronym, { ...block.sourceRange(at, end), acronym, text, block, from: at, to: end });
        uses.set(acronym, (uses.get(acronym) ?? 0) + 1);
      }
    }
    // The title, description, audience and objectives in front matter are shown to learners too.
    for (const key of SHOWN_KEYS) {
      for (const item of frontMatterListItems(doc, key)) {
        const source = doc.text.slice(item.start, item.end);
        for (const match of allMatches(ACRONYM, source)) {
          const acronym = match[1];
          if (
            !isCandidate(acronym, known, settings) ||
            isAllowed(settings, match[0]) ||
            isShouting(source, match.index, match.index + match[0].length)
          )
            continue;
          const start = item.start + match.index;
          const expansion = definition.has(acronym)
            ? undefined
            : expansionAround(source, match.index, match.index + match[0].length, initials(acronym));
          if (expansion) definition.set(acronym, { start, end: start + match[0].length, expansion });
          if (key !== 'objectives') continue;
          const earlier = shownFirst.get(acronym);
          if (!earlier || start < earlier.start) shownFirst.set(acronym, { start, end: start + match[0].length, acronym });
          uses.set(acronym, (uses.get(acronym) ?? 0) + 1);
        }
      }
    }
    // An acronym that only a heading or an objective shows, never a paragraph, is reported where it is shown.
    // Read only when an acronym is about to be reported: most lessons have none.
    const isCode = (acronym: string) => doc.derived(CODES, () => codesOf(doc)).has(acronym);
    for (const [acronym, shown] of shownFirst) {
      if (
        !firstUse.has(acronym) &&
        !isCode(acronym) &&
        !definition.has(acronym) &&
        (uses.get(acronym) ?? 0) >= options.minUses &&
        (!technical || !WORD_LIKE.test(acronym)) &&
        !isWordInCapitals(doc, acronym)
      ) {
        report({ start: shown.start, end: shown.end, message: neverSpelledOut(acronym), acronym });
      }
    }
    let titles: TitleRun[] | undefined;
    let lettered: Map<string, Definition> | undefined;
    for (const [acronym, use] of firstUse) {
      let defined = definition.get(acronym);
      if (!defined || defined.start > use.start) {
        lettered ??= spelledOutMnemonics(doc);
        const spelled = lettered.get(acronym);
        if (spelled && (!defined || spelled.start < defined.start)) defined = spelled;
      }
      if (!defined || defined.start > use.start) {
        titles ??= titleRuns(doc);
        const titled = titleCaseExpansion(titles, initials(acronym));
        if (titled && (!defined || titled.start < defined.start)) defined = titled;
      }
      if (defined && (defined.start <= use.start || glossedRightAfter(doc, use, defined, lettered))) continue;
      if (isCode(acronym)) continue;
      if (defined) {
        const line = doc.lines.lineAt(defined.start) + 1;
        report({
          start: use.start,
          end: use.end,
          message:
            `Unexpected "${use.text}" before its expansion on line ${line}, expected "${inSentence(defined.expansion)} ` +
            `(${use.text})" at its first use.`,
          suggestions: expandHere(doc.text, use, defined.expansion),
        });
      } else if (
        (uses.get(acronym) ?? 0) >= options.minUses &&
        (!technical || !WORD_LIKE.test(acronym)) &&
        !isWordInCapitals(doc, acronym)
      ) {
        report({ start: use.start, end: use.end, message: neverSpelledOut(acronym), acronym });
      }
    }
  },
});

/** The acronyms a page spells out somewhere, in any of the ways this rule accepts next to the acronym. */
export function spelledOutAcronyms(doc: LessonDocument): string[] {
  const found = new Set<string>();
  for (const block of doc.prose) {
    for (const written of block.derived(WRITTEN, writtenAcronyms)) {
      if (found.has(written.acronym)) continue;
      written.expansion ??= expansionAround(block.text, written.at, written.end, initials(written.acronym)) ?? null;
      if (written.expansion) found.add(written.acronym);
    }
  }
  return [...found];
}

const LOWER_CASE_WORDS = Symbol('lower-case words');
const PROSE_LOWER_CASE_WORDS = Symbol('lower-case words of the prose');

/** Words written in capitals for emphasis, which no team uses as an acronym: "check THREE things", "NEVER prop the door". */
const EMPHASIS = new Set(
  'one two three four five six seven eight nine ten never always only must not all every none stop before after first last both each'.split(
    ' ',
  ),
);

/**
 * "The LOOK steps", "press START", the bin labelled ALKALI in a lesson about "alkalis": a word the lesson also writes in lower case
 * (alone or in the plural), or shows as a label elsewhere, is a word in capitals (a mnemonic, a label), not an acronym.
 */
const LISTED_WORDS = Symbol('words in capitals listed with others');

function isWordInCapitals(doc: LessonDocument, acronym: string): boolean {
  if (!/^[A-Z]{3,}$/.test(acronym)) return false;
  const word = acronym.toLowerCase();
  if (EMPHASIS.has(word) || doc.derived(LABELS, () => labelsOf(doc)).has(acronym)) return true;
  if (doc.derived(LOWER_CASE_WORDS, () => lowerCaseWords(doc.text)).has(word)) return true;
  // A plural in a link's address or in code ("…/apis/", `ides`) says nothing: only the prose's words count.
  const proseWords = doc.derived(PROSE_LOWER_CASE_WORDS, () => lowerCaseWords(doc.prose.map((block) => block.text).join('\n')));
  if (proseWords.has(`${word}s`) || proseWords.has(`${word}es`)) return true;
  return doc.derived(LISTED_WORDS, () => listedWithWordsInCapitals(doc.text, proseWords)).has(acronym);
}

/**
 * "GOOD, RECHARGE & RETEST, or REPLACE": a tester's or a form's words, listed together. One of them the lesson also writes in lower
 * case makes the others words in capitals too.
 */
function listedWithWordsInCapitals(text: string, proseWords: ReadonlySet<string>): Set<string> {
  const words = new Set<string>();
  for (const [list] of text.matchAll(CAPITALS_LIST)) {
    // Only words read as words, one of them in the prose in lower case: "POWER, PON, LOS and LAN" lists lights by their
    // acronyms, and "DRAM, GPU" is two acronyms, whatever a link's address holds.
    const items = (list.match(CAPITALS_WORD) ?? []).filter((item) => WORD_LIKE.test(item));
    if (items.some((item) => proseWords.has(item.toLowerCase()))) for (const item of items) words.add(item);
  }
  return words;
}

const CAPITALS_WORD = /\p{Lu}{3,}/gu;
/** Words in capitals joined by a comma, "&", "/", "or" or "and". */
const CAPITALS_LIST = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\p{Lu}{3,}(?:\s*(?:,\s*(?:or\s+|and\s+)?|&|/|\s(?:or|and)\s)\s*\p{Lu}{3,})+(?![\p{L}\p{N}])`,
  'gu',
);

function lowerCaseWords(text: string): Set<string> {
  return new Set(text.match(/\b[a-z]{3,}\b/g));
}

function neverSpelledOut(acronym: string): string {
  return (
    `Unexpected acronym "${acronym}" that the lesson never spells out, expected the words in full at its first use, ` +
    `followed by "(${acronym})".`
  );
}

/** An acronym as the block writes it, neither shouted ("DO NOT") nor starting a name ("VS Code"). */
interface WrittenAcronym {
  acronym: string;
  /** With its plural "s". */
  text: string;
  /** Offsets in the block's text. */
  at: number;
  end: number;
  /** The words next to it that spell it out, once looked for; null when there are none. */
  expansion?: string | null;
}

const WRITTEN = Symbol('writtenAcronyms');

function writtenAcronyms(block: ProseBlock): WrittenAcronym[] {
  const written: WrittenAcronym[] = [];
  for (const match of allMatches(ACRONYM, block.text)) {
    const at = match.index ?? 0;
    const end = at + match[0].length;
    if (
      isShouting(block.text, at, end) ||
      NAME_AFTER.test(block.text.slice(end, end + 30)) ||
      CODE_BEFORE.test(block.text.slice(Math.max(0, at - 12), at)) ||
      isLabel(block.text, at, match[1]) ||
      isTemplateSlot(block.text, at, end) ||
      isDateFormat(block.text, at, match[1]) ||
      inShortQuotation(block.text, at, end) ||
      (match[1] === 'PO' && /^\s+box(?:es)?\b/i.test(block.text.slice(end, end + 7))) ||
      INITIAL_BEFORE.test(block.text.slice(Math.max(0, at - 4), at))
    )
      continue;
    written.push({ acronym: match[1], text: match[0], at, end });
  }
  return written;
}

interface Use {
  acronym: string;
  /** As written: "SMEs". */
  text: string;
  start: number;
  end: number;
  block: ProseBlock;
  /** Offsets in the block's text. */
  from: number;
  to: number;
}

interface Definition {
  start: number;
  end: number;
  expansion: string;
}

/** A run of capitalised words in a paragraph: "Document Object Model", "Department of Education". */
interface TitleRun {
  /** Offset of each word in the document (in the block's text, for a block's own runs). */
  starts: number[];
  words: string[];
}

const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const BETWEEN_WORDS = /^[ \t\n]+$/;
const CAPITAL_LETTERS = /\p{Lu}/gu;

function titleRuns(doc: LessonDocument): TitleRun[] {
  const runs: TitleRun[] = [];
  for (const block of doc.prose) {
    if (block.kind !== 'paragraph') continue;
    for (const run of block.derived(TITLE_RUNS, blockTitleRuns))
      runs.push({ starts: run.starts.map((at) => block.toSource(at)), words: run.words });
  }
  return runs;
}

const TITLE_RUNS = Symbol('titleRuns');

/** The title runs of one paragraph, `starts` in its text. */
function blockTitleRuns(block: ProseBlock): TitleRun[] {
  const runs: TitleRun[] = [];
  for (const { words } of blockSentences(block)) {
    for (let i = 0; i < words.length; i++) {
      if (!CAPITALISED.test(words[i].text)) continue;
      let j = i + 1;
      while (
        j < words.length &&
        BETWEEN_WORDS.test(block.text.slice(words[j - 1].end, words[j].start)) &&
        (CAPITALISED.test(words[j].text) || SMALL_WORDS.has(words[j].text))
      ) {
        j++;
      }
      const run = words.slice(i, j);
      if (run.length >= 2) runs.push({ starts: run.map((word) => word.start), words: run.map((word) => word.text) });
      i = j - 1;
    }
  }
  return runs;
}

/**
 * "The browser builds its Document Object Model": capitalised words whose capitals spell the
 * acronym exactly, without brackets, anywhere in the prose. Stricter than an expansion next to the
 * acronym, and only for three letters or more, so that "Mauna Loa" does not define "ML".
 */
function titleCaseExpansion(runs: readonly TitleRun[], letters: string): Definition | undefined {
  if (letters.length < 3) return undefined;
  for (const run of runs) {
    for (let from = 0; from < run.words.length - 1; from++) {
      if (run.words[from].charAt(0).toLowerCase() !== letters[0]) continue;
      let spelled = '';
      for (let to = from; to < run.words.length && spelled.length < letters.length; to++) {
        if (!SMALL_WORDS.has(run.words[to])) spelled += (run.words[to].match(CAPITAL_LETTERS) ?? []).join('').toLowerCase();
        if (spelled === letters && to > from)
          return { start: run.starts[from], end: run.starts[from], expansion: run.words.slice(from, to + 1).join(' ') };
      }
    }
  }
  return undefined;
}

/**
 * An expansion that follows the first use at once: in the same sentence ("**DBS check:** a check by the Disclosure
 * and Barring Service"), or a mnemonic's letters in the list right after it, with no heading between.
 */
function glossedRightAfter(doc: LessonDocument, use: Use, defined: Definition, lettered: Map<string, Definition> | undefined): boolean {
  if (defined.start - use.end > EXPANDED_RIGHT_AFTER) return false;
  if (doc.headings.some((heading) => heading.start > use.start && heading.start < defined.start)) return false;
  if (lettered?.get(use.acronym) === defined) return true;
  const between = doc.text.slice(use.end, defined.start);
  return !/[.!?](?:\s|$)/.test(between) && !between.includes('\n\n');
}

function isCandidate(acronym: string, known: ReadonlySet<string>, settings: SharedSettings): boolean {
  const letters = acronym.replace(/\d/g, '');
  if (
    letters.length < 2 ||
    letters.length > 6 ||
    CODE.test(acronym) ||
    IDENTIFIER.test(acronym) ||
    FORMULA.test(acronym) ||
    PLACEHOLDER_LETTERS.test(acronym)
  )
    return false;
  return (
    !known.has(acronym) &&
    !known.has(acronym.replace(/\d+$/, '')) &&
    !NOT_ACRONYMS.has(acronym) &&
    !ROMAN_NUMERAL.test(acronym) &&
    !isAllowed(settings, acronym)
  );
}

/** In a lesson about exam grades ("got grades BBC when he needed ABB"), runs of the letters A to E are grades, not acronyms. */
function gradesIn(text: string): string[] {
  return GRADES_NEAR.test(text) ? [...text.matchAll(GRADE_LETTERS)].map((match) => match[0]) : [];
}
const GRADE_LETTERS = /(?<![\p{L}\p{N}])[A-E]{2,4}(?![\p{L}\p{N}])/gu;
const GRADES_NEAR = /\b(?:grades|A[- ]levels?|UCAS|entry\s+requirements?)\b/i;

/** "until [DATE]", "Dear <NAME>", "[NAME, NUMBER]": a slot still to fill, which placeholder-text reports. */
function isTemplateSlot(text: string, at: number, end: number): boolean {
  const pair = `${text.charAt(at - 1)}${text.charAt(end)}`;
  if (pair === '[]' || pair === '<>' || pair === '{}') return true;
  const open = text.lastIndexOf('[', at);
  const close = text.indexOf(']', end);
  return open !== -1 && close !== -1 && SLOT_OF_CAPITALS.test(text.slice(open, close + 1));
}
const SLOT_OF_CAPITALS = /^\[[\p{Lu}\d_]+(?:(?:,\s*|\s*\/\s*|\s+)[\p{Lu}\d_]+)+\]$/u;

/** "DD/MM/YYYY", "HH:MM": a date or time as a form asks for it. */
function isDateFormat(text: string, at: number, acronym: string): boolean {
  if (!DATE_PARTS.test(acronym)) return false;
  return DATE_JOIN.test(text.charAt(at - 1)) || DATE_JOIN.test(text.charAt(at + acronym.length));
}
const DATE_PARTS = /^(?:DD|MM|YY|YYYY|HH|SS)$/;
const DATE_JOIN = /[/:.-]/;

/** "J. PATEL": a surname in capitals after an initial, as a label or a form prints it. */
const INITIAL_BEFORE = /(?:^|[^\p{L}])\p{Lu}\.[ \t]$/u;

/** "ext. XXXX": a number still to come, which placeholder-text reports. */
const PLACEHOLDER_LETTERS = /^X+$/;

/** Letters then a number name a form, a model or a version ("HC3", "FP10", "XC90"), not words to spell out; "E2EE" is an acronym. */
const CODE = /^[A-Z]{1,4}\d+$/;
/** A reference with three digits or two runs of them ("K7QZ112", "F3LM228") is a case or claim number; "B2B" and "MP3" are acronyms. */
const IDENTIFIER = /\d\D+\d|\d{3}/;
/** "CO₂", "H₂S": a chemical formula, with its subscript digits. */
const FORMULA = /[\u2080-\u2089]/;

/**
 * A mnemonic spelled out letter by letter in a list or a table's first column: "- **T — Thank** the customer",
 * "- **E — Explain** …", or one word per item ("- **Task:** …", "- **Individual:** …"). The items' letters, in order, are the
 * acronym.
 */
function spelledOutMnemonics(doc: LessonDocument): Map<string, Definition> {
  const found = new Map<string, Definition>();
  for (const list of allLists(doc)) {
    const items = listItems(list);
    if (items.length < 2 || items.length > 8) continue;
    const letters = items.map((item) => {
      const source = doc.text.slice(item.start, item.end);
      // "- **N**o **E**xtension": an item may give the mnemonic two letters, each in bold.
      const bold = [...source.matchAll(BOLD_LETTERS)].map((match) => match[1]).join('');
      return bold || (LETTER_ITEM.exec(item.text)?.[1] ?? WORD_ITEM.exec(item.text)?.[1] ?? BOLD_WORD.exec(source)?.[1]);
    });
    if (letters.some((letter) => letter === undefined)) continue;
    const acronym = letters.join('');
    if (!found.has(acronym))
      found.set(acronym, { start: items[0].start, end: items[0].end, expansion: items.map((item) => item.text).join(', ') });
  }
  for (const table of preOrder(doc.tree).filter((node): node is Table => node.type === 'table')) {
    const rows = table.children.slice(1).map((row) => row.children.map((cell) => plainText(cell).trim()));
    // A letter per row ("| L | Listen |"), or a word per row ("| Listen | Let them finish |").
    if (rows.length < 2 || rows.length > 8 || !rows.every((cells) => cells.length >= 2 && TABLE_KEY.test(cells[0]))) continue;
    const acronym = rows.map((cells) => cells[0][0]).join('');
    const { start, end } = rangeOf(table);
    if (!found.has(acronym)) found.set(acronym, { start, end, expansion: rows.map((cells) => cells[1]).join(', ') });
  }
  return found;
}
const LETTER_ITEM = /^(\p{Lu})\s*(?:[—–:=.)]|-\s|\bis\s+for\b)/u;
const WORD_ITEM = /^(\p{Lu})\p{Ll}+(?:\s+\p{Ll}+)?\s*(?:[—–:]|-\s)/u;
/** "**E**qualised": a bold capital that starts a word. */
const BOLD_LETTERS = /(?<![\p{L}*_])(?:\*\*|__)(\p{Lu})(?:\*\*|__)(?=\p{Ll})/gu;
/** A table row's key: a capital alone, or one or two words that start with one. */
const TABLE_KEY = /^\p{Lu}(?:\p{Ll}*(?:\s+\p{Ll}+)?)?$/u;
/** "- **Listen** to the whole story": an item led by a bold word. */
const BOLD_WORD = /^(?:\*\*|__)(\p{Lu})\p{Ll}*/u;
/** How far after its first use an expansion may follow, in the same section: "TEXAS was developed by … - **T — Thank** …". */
const EXPANDED_RIGHT_AFTER = 400;

/**
 * "the button labelled START", "press ACCEPT", "the word BAKERY", "the text label LW", "a red HOLD tag"; with `named`, also "a model
 * called IFS".
 */
function isLabel(text: string, at: number, acronym: string, named = true): boolean {
  const before = text.slice(Math.max(0, at - 20), at);
  if ((named ? LABEL_BEFORE : PRINTED_BEFORE).test(before)) return true;
  return (
    WORD_LIKE.test(acronym) &&
    (PRESSED_BEFORE.test(before) ||
      PRINTED_THING_AFTER.test(text.slice(at + acronym.length, at + acronym.length + 12)) ||
      LABEL_AND_BEFORE.test(text.slice(Math.max(0, at - 40), at)))
  );
}
/** "two slots, labelled COARSE and FINE": the label after another. */
const LABEL_AND_BEFORE = /\b(?:[Ll]abell?ed|[Mm]arked|[Pp]rinted)\s+["“']?\p{Lu}{2,}["”']?(?:\s*,\s*|\s+(?:and|or)\s+)["“']?$/u;
/** A word in capitals on a thing that bears it: "the HOLD shelf", "an URGENT flag". */
const PRINTED_THING_AFTER = /^\s+(?:tags?|labels?|signs?|stickers?|shel(?:f|ves)|buttons?|keys?|stamps?|flags?|notices?|boards?|bins?)\b/i;

const LABELS = Symbol('labels in capitals');

/**
 * The words in capitals that the lesson shows somewhere as printed: "Practice: respace BAKERY" after "the word BAKERY". A name
 * ("a model called IFS") may still be an acronym.
 */
function labelsOf(doc: LessonDocument): Set<string> {
  const labels = new Set<string>();
  for (const block of doc.prose)
    for (const match of allMatches(ACRONYM, block.text)) if (isLabel(block.text, match.index ?? 0, match[1], false)) labels.add(match[1]);
  return labels;
}

const CODES = Symbol('codes in capitals');

/**
 * Capitals the lesson uses as codes, not as acronyms: a table column of codes beside what each means ("| Addressee deceased |
 * DC |", "| GA |", "| RF |"), a list of them each followed by what it is, and a capital named a code ("reason code ADDR", "codes
 * starting OS"). What a code stands for is
 * no expansion to ask for: the legend or the system says it. A column that mixes codes with words ("EDTA", "Sodium citrate")
 * names things, which may be acronyms.
 */
function codesOf(doc: LessonDocument): Set<string> {
  const codes = new Set<string>();
  for (const table of preOrder(doc.tree).filter((node): node is Table => node.type === 'table')) {
    const rows = table.children.slice(1).map((row) => row.children.map((cell) => plainText(cell).trim()));
    if (rows.length < 2) continue;
    const width = Math.max(0, ...rows.map((cells) => cells.length));
    // Each row's cells of words, counted once: a column is explained where every row has one in another column.
    const words = rows.map((cells) => cells.filter((cell) => WORDS_CELL.test(cell)).length);
    for (let column = 0; column < width; column++) {
      const cells = rows.map((cells) => cells[column] ?? '');
      // "| Roots | RF (fine), RT (tap), RM (mass) | …": a cell may list several codes, each with what it is.
      if (!cells.every((cell) => CODE_CELL.test(cell) || CODE_LIST_CELL.test(cell))) continue;
      // A code cell is no cell of words, so every row's words lie in the other columns.
      if (words.every((count) => count > 0)) for (const cell of cells) for (const code of cell.match(CODE_IN_CELL) ?? []) codes.add(code);
    }
  }
  for (const block of doc.prose)
    for (const match of allMatches(ACRONYM, block.text)) {
      const at = match.index ?? 0;
      if (NAMED_A_CODE.test(block.text.slice(Math.max(0, at - 30), at))) codes.add(match[1]);
    }
  // A list that says what each is: "- **PAN:** the side-on view …", "- **REAR:** the view from behind the field".
  for (const list of allLists(doc))
    for (const item of listItems(list)) {
      const legend = LEGEND_ITEM.exec(item.text);
      if (legend) codes.add(legend[1]);
    }
  return codes;
}
const LEGEND_ITEM = /^(\p{Lu}[\p{Lu}\p{N}-]{1,9})\s*[:–—]\s+\p{L}+\s+\p{L}+/u;

/** "DC", "GA", and with them the "U", "12A" and "15" of a column of film ratings. */
const CODE_CELL = /^[\p{Lu}\p{N}][\p{Lu}\p{N}]{0,5}$/u;
const CODE_LIST_CELL = /^[\p{Lu}\p{N}]{1,6}(?:\s*\([^()]*\))?(?:\s*,\s*[\p{Lu}\p{N}]{1,6}(?:\s*\([^()]*\))?)+$/u;
const CODE_IN_CELL = /(?<![\p{L}\p{N}(])[\p{Lu}\p{N}]{1,6}(?![\p{L}\p{N}])(?![^(]*\))/gu;
const WORDS_CELL = /\p{L}{2,}\s+\p{L}{2,}|^\p{Lu}\p{Ll}{2,}$/u;
const NAMED_A_CODE = /\bcodes?\s+(?:(?:starting|beginning)\s+(?:with\s+)?)?[*_"“'`]{0,2}$/i;

/** "DO NOT EDIT": capitals next to capitals are emphasis, not acronyms. */
function isShouting(text: string, at: number, end: number): boolean {
  return CAPS_WORD_BEFORE.test(text.slice(Math.max(0, at - 20), at)) || CAPS_WORD_AFTER.test(text.slice(end, end + 20));
}

function initials(acronym: string): string {
  return acronym.replace(/\d/g, '').toLowerCase();
}

/** The words next to an acronym whose initials spell it, in either order, or undefined. */
function expansionAround(text: string, at: number, end: number, letters: string): string | undefined {
  const gloss = /\(\s*$/.test(text.slice(Math.max(0, at - 3), at)) ? GLOSS_IN_BRACKETS.exec(text.slice(end, end + 200)) : null;
  if (gloss) return gloss[1];
  const from = Math.max(0, at - 120);
  const link = BEFORE_LINK.exec(text.slice(from, at));
  if (link) {
    const head = text.slice(from, from + link.index);
    const words = [...head.matchAll(EXPANSION_WORD)];
    const last = words.at(-1);
    // "the Copyright, Designs and Patents Act 1988 (CDPA)": a law's year may stand between its words and the acronym.
    if (last && YEAR_OR_NOTHING.test(head.slice((last.index ?? 0) + last[0].length))) {
      for (let count = 1; count <= Math.min(words.length, letters.length + MAX_EXTRA_WORDS); count++) {
        const candidate = words.slice(words.length - count);
        if (
          spells(
            letters,
            candidate.map((word) => word[0]),
          )
        )
          return head.slice(candidate[0].index, (last.index ?? 0) + last[0].length);
      }
      // "carbon monoxide (CO)": in brackets right after the words, letters from inside them count too.
      if (link[0].startsWith('(') && /^\s*\)/.test(text.slice(end, end + 3))) {
        const start = lettersInOrder(letters, head, words.slice(-(letters.length + MAX_EXTRA_WORDS)));
        if (start !== undefined) return head.slice(start, (last.index ?? 0) + last[0].length);
      }
    }
  }
  const after = text.slice(end, end + 160);
  const opening = AFTER_LINK.exec(after) ?? NAMED_THING_THEN_BRACKET.exec(after);
  if (opening) {
    const rest = after.slice(opening[0].length);
    // A mnemonic lists its words: "TILE (Task, Individual, Load, Environment)", "STAR method (situation, task, action and result)".
    const bracket = opening[0].trimEnd().endsWith('(');
    const colon = opening[0].trimEnd().endsWith(':');
    const items = bracket ? MNEMONIC.exec(rest) : colon ? ITEMS_AFTER_COLON.exec(rest) : null;
    if (items && itemsSpell(letters, items[1])) return items[1];
    const listed = bracket ? MNEMONIC.exec(rest) : colon ? LISTED_AFTER_COLON.exec(rest) : null;
    const phrase = listed ? listed[1].replace(/,\s*(?:and\s+|&\s*)?|\s+(?:and|&|[–—-])\s+/g, ' ') : rest.split(/[),;.:!?\n]/, 1)[0];
    const words = [...phrase.matchAll(EXPANSION_WORD)].slice(0, letters.length + MAX_EXTRA_WORDS);
    for (let count = words.length; count >= 1; count--) {
      const candidate = words.slice(0, count);
      const lastWord = candidate[count - 1];
      if (
        spells(
          letters,
          candidate.map((word) => word[0]),
        )
      )
        return phrase.slice(candidate[0].index, (lastWord.index ?? 0) + lastWord[0].length);
    }
  }
  return undefined;
}

/**
 * Where the expansion starts when the acronym's letters appear in order in the words before it, the first one a word's first
 * letter (Schwartz and Hearst's test of a definition in brackets), or undefined.
 */
function lettersInOrder(letters: string, text: string, words: readonly RegExpMatchArray[]): number | undefined {
  if (words.length === 0) return undefined;
  const from = words[0].index ?? 0;
  const lower = text.toLowerCase();
  const before = (letter: string, end: number) => (end <= from ? -1 : lower.lastIndexOf(letter, end - 1));
  let at = lower.length;
  for (let index = letters.length - 1; index >= 0; index--) {
    at = before(letters[index], at);
    while (index === 0 && at >= from && !words.some((word) => word.index === at)) at = before(letters[index], at);
    if (at < from) return undefined;
  }
  const first = words.find((word) => word.index === at);
  return first && !SMALL_WORDS.has(first[0].toLowerCase()) ? at : undefined;
}

const ITEM_SEPARATOR = /\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/;

/** "Listen, Empathise, Agree a plan, Progress" spells LEAP: one item per letter, by its first word. */
function itemsSpell(letters: string, list: string): boolean {
  const items = list.split(ITEM_SEPARATOR).map((item) => item.trim());
  return (
    items.length === letters.length && items.length >= 2 && items.every((item, index) => item.charAt(0).toLowerCase() === letters[index])
  );
}

/**
 * Whether the words plausibly spell the letters: each word gives its first letter (or is a small
 * word left out), and may give more letters from inside it, in order ("JavaScript Object
 * Notation" is JSON, "Secure Shell" is SSH).
 */
export function spells(letters: string, words: readonly string[]): boolean {
  const lower = words.map((word) => word.toLowerCase());
  if (!words.some((word) => LOWER_CASE.test(word))) return false;
  if (lower.length === 0 || SMALL_WORDS.has(lower[0]) || SMALL_WORDS.has(lower[lower.length - 1])) return false;
  const seen = new Set<number>();
  const match = (letter: number, word: number): boolean => {
    if (word === lower.length) return letter === letters.length;
    const key = letter * 64 + word;
    if (seen.has(key)) return false;
    seen.add(key);
    const current = lower[word];
    if (SMALL_WORDS.has(current) && match(letter, word + 1)) return true;
    if (letter >= letters.length) return false;
    const first = current[0] === letters[letter] || (letters[letter] === 'x' && current.startsWith('ex'));
    if (!first) return false;
    let position = 1;
    for (let next = letter + 1; ; next++) {
      if (match(next, word + 1)) return true;
      if (next >= letters.length) return false;
      const found = current.indexOf(letters[next], position);
      if (found === -1) return false;
      position = found + 1;
    }
  };
  return match(0, 0);
}

/** "Key performance indicators" opened a sentence; inside another it is "key performance indicators". */
function inSentence(expansion: string): string {
  return SENTENCE_CASE.test(expansion) ? expansion.charAt(0).toLowerCase() + expansion.slice(1) : expansion;
}

function expandHere(source: string, use: Use, expansion: string): Fix[] {
  if (source.slice(use.start, use.end) !== use.text) return [];
  const words = isSentenceStart(use.block.text, use.from) ? expansion.charAt(0).toUpperCase() + expansion.slice(1) : inSentence(expansion);
  const edits = [
    { start: use.start, end: use.start, text: `${words} (` },
    { start: use.end, end: use.end, text: ')' },
  ];
  // "an SME" becomes "a subject matter expert (SME)".
  const article = /\b(an?)(\s+)$/i.exec(use.block.text.slice(Math.max(0, use.from - 4), use.from));
  if (article) {
    const wanted = /^[aeiou]/i.test(words) ? 'an' : 'a';
    const at = use.start - article[0].length;
    if (article[1].toLowerCase() !== wanted && source.slice(at, use.start) === article[0]) {
      edits.unshift({
        start: at,
        end: at + article[1].length,
        text: article[1].charAt(0) === 'A' ? wanted.charAt(0).toUpperCase() + wanted.slice(1) : wanted,
      });
    }
  }
  return [{ title: `Spell out "${use.text}" here: "${words} (${use.text})"`, edits }];
}
