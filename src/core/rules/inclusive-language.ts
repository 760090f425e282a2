import { patterns as EQUALITY_PATTERNS, type Pattern } from '#equality-patterns';
import { z } from 'zod';
import { findPractice } from '../analysis/lessonParts';
import { KNOWLEDGE_CHECK, PRACTICE } from '../analysis/vocabulary';
import { findParts } from '../analysis/structure';
import type { ProseBlock } from '../document/prose';
import { overlaps, type OffsetRange } from '../types/range';
import { insideQuotation, isAllowed, sentenceAround } from '../prose';
import { allMatches } from '../text/matches';
import { defineRule, type Fix, type Report, type SharedSettings } from './rule';
import { oneLine } from '../text/pattern';
import { ANIMALS, BIRD_SENSE, BIRDS, CONTEXT } from './inclusive/senses';
import { WORKPLACE_CUE, WORKPLACE_TERMS } from './inclusive/workplaceTerms';

export const INCLUSION_CATEGORIES = ['gendered', 'disability', 'identity', 'tech-metaphors', 'condescending'] as const;
type InclusionCategory = (typeof INCLUSION_CATEGORIES)[number];

/**
 * retext-equality's list marks a pattern female, male or "a" (any). These sort the "a" patterns by
 * what they are about, so that a team can choose: technical metaphors (master/slave, sane defaults),
 * words that belittle a task ("just", "obviously"), identity terms, and the rest (disability, illness,
 * mental health).
 */
const TECH_METAPHORS = new Set(['master', 'masters', 'master-key', 'slave', 'slaves', 'sane', 'dummy', 'hang']);
/** Metaphors of black for bad and white for good, and of a racist law: about race, so checked with identity terms by default. */
const RACE_METAPHORS = new Set([
  'blacklist',
  'blacklisted',
  'blacklisting',
  'whitelist',
  'whitelisted',
  'whitelisting',
  'blackhat',
  'whitehat',
  'grandfather-clause',
  'grandfathered',
  'grandfathering',
]);
const CONDESCENDING = new Set([
  'basically',
  'clearly',
  'easy',
  'everyone-knows',
  'just',
  'obvious',
  'of-course',
  'simple',
  'straightforward',
]);
const IDENTITY = new Set([
  'bi',
  'eskimo',
  'eskimos',
  'fag',
  'gay-agenda',
  'gay-lifestyle',
  'gay-rights',
  'gender-pronoun',
  'goy',
  'gyp',
  'heshe',
  'hermaphrodite',
  'hermaphroditic',
  'homosexual',
  'homosexual-couple',
  'homosexual-relations',
  'hymie',
  'indian-country',
  'indian-give',
  'islamist',
  'islamists',
  'japs',
  'latino',
  'long-time-no-see',
  'make-*-great-again',
  'natives-are-restless',
  'nonwhite',
  'off-reserve',
  'on-the-warpath',
  'oriental',
  'orientals',
  'pinoys',
  'powwow',
  'redskin',
  'redskins',
  'savage',
  'sex-change-operation',
  'sexchange',
  'sexual-preference',
  'sophisticated-culture',
  'sophisticated-technology',
  'spade',
  'born-a-man',
  'born-a-woman',
  'too-many-chiefs',
  'totem',
  'towel-heads',
  'tranny',
  'transgendered',
  'transgenderism',
  'transgenders',
  'transvestite',
  'tribe',
  'ghetto',
  'bathroom-bill',
  'libtard',
]);
/** "a" patterns that are gendered all the same: "man the phones", "manned", "poetess". */
const GENDERED_ANY = new Set([
  'ancient-man',
  'average-housewife',
  'average-man',
  'average-working-man',
  'brotherhood-of-man',
  'calendar-girl',
  'call-girl',
  'churchman',
  'englishmen',
  'english-master',
  'father-of-*',
  'man-a-desk',
  'man-in-the-street',
  'man-of-the-land',
  'man-the-booth',
  'man-the-fort',
  'man-the-phones',
  'manned',
  'unmanned',
  'mans-best-friend',
  'mansized-task',
  'men-of-science',
  'modern-man',
  'industrial-man',
  'no-mans-land',
  'office-girls',
  'railwayman',
  'stockman',
  'tax-man',
  'tradesmans-entrance',
  'sportsmanlike',
  'sportsmanship',
  'statesmanlike',
  'woman-lawyer',
  'woman-painter',
  'working-wife',
  'lady-doctor',
  'leading-lady',
  'authoress',
  'aviatrix',
  'executrix',
  'poetess',
  'usherette',
  'maiden',
  'maiden-race',
  'maiden-speech',
  'housemaid',
  'wifebeater',
  'moan',
  'moaning',
]);
/** Alternatives of the list that no style guide recommends. */
const ODD_ALTERNATIVES = /^(?:alright|wrong)list/;
/** Not about people at all, or a job title for every gender ("midwife" is the legal title, for men too). */
const EXCLUDED = new Set(['bugreport', 'midwife']);

/**
 * Words whose everyday sense in a technical lesson is not about people: a list's `pop`, a web
 * `host`, an `invalid` or `disabled` input, a `primitive` type, a `special` character, the
 * `mental` model, `dummy` variables, a process that `hangs`. Measured on the corpus, these were
 * technical in every case read; the rest of the list stays.
 */
const TECHNICAL_SENSES = new Set([
  'pop',
  'host',
  'hosts',
  'invalid',
  'disabled',
  'primitive',
  'special',
  'mental',
  'dummy',
  'hang',
  'hanged',
  'bi',
]);

/**
 * Ordinary words for people, relatives and titles (woman, men, sister, king), and male forms that are
 * neutral in today's use (hero, actor, host, fellow): a lesson about "women in tech" or "your younger
 * sister" is not exclusionary. Gendered job titles (chairman, salesman, stewardess), generic "man"
 * words (mankind, manpower, man-hours), "guys" as an address, and a lone pronoun for an unknown
 * person stay.
 */
const ORDINARY_PEOPLE_WORDS = new Set(
  (
    'woman women man men lady ladies gentleman gentlemen girl girls boy boys gal gals guy lad lads fellow dude dudes bro female ' +
    'females male males ' +
    'mother mothers father fathers mom moms mum mums dad dads mama mamas papa papas daddy daddies momma mommas mommy mommies ' +
    'son sons daughter daughters brother brothers sister sisters aunt aunts uncle uncles niece nieces nephew nephews kinsman ' +
    'kinsmen kinswoman kinswomen ' +
    'grandmother grandmothers grandfather grandfathers grandma grandpa granny gramps granddaddy grandpappy granddaughter ' +
    'granddaughters grandson grandsons ' +
    'husband husbands wife wives bride groom boyfriend boyfriends girlfriend girlfriends widow widows widower widowers ' +
    'stepmother stepfather stepmom stepdad stepmothers stepfathers stepbrother stepbrothers stepsister stepsisters ' +
    'king kings queen queens emperor emperors empress empresses prince princes princess princesses lord lords dame dames ' +
    'hero heroes actor actors host hosts steward stewards waiter waiters alumni alumnus alumna alumnae landlord landlords ' +
    'maternal paternal fraternal maternity paternity godmother godfather girlhood boyhood motherly fellowship'
  ).split(' '),
);
/** People named by a word that says their gender: a pronoun for them is correct usage. */
const GENDERED_PEOPLE = new Set(
  (
    'boy girl gentleman lady mother father mum dad mom son daughter brother sister husband wife aunt uncle niece nephew ' +
    'grandmother grandfather grandson granddaughter widow widower boyfriend girlfriend'
  ).split(' '),
);
const MAN_OR_WOMAN = new Set(['man', 'woman']);
/** "a son", "her father", "the client's husband": one person, not a saying ("the best man for the job"). */
const PERSON_BEFORE = /(?:\b(?:a|an|the|her|his|their|your|my|our)|['’]s)\s+(?:[\p{L}-]+\s+)?$/iu;
/** Pronoun patterns: flagged only when the person they stand for is a generic role ("a learner … he"), not a named one ("Nelle … she"). */
const PRONOUNS = new Set(['he-she', 'her-him', 'herself-himself']);
const ROLES = new Set(
  (
    'user learner student developer programmer coder person someone somebody anyone anybody everyone everybody nobody customer ' +
    'client reader researcher ' +
    'scientist engineer instructor teacher trainer tutor participant employee colleague caller agent author writer owner ' +
    'collaborator contributor maintainer ' +
    'reviewer tester admin administrator manager doctor nurse patient applicant candidate visitor member attendee trainee novice ' +
    'beginner expert analyst player ' +
    'speaker listener viewer subscriber buyer seller worker partner individual human lawyer driver pilot officer citizen child kid ' +
    'parent guest operator ' +
    'neighbour neighbor boss supervisor intern volunteer helper adviser advisor rep representative cashier clerk associate picker ' +
    'packer loader cleaner ' +
    'receptionist technician coordinator assistant operative porter courier consultant planner salesperson seller handler steward attendant'
  ).split(' '),
);
/**
 * Words that make a role generic: "a learner", "each user", "any developer"; "the" only for the roles that are generic with it ("the user",
 * "the reader").
 */
const GENERIC_DETERMINER = /\b(?:an?|any|each|every|one|no|some|another|your)\s+(?:[\p{L}-]+\s+)?$/iu;
const GENERIC_WITH_THE = new Set([
  'user',
  'learner',
  'reader',
  'student',
  'developer',
  'programmer',
  'customer',
  'client',
  'caller',
  'participant',
  'trainee',
  'visitor',
  'player',
  'applicant',
  'candidate',
]);
const INDEFINITE_PRONOUNS = new Set(['someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'nobody']);
/** Capitalised words that start sentences or name things, not people. */
const NOT_NAMES = new Set(
  (
    'the this that these those a an in on at for if when then now next once after before so but and or we you it they our your her ' +
    'his she he i ' +
    'let here there what which who how why each every all some to with as by from of note see also however finally first second ' +
    'third then there ' +
    'my me is are was be can will would should could may might must do does did not no yes one two three'
  ).split(' '),
);

function categoryOf(pattern: Pattern): InclusionCategory | undefined {
  if (EXCLUDED.has(pattern.id)) return undefined;
  if (TECH_METAPHORS.has(pattern.id)) return 'tech-metaphors';
  if (RACE_METAPHORS.has(pattern.id)) return 'identity';
  if (CONDESCENDING.has(pattern.id)) return 'condescending';
  if (IDENTITY.has(pattern.id)) return 'identity';
  if (GENDERED_ANY.has(pattern.id) || pattern.categories.some((category) => category === 'female' || category === 'male'))
    return 'gendered';
  return 'disability';
}

interface Phrase {
  pattern: Pattern;
  category: InclusionCategory;
  /** Lower-case words; `*` is any one word. */
  words: string[];
  /** Upper-case phrases ("ADD", "Gipsy") match only as written. */
  exact: string[] | undefined;
  phrase: string;
  /** female, male or a: an "or" pattern is fine when both forms stand together ("he or she"). */
  form: string;
}

/** The pattern list, indexed by first word once when the module loads. */
const BY_FIRST_WORD: ReadonlyMap<string, readonly Phrase[]> = (() => {
  const index = new Map<string, Phrase[]>();
  for (const pattern of EQUALITY_PATTERNS) {
    const category = categoryOf(pattern);
    if (!category) continue;
    for (const [phrase, form] of Object.entries(pattern.inconsiderate)) {
      if (phrase.includes('.')) continue;
      const words = phrase.split(/\s+/).map((word) => normalise(word, pattern.apostrophe === true));
      const entry = { pattern, category, words, exact: phrase === phrase.toLowerCase() ? undefined : phrase.split(/\s+/), phrase, form };
      const list = index.get(words[0]) ?? [];
      list.push(entry);
      index.set(words[0], list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
})();

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function normalise(word: string, keepApostrophes: boolean): string {
  const lower = word.includes('’') ? word.toLowerCase().replace(/’/g, "'") : word.toLowerCase();
  return keepApostrophes || !lower.includes("'") ? lower : lower.replace(/'/g, '');
}

interface Token {
  raw: string;
  plain: string;
  withApostrophe: string;
  start: number;
  end: number;
  /** Whether the word brings a generic role or a named person into scope. */
  antecedent: keyof Antecedent | undefined;
  /** The phrases of the list that start with this word, longest first. */
  candidates: readonly Phrase[] | undefined;
}

interface Match {
  entry: Phrase;
  /** Offsets in the block's text. */
  start: number;
  end: number;
}

/**
 * Who a pronoun can stand for, in this paragraph or the one before: a generic role ("a learner",
 * "the user", "someone") or a named person ("Nelle", "the Collaborator"). A name in scope wins; so
 * does a pronoun that came first, which speaks of a persona introduced earlier.
 */
interface Antecedent {
  /** Paragraphs since the last generic role. */
  role: number;
  /** Paragraphs since the last named person. */
  name: number;
}
const OUT_OF_SCOPE = 2;

export default defineRule({
  id: 'inclusive-language',
  category: 'inclusion',
  description: 'No gendered, ableist or otherwise exclusionary terms where a neutral one works (word list of retext-equality).',
  defaultSeverity: 'info',
  options: z
    .object({
      categories: z
        .array(z.enum(INCLUSION_CATEGORIES))
        .default(['gendered', 'disability', 'identity'])
        .describe(
          'Which groups of terms to check: "gendered" (chairman, mankind, a lone he/she), "disability" (crazy, lame, ' +
            'suffers from), "identity" (race, religion, sexuality, blacklist/whitelist), ' +
            '"tech-metaphors" (master/slave, sane defaults, dummy values), "condescending" (just, simply, obviously, of course).',
        ),
      allow: z
        .array(z.string())
        .default([])
        .describe('Terms never flagged (as written in the lesson, or a retext-equality pattern id such as "he-she").'),
    })
    .strict(),
  docs: {
    rationale:
      'Words that assume a gender, use a disability as an insult, or label a group push some learners out of the lesson, ' +
      'usually without the author meaning it. ' +
      'The terms come from retext-equality\'s maintained list; a pair such as "he or she" or "his/her" is accepted, ' +
      'a lone "he" for an unknown person is not, while "she" for a named person, or for one a word already gives a gender ' +
      '("a daughter … her mother"), is correct usage, and so is a pronoun in a practice scenario or its feedback, which ' +
      'speaks of the scenario\'s people. In workplace prose: "man the gate", "tell mum", "mums and dads", ' +
      '"the disabled" as a group, "go mental", "diabetics", "every man on the crew", and a group told by age or sex said to ' +
      'fail as a group ("older callers are often hopeless with…", "mums tend to leave it…"; not "older people are more at risk of ' +
      'a fall"); not "manhole", the drainage trade\'s name for a chamber a person ' +
      'can enter (an inspection chamber is a smaller one, so the usual swap would be wrong). ' +
      "Technical senses that are common in lessons (a list's `pop`, a web `host`, an `invalid` input, " +
      'a `primitive` type) are never flagged. ' +
      'Blacklist/whitelist and "sanity check" are flagged; ' +
      'the technical metaphor master/slave and words such as "just" or "obviously" are off by default: ' +
      'turn on "tech-metaphors" or "condescending" to check them. A word talked about rather than used ("sometimes called oriental ' +
      'in older catalogues", "the term …") is left alone, and so is a pronoun in someone\'s quoted words or in a quiz\'s scenario ' +
      '("The caller tells you her husband died last week. Which form do you send?"); "challenged" is flagged only as in ' +
      '"physically challenged", not "successfully challenged". A hatchery\'s "chicks" are birds, and a horse named in the ' +
      'paragraph is "lame" in its gait. A "hearing impairment" is a condition, not a name for people ("the hearing impaired" is), ' +
      'an "epileptic seizure" is an event, and drivers "blinded by spray" or "by the low sun" are not a figure of speech.',
    howToFix:
      'Use the neutral term offered in the lightbulb ("chair", "staff hours", "they"), or rephrase. ' +
      'A word that is right in your context, such as a name or a quotation, ' +
      "can be allowed for the team in `.coursereview.json` (`allow.terms`), in this rule's `allow` option, or in one place with " +
      '`<!-- course-review-disable-next-line inclusive-language -->`.',
  },
  check({ doc, options, settings, report }) {
    const categories = new Set(options.categories);
    const allowed = new Set(options.allow.map((term) => term.toLowerCase()));
    const search: Search = { categories, allowed, key: `${[...categories].join()}|${[...allowed].join('\n')}` };
    const antecedent: Antecedent = { role: OUT_OF_SCOPE, name: OUT_OF_SCOPE };
    let aboutBirds: boolean | undefined;
    // "A woman shows you a licence…", "Check whether she is conscious": a scenario's people, in its prompt or its feedback.
    let scenarios: readonly OffsetRange[] | undefined;
    // So are a quiz's questions ("The customer tells you her father died last month. What do you do?").
    const inScenario = (at: number) =>
      (scenarios ??= [...findPractice(doc, PRACTICE), ...findParts(doc, KNOWLEDGE_CHECK)]).some(
        (item) => item.start <= at && at < item.end,
      );
    for (const block of doc.prose) {
      antecedent.role++;
      antecedent.name++;
      // A paragraph that calls a generic role "he" says it again and again: once is enough to point it out.
      let pronounReported = false;
      const reported: Array<{ start: number; end: number }> = [];
      for (const match of blockMatches(block, search, antecedent)) {
        const text = block.text.slice(match.start, match.end);
        if (isAllowed(settings, text) || inProperName(block.text, match.start, match.end) || isMentioned(block.text, match.start)) continue;
        if (BIRD_SENSE.has(match.entry.phrase) && (aboutBirds ??= BIRDS.test(doc.text))) continue;
        if (match.entry.phrase === 'lame' && ANIMALS.test(block.text)) continue;
        const pronoun = PRONOUNS.has(match.entry.pattern.id);
        if (pronoun && pronounReported) continue;
        const range = locate(doc.text, block, match.start, match.end);
        // "She wasn't angry about the money any more": a pronoun in someone's words is theirs, about someone they know.
        if (pronoun && (inScenario(range.start) || insideQuotation(block.text, match.start))) continue;
        pronounReported ||= pronoun;
        const exact = doc.text.slice(range.start, range.end) === text;
        const gitBranch = match.entry.phrase === 'master' && /^\s+branch/i.test(block.text.slice(match.end, match.end + 10));
        const alternatives = (gitBranch ? ['main'] : Object.keys(match.entry.pattern.considerate ?? {}))
          .filter((term) => (!PRONOUNS.has(match.entry.pattern.id) || term !== 'it') && !ODD_ALTERNATIVES.test(term))
          .map((term) => matchCase(term, text));
        reported.push(range);
        report({ ...range, message: message(text, match.entry, alternatives), suggestions: exact ? suggestions(range, alternatives) : [] });
      }
      if (categories.has('gendered')) reportWorkplaceTerms(doc.text, block, allowed, settings, reported, report);
      if (categories.has('identity')) reportStereotypes(doc.text, block, settings, reported, report);
    }
  },
});

/** "sometimes called oriental in older literature", "the term 'blacklist'": the word is talked about, not used of anyone. */
function isMentioned(text: string, at: number): boolean {
  return MENTIONED_BEFORE.test(text.slice(Math.max(0, at - 30), at));
}
const MENTIONED_BEFORE = new RegExp(
  oneLine`
    \b(?:(?:sometimes|once|formerly|also|often|traditionally|previously|still)\s+(?:called|known\s+as|termed)|the\s+(?:word|term|
    label))\s+["“'‘]?$`,
  'i',
);

/** "He was a railway signalman for 40 years", "Arthur, a retired signalman": the job one person held, told as it was. */
const SAID_OF_ONE_PERSON = new RegExp(
  oneLine`
    (?:\b(?:[Hh]e|[Ss]he)\s+(?:was|is|had\s+been|has\s+been|used\s+to\s+be|worked\s+as|trained\s+as)|(?!(?:However|Then|Next|
    First|Finally|Also|Now|Remember|Today|Meanwhile|Instead|Otherwise|Still|Here|There|Afterwards|Later|Again|Yes|No|So|Often|
    Usually|Sometimes)\b)\p{Lu}\p{Ll}+,)\s+
    (?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){0,2}$`,
  'u',
);

/**
 * A group of people told by age or sex, said to fail as a group: "Older members are often hopeless with online banking", "Elderly
 * passengers usually get in a muddle", "With older customers, keep it simple; they can't follow technical talk", "Dads tend to leave
 * it to the last minute". What someone needs is told of anyone who needs it; "older people are more at risk of falls" is no failing.
 */
const STEREOTYPED_GROUP = new RegExp(
  oneLine`
    (?<![\p{L}-])(?:(?:older|elderly|old|young|younger|teenage)\s+(?:people|customers|members|patients|passengers|callers|clients|
    users|drivers|staff|workers|colleagues|residents|guests|visitors|applicants|learners|shoppers)|women|men|girls|boys|mums|moms|
    dads|mothers|fathers|husbands|wives|pensioners|the\s+elderly|foreigners)(?![\p{L}-])`,
  'giu',
);
const FAILING = new RegExp(
  oneLine`
    (?<![\p{L}-])(?:(?:are|is)\s+(?:(?:often|usually|always|generally|mostly)\s+)?(?:hopeless|useless|clueless|bad|no\s+good|not\s+good)
    (?:\s+(?:at|with))?|(?:are|is)\s+(?:often|usually|always|generally|mostly)\s+(?:confused|forgetful|slow|awkward|difficult)|
    (?:can['’]t|cannot|won['’]t|don['’]t|never)\s+(?:follow|cope|manage|understand|use|handle|work)|
    (?:usually|often|always|tend\s+to)\s+(?:get\s+(?:in\s+)?(?:a\s+)?(?:muddle|confused|flustered)|struggle|panic|forget|
    leave\s+[\p{L}\s]{0,30}?to\s+the\s+last\s+minute)|get\s+in\s+a\s+muddle|tend\s+to\s+leave)(?![\p{L}-])`,
  'iu',
);

function reportStereotypes(
  source: string,
  block: ProseBlock,
  settings: SharedSettings,
  reported: ReadonlyArray<{ start: number; end: number }>,
  report: (report: Report) => void,
): void {
  if (!FAILING.test(block.text)) return;
  const sentences = new Set<number>();
  for (const match of allMatches(STEREOTYPED_GROUP, block.text)) {
    const { start, end } = sentenceAround(block.text, match.index);
    if (sentences.has(start) || !FAILING.test(block.text.slice(match.index, end)) || isAllowed(settings, match[0])) continue;
    sentences.add(start);
    if (sentenceReported(block, { start, end }, reported)) continue;
    const range = locate(source, block, match.index, match.index + match[0].length);
    report({
      ...range,
      message: `Unexpected "${match[0]}" said to fail as a group, expected what a person may need, said of anyone who needs it.`,
    });
  }
}

/** Whether a finding was reported in the sentence (offsets in the block's text). */
function sentenceReported(block: ProseBlock, sentence: OffsetRange, reported: ReadonlyArray<OffsetRange>): boolean {
  const whole = block.sourceRange(sentence.start, sentence.end);
  return reported.some((earlier) => overlaps(earlier, whole));
}

function reportWorkplaceTerms(
  source: string,
  block: ProseBlock,
  allowed: ReadonlySet<string>,
  settings: SharedSettings,
  reported: ReadonlyArray<{ start: number; end: number }>,
  report: (report: Report) => void,
): void {
  if (!WORKPLACE_CUE.test(block.text)) return;
  // One finding a sentence: "some are alcoholics or schizophrenics" is one phrase to rewrite.
  const sentences = new Set<number>();
  for (const { pattern, alternatives } of WORKPLACE_TERMS) {
    for (const match of allMatches(pattern, block.text)) {
      const text = match[0];
      if (allowed.has(text.toLowerCase()) || isAllowed(settings, text)) continue;
      const around = sentenceAround(block.text, match.index);
      if (SAID_OF_ONE_PERSON.test(block.text.slice(around.start, match.index))) continue;
      if (sentences.has(around.start)) continue;
      sentences.add(around.start);
      // "Every man on the lift checks his own harness": one sentence to rewrite, already reported at "his".
      if (sentenceReported(block, around, reported)) continue;
      const range = locate(source, block, match.index, match.index + text.length);
      const exact = source.slice(range.start, range.end) === text;
      const terms = alternatives.map((term) => matchCase(term, text));
      const listed = terms.map((term) => `"${term}"`);
      const options = listed.length > 1 ? `${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}` : listed[0];
      report({
        ...range,
        message: `Unexpected "${text}", expected a term that includes everyone, such as ${options}.`,
        suggestions: exact ? suggestions(range, terms) : [],
      });
    }
  }
}

/**
 * "the Financial Ombudsman Service", "Ombudsman Services": a capitalised term inside a name is the name of a body, not a choice of words.
 */
function inProperName(text: string, start: number, end: number): boolean {
  if (!/^\p{Lu}/u.test(text.slice(start, end))) return false;
  // "an Ombudsman finding": an office that keeps its statutory name, capitalised inside a sentence.
  if (/^ombudsm[ae]n$/i.test(text.slice(start, end)) && !/(?:^|[.!?:]["')\]]*)\s*$/.test(text.slice(Math.max(0, start - 8), start)))
    return true;
  return (
    /(?<![.!?:]\s{0,8})(?:^|\s)\p{Lu}[\p{L}'’-]*\s+$/u.test(text.slice(Math.max(0, start - 30), start)) ||
    /^\s+\p{Lu}[\p{L}'’-]*/u.test(text.slice(end, end + 30))
  );
}

/** The match's place in the source; where the block's text was rewritten (escapes, entities), the same word nearby. */
function locate(source: string, block: ProseBlock, start: number, end: number): { start: number; end: number } {
  const range = block.sourceRange(start, end);
  const text = block.text.slice(start, end);
  if (source.slice(range.start, range.end) === text) return range;
  const at = source.slice(range.start, block.end).toLowerCase().indexOf(text.toLowerCase());
  return at === -1 ? range : { start: range.start + at, end: range.start + at + text.length };
}

const TOKENS = Symbol('inclusiveTokens');

/** The words of a block, read once per block text. */
function tokensOf(block: ProseBlock): Token[] {
  const text = block.text;
  const tokens: Token[] = [];
  for (const word of allMatches(WORD, text)) {
    const start = word.index;
    const withApostrophe = normalise(word[0], true);
    const plain = withApostrophe.includes("'") ? withApostrophe.replace(/'/g, '') : withApostrophe;
    const candidates = BY_FIRST_WORD.get(plain) ?? BY_FIRST_WORD.get(withApostrophe);
    tokens.push({ raw: word[0], plain, withApostrophe, start, end: start + word[0].length, antecedent: undefined, candidates });
  }
  for (let index = 0; index < tokens.length; index++) tokens[index].antecedent = antecedentKind(text, tokens[index], tokens[index + 1]);
  return tokens;
}

const MATCHES = Symbol('inclusiveMatches');

/** The rule's options, and a key that tells them apart among a block's facts. */
interface Search {
  categories: ReadonlySet<InclusionCategory>;
  allowed: ReadonlySet<string>;
  key: string;
}

interface BlockMatches {
  matches: Match[];
  /** Who pronouns can stand for after the block. */
  after: Antecedent;
}

/**
 * The matches of a block under the rule's options, found once per block text and antecedent: past
 * `OUT_OF_SCOPE` paragraphs, every distance reads the same.
 */
function blockMatches(block: ProseBlock, search: Search, antecedent: Antecedent): Match[] {
  const role = Math.min(antecedent.role, OUT_OF_SCOPE);
  const name = Math.min(antecedent.name, OUT_OF_SCOPE);
  const known = block.derived(MATCHES, newMatchesMap);
  const key = `${role} ${name} ${search.key}`;
  let result = known.get(key);
  if (!result) {
    const after = { role, name };
    result = { matches: findMatches(block, search.categories, search.allowed, after), after };
    known.set(key, result);
  }
  antecedent.role = result.after.role;
  antecedent.name = result.after.name;
  return result.matches;
}

function newMatchesMap(): Map<string, BlockMatches> {
  return new Map();
}

function findMatches(
  block: ProseBlock,
  categories: ReadonlySet<InclusionCategory>,
  allowed: ReadonlySet<string>,
  antecedent: Antecedent,
): Match[] {
  const text = block.text;
  const tokens = block.derived(TOKENS, tokensOf);
  const found: Match[] = [];
  const quoted = quotationReader(text);
  // Where the last role said of anyone ("every officer", "if the guest …") was named in this block, unless a named person came after it.
  let roleAt = -1;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.antecedent) antecedent[token.antecedent] = 0;
    if (token.antecedent) roleAt = token.antecedent === 'role' && standsForAnyone(text, token) ? token.start : -1;
    const candidates = token.candidates;
    if (!candidates) continue;
    for (const entry of candidates) {
      if (!categories.has(entry.category) || allowed.has(entry.pattern.id)) continue;
      const last = index + entry.words.length - 1;
      if (last >= tokens.length || !matchesAt(text, tokens, index, entry)) continue;
      const start = token.start;
      const end = tokens[last].end;
      const phrase = text.slice(start, end).toLowerCase();
      const roleInSentence =
        (roleAt >= 0 && !/[.!?;]["'“”‘’)\]]*\s/.test(text.slice(roleAt, start))) ||
        (PRONOUNS.has(entry.pattern.id) && AGENT_OF_ANYONE.test(text.slice(Math.max(0, start - 160), start)));
      if (allowed.has(phrase) || ignored(entry, phrase, text, start, end, antecedent, roleInSentence) || quoted(start)) continue;
      found.push({ entry, start, end });
      index = last;
      break;
    }
  }
  return withoutPairs(text, found);
}

/** Animals named by their sex: "her" for a cow or a ewe is correct usage. */
const SEXED_ANIMALS = new Set(
  oneLine`
    cow cows heifer heifers ewe ewes mare mares filly fillies sow sows gilt gilts hen hens doe nanny bull bulls bullock ram rams
    stallion stallions colt colts boar boars cockerel cockerels billy`.split(/\s+/),
);

/** Jobs whose names end unlike a doer's ("-er", "-ist"): "every commis chef … his". */
const JOBS = new Set([
  'surgeon',
  'chargehand',
  'chef',
  'cook',
  'nurse',
  'clerk',
  'guard',
  'pilot',
  'porter',
  'vet',
  'host',
  'steward',
  'coach',
  'captain',
  'colleague',
  'apprentice',
  'intern',
  'medic',
  'surgeon',
]);

const ONE_TOLD_OF_AFTER = new RegExp(
  oneLine`
    ^\s+(?:(?:at|from)\s+the\s+(?:start|beginning|top|opening)\s+of\s+(?:this|the)\s+(?:lesson|module|page|section|course)|
    (?:in|from)\s+(?:the|this|our)\s+(?:opening\s+)?(?:scenario|story|example|case\s+study))\b`,
  'i',
);

function antecedentKind(text: string, token: Token, next: Token | undefined): keyof Antecedent | undefined {
  if (INDEFINITE_PRONOUNS.has(token.plain)) return 'role';
  const determiner = text.slice(Math.max(0, token.start - 24), token.start);
  // "If a son describes his father": a word that says the person's gender is as good as a name for "he" or "she".
  if (GENDERED_PEOPLE.has(token.plain) && PERSON_BEFORE.test(determiner)) return 'name';
  // "A woman runs up to you: she turned round …": one person in the story. "The top man stays at the hatch" is a role.
  if (MAN_OR_WOMAN.has(token.plain) && /\ban?\s+(?:[\p{L}-]+\s+)?$/iu.test(determiner))
    return isEvent(text, token.start) ? 'name' : undefined;
  // "Check the cow's udder before you attach her cluster": an animal whose name says its sex.
  if (SEXED_ANIMALS.has(token.plain)) return 'name';
  // "Each loader … his": after "each", "every" or "any", a word for people is a role, listed or not.
  // "A new starter who isn't sure … he", "A rider who finds a flat battery will assume he…": anyone in the job, told of in general.
  const role =
    ROLES.has(token.plain) ||
    (/\b(?:each|every|any)\s+(?:[\p{L}-]+\s+)?$/iu.test(determiner) && isDoer(token)) ||
    (/(?:^|[.!?:]\s+)an?\s+(?:[\p{L}-]+\s+)?$/iu.test(determiner) && isDoer(token) && !isEvent(text, token.start));
  const name = isCapitalised(token) && !NOT_NAMES.has(token.plain);
  // "Patient A is 17 and attends with her dad", "Caller 2": a person in an exercise, labelled instead of named.
  if (isCapitalised(token) && LABELLED_PERSON.test(text.slice(token.end, token.end + 6))) return 'name';
  if (!role && !name) return undefined;
  const before = text.slice(Math.max(0, token.start - 30), token.start);
  // "Ana, an analyst, …": the role describes a named person.
  if (role && APPOSITION_BEFORE.test(before)) return 'name';
  // "the candidate at the start of this lesson", "the same caller": one person the lesson has told of.
  if (role && (ONE_TOLD_OF_AFTER.test(text.slice(token.end, token.end + 60)) || /\bthe\s+same\s+$/i.test(before))) return 'name';
  if (role && GENERIC_DETERMINER.test(before) && /\ban?\s+(?:[\p{L}-]+\s+)?$/iu.test(before) && isEvent(text, token.start)) return 'name';
  if (role && (GENERIC_DETERMINER.test(before) || (GENERIC_WITH_THE.has(token.plain) && /\bthe\s+$/i.test(before)))) return 'role';
  // "The site manager signs off the job; he must upload photos": a duty of whoever holds the role, not a story.
  if (role && /\bthe\s+(?:[\p{L}-]+\s+)?$/iu.test(before) && !isEvent(text, token.start)) return 'role';
  if (!name) return undefined;
  // Any word is capitalised at the start of a sentence; there it counts only as a full name ("Nelle Nemo"), a possessive ("Nelle's")
  // or the subject of a verb in the third person ("Ellen is", "Alfredo adds").
  const sentenceStart = /(?:^|[.!?:;]["')\]]*)\s*$/.test(before);
  const adjacent = next !== undefined && /^\s+$/.test(text.slice(token.end, next.start));
  const fullName = adjacent && isCapitalised(next);
  const subject = adjacent && THIRD_PERSON_VERBS.has(next.raw);
  // "Ana, an analyst, …", "Lena, 34, fine hair, …": a description or an age after a comma.
  const apposition =
    !adjacent &&
    next !== undefined &&
    /^,\s*$/.test(text.slice(token.end, next.start)) &&
    /^(?:a|an|our|the|my|your|\d{1,2})$/i.test(next.raw);
  return !sentenceStart || fullName || subject || apposition || /['’]s$/.test(token.raw) ? 'name' : undefined;
}

/** A word for someone by what they do: "loader", "inspector", "commis chef". */
function isDoer(token: Token): boolean {
  return /(?:er|or|ist|ant|ent|ee|ian|en|man|ic|ate|ive)s?$/.test(token.plain) || JOBS.has(token.plain);
}

/**
 * "A colleague holds out a used needle and asks you to bin it for her": a scenario tells what one
 * person does, so "a colleague" is that person. "A new agent should log every call he takes" and "If a
 * customer calls, …" speak of anyone in the role.
 */
function isEvent(text: string, at: number): boolean {
  const { start, end } = sentenceAround(text, at);
  const sentence = text.slice(start, end);
  if (GENERIC_SENTENCE.test(sentence)) return false;
  // An instruction that names the role, then a pronoun for it, applies every time; one before a story's pronoun names no one in it.
  return !(INSTRUCTION.test(sentence) && PRONOUN_AFTER.test(text.slice(at, end)));
}

const PRONOUN_AFTER = /\b(?:he|she|him|her|his|hers)\b/i;

/** "Pass it to the duty manager and let him decide": an instruction, for every time it applies. */
const INSTRUCTION = new RegExp(
  oneLine`
    ^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:please\s+)?(?:pass|ask|call|tell|send|give|report|hand|let|take|phone|ring|email|refer|escalate|
    contact|show|bring|inform|notify|alert|fetch|get|leave|follow|wait\s+for|speak\s+to|talk\s+to|check\s+with)\s`,
  'i',
);

const GENERIC_SENTENCE = new RegExp(
  oneLine`
    \b(?:should|must|can|could|will|would|may|might|shall|need(?:s)?\s+to|ha(?:s|ve)\s+to|if|when|whenever|unless|each|every|any|
    always|never|usually|often|typically|generally)\b|['’]ll\b`,
  'i',
);

const LABELLED_PERSON = /^\s+(?:[A-Z]|\d{1,2})(?![\p{L}\p{N}])/u;

const APPOSITION_BEFORE = /\p{Lu}[\p{Ll}'’-]+,\s+(?:a|an|our|the|my|your)\s+(?:[\p{L}-]+\s+){0,2}$/u;

const THIRD_PERSON_VERBS = new Set(
  (
    'is was has had does did will can could would should must wants needs says asks adds uses makes takes gets goes works writes ' +
    'runs tries decides ' +
    'creates finds knows thinks sees looks opens likes lives starts begins keeps loves plays hopes teaches studies learns'
  ).split(' '),
);

const CAPITALISED = /^\p{Lu}[\p{Ll}'’-]/u;

function isCapitalised(token: Token): boolean {
  const first = token.raw.charCodeAt(0);
  // A lower-case ASCII letter or a digit: most words, answered without the pattern.
  if ((first >= 97 && first <= 122) || (first >= 48 && first <= 57)) return false;
  return CAPITALISED.test(token.raw);
}

/**
 * Whether an offset is inside "…" or “…”: a quotation or an example sentence, not the author's own
 * words. Asked at offsets that never decrease, it reads the text once.
 */
function quotationReader(text: string): (at: number) => boolean {
  let read = 0;
  let straight = 0;
  let lastOpening = -1;
  let lastClosing = -1;
  return (at) => {
    for (; read < at; read++) {
      const code = text.charCodeAt(read);
      if (code === 34 /* " */) straight++;
      else if (code === 0x201c /* “ */) lastOpening = read;
      else if (code === 0x201d /* ” */) lastClosing = read;
    }
    return straight % 2 === 1 || lastOpening > lastClosing;
  };
}

/**
 * "Every watch officer must", "each new starter", "if the guest": a role that stands for whoever holds it, a word for people or one
 * that the sentence makes a subject ("any other way" is no one).
 */
function standsForAnyone(text: string, token: Token): boolean {
  return (
    ANYONE_BEFORE.test(text.slice(Math.max(0, token.start - 30), token.start)) &&
    (ROLES.has(token.plain) || JOBS.has(token.plain) || SUBJECT_AFTER.test(text.slice(token.end, token.end + 12)))
  );
}

/**
 * Words in -er, -or and -ist that name things, not people ("the letter should be on his desk"), or people whose gender they say
 * ("the mother must sign herself").
 */
const THINGS_IN_ER = oneLine`
  (?:(?:grand|step|god)?(?:mother|father)|brother|sister|daughter|letter|number|order|paper|water|matter|answer|folder|printer|
  computer|container|register|counter|floor|door|colou?r|error|
  sensor|motor|factor|corner|layer|filter|timer|poster|trailer|cover|power|border|ladder|other|another|either|neither|weather|
  chapter|quarter|checklist|playlist|wishlist|shortlist|list|mirror|meter|monitor|buffer|marker|binder|locker|drawer|holder|
  header|footer|server|browser|router|scanner|player|speaker|charger|heater|cooler|freezer|shutter|barrier|tractor|elevator|
  escalator|calculator|indicator|detector|connector|generator|radiator|refrigerator|ventilator|reactor|transfer|disorder|
  sticker|tracker|slider|trigger|lever)s?`;

/**
 * "A moderator should log his…", "each visiting group leader should bring his…", "a good dispatcher keeps his…", "if a walker
 * loses a key, he…": a role the lists do not name (a noun in -er, -or, -ist, -ian), said of anyone by what it must do or what
 * happens to whoever holds it, earlier in the pronoun's sentence.
 */
const AGENT_OF_ANYONE = new RegExp(
  oneLine`
    (?:^|[^\p{L}])(?:(?:a|an|each|every|any|the)\s+(?:[\p{L}-]+\s+){0,2}?(?!${THINGS_IN_ER}\b)[\p{L}-]{2,}(?:er|or|ist|ian)\s+
    (?:[\p{L}-]+\s+){0,4}?
    (?:should|must|shall|needs?\s+to|has\s+to|is\s+expected\s+to)|(?:a|an)\s+(?:good|great|careful|professional)\s+
    [\p{L}-]{2,}(?:er|or|ist|ian)|
    (?:if|when|whenever|once|until|unless)\s+(?:a|an)\s+(?:[\p{L}-]+\s+)?(?!${THINGS_IN_ER}\b)[\p{L}-]{2,}(?:er|or|ist|ian)\s+
    (?:\p{L}+ly\s+)?(?:\p{L}{2,}[^s\s]s|can|will|may|might|must|should|has|is|does|gets))\b[^.!?;]*$`,
  'iu',
);
const ANYONE_BEFORE = /\b(?:every|each|any|(?:if|whenever)\s+(?:the|a|an))\s+(?:[\p{L}-]+\s+)?$/iu;
const SUBJECT_AFTER = /^\s+(?:must|should|shall|will|can|may|needs?|has|is)\b/i;

/**
 * Whether a match is another sense of the words, or a pronoun for a named person. A generic role earlier in the pronoun's own sentence
 * ("Every watch officer signs his own entries") is what it stands for, whatever name came before.
 */
function ignored(
  entry: Phrase,
  phrase: string,
  text: string,
  start: number,
  end: number,
  antecedent: Antecedent,
  roleInSentence: boolean,
): boolean {
  if (entry.words.length === 1 && TECHNICAL_SENSES.has(entry.words[0])) return true;
  if (entry.category === 'gendered' && (ORDINARY_PEOPLE_WORDS.has(phrase) || ORDINARY_PEOPLE_WORDS.has(entry.phrase))) return true;
  if (PRONOUNS.has(entry.pattern.id) && !roleInSentence && (antecedent.name <= 1 || antecedent.role > 1)) {
    antecedent.name = 0;
    return true;
  }
  const context = CONTEXT[entry.phrase];
  return context !== undefined && !context(text.slice(Math.max(0, start - 40), start), text.slice(end, end + 40));
}

function matchesAt(text: string, tokens: readonly Token[], index: number, entry: Phrase): boolean {
  for (let offset = 0; offset < entry.words.length; offset++) {
    const token = tokens[index + offset];
    const expected = entry.words[offset];
    if (expected !== '*') {
      const actual = entry.pattern.apostrophe ? token.withApostrophe : token.plain;
      if (actual !== expected) return false;
      if (entry.exact && token.raw !== entry.exact[offset]) return false;
    }
    if (offset > 0 && !/^(?:\s+|-)$/.test(text.slice(tokens[index + offset - 1].end, token.start))) return false;
  }
  const start = tokens[index].start;
  const end = tokens[index + entry.words.length - 1].end;
  // A part of a compound is not the word: "non-disabled", "master-detail", "s/he", "(s)he".
  return (
    !/[\p{L}\p{N}]-$|(?:^|[^\p{L}])s\/$|\(s\)$/iu.test(text.slice(Math.max(0, start - 4), start)) &&
    !/^-[\p{L}\p{N}]/u.test(text.slice(end, end + 2))
  );
}

/** An "or" pattern whose two forms stand side by side ("he or she", "his/her", "chairmen and chairwomen") includes everyone it names. */
function withoutPairs(text: string, matches: Match[]): Match[] {
  const paired = new Set<Match>();
  for (let index = 0; index + 1 < matches.length; index++) {
    const match = matches[index];
    const next = matches[index + 1];
    if (match.entry.pattern.type !== 'or' || next.entry.pattern.id !== match.entry.pattern.id || next.entry.form === match.entry.form)
      continue;
    if (/^\s*(?:\/|,|or|and|and\/or)?\s*$/i.test(text.slice(match.end, next.start))) {
      paired.add(match);
      paired.add(next);
    }
  }
  return matches.filter((match) => !paired.has(match));
}

function message(text: string, entry: Phrase, alternatives: readonly string[]): string {
  const condition = entry.pattern.condition ? ` ${entry.pattern.condition}` : '';
  if (entry.category === 'condescending')
    return `Unexpected "${text}", expected wording that does not assume every learner finds it easy or already knows it.`;
  if (alternatives.length === 0) return `Unexpected "${text}"${condition}, expected a more inclusive wording.`;
  const listed = alternatives.slice(0, 3).map((term) => `"${term}"`);
  const options = listed.length > 1 ? `${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}` : listed[0];
  return `Unexpected "${text}"${condition}, expected a more inclusive term such as ${options}.`;
}

function matchCase(term: string, actual: string): string {
  if (actual.length > 1 && actual === actual.toUpperCase() && /\p{L}/u.test(actual)) return term.toUpperCase();
  return /^\p{Lu}/u.test(actual) ? term.charAt(0).toUpperCase() + term.slice(1) : term;
}

/** The considerate terms as lightbulb suggestions; never a safe fix, since the right word depends on the sentence. */
function suggestions(range: { start: number; end: number } | undefined, alternatives: readonly string[]): Fix[] {
  if (!range) return [];
  return alternatives.slice(0, 3).map((term) => ({ title: `Replace with "${term}"`, edits: [{ ...range, text: term }] }));
}
