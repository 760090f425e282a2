import { oneLine } from '../text/pattern';
/**
 * What a page is in its course. The whole-lesson rules expect different parts of each type: a lab
 * is practice and wants a goal and a way to check the result, a quiz wants questions with answers,
 * a glossary wants nothing of a lesson.
 */
export const PAGE_TYPES = ['lesson', 'lab', 'assessment', 'overview', 'summary', 'assignment', 'reference', 'fragment'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** Where a page's type came from, strongest first; messages and the status bar name it. */
export type PageTypeSource = 'front-matter' | 'config' | 'table-of-contents' | 'file-name' | 'title' | 'shape' | 'default';

export interface PageTypeDecision {
  type: PageType;
  source: PageTypeSource;
  /** A few words a person can check: "`lab:` in front matter", "listed as “Quiz” in _toctree.yml". */
  reason: string;
}

/** How a type reads in a message: "This lab states no goal…", "This quiz…". */
export const PAGE_TYPE_NOUNS: Record<PageType, string> = {
  lesson: 'lesson',
  lab: 'lab',
  assessment: 'quiz',
  overview: 'overview',
  summary: 'summary page',
  assignment: 'assignment',
  reference: 'reference page',
  fragment: 'page fragment',
};

/** Other words authors and tools use for the types, as they appear in `type:`, `layout:` or a table of contents. */
const TYPE_WORDS: Array<[PageType, RegExp]> = [
  ['lesson', /^(?:lesson|episode|chapter|topic|lecture|tutorial|concept|page|section|unit-section)$/],
  ['lab', /^(?:lab|labs|hands[-_ ]?on|exercise|exercises|practical|workshop|walkthrough|tutorial-lab|islab)$/],
  [
    'assessment',
    /^(?:assessment|quiz|quizzes|test|exam|knowledge[-_ ]?check|self[-_ ]?check|review[-_ ]?questions|check[-_ ]?your[-_ ]?understanding)$/,
  ],
  [
    'overview',
    new RegExp(oneLine`
      ^(?:overview|intro|introduction|index|home|welcome|module[-_ ]?intro|unit[-_ ]?intro|course[-_ ]?intro|start[-_ ]?here|
      getting[-_ ]?started)$`),
  ],
  [
    'summary',
    new RegExp(oneLine`
      ^(?:summary|conclusion|conclusions|recap|wrap[-_ ]?up|review|key[-_ ]?points|takeaways|what[-_ ]?next|what'?s[-_ ]?next|
      next[-_ ]?steps|congratulations|well[-_ ]?done)$`),
  ],
  [
    'assignment',
    new RegExp(oneLine`
      ^(?:assignment|assignments|project|projects|capstone|homework|challenge[-_ ]?project|final[-_ ]?project|problem|challenge|
      instructions|task|brief)$`),
  ],
  [
    'reference',
    new RegExp(oneLine`
      ^(?:reference|references|glossary|setup|installation|install|faq|faqs|cheat[-_ ]?sheet|cheatsheet|resources|
      additional[-_ ]?(?:readings?|resources)|further[-_ ]?reading|bibliography|instructor[-_ ]?notes|instructors?|
      learner[-_ ]?profiles?|profiles?|discuss|discussion|contributing|code[-_ ]?of[-_ ]?conduct|license|changelog|prerequisites|
      syllabus|schedule|appendix|api|troubleshooting|blog|news|community|join[-_ ]?(?:us|the[-_ ]?community)|discord|slack|forums?|
      gitter|zulip|mailing[-_ ]?lists?|contact|contact[-_ ]?us|credits|acknowledge?ments|contributors|authors)$`),
  ],
  [
    'fragment',
    /^(?:fragment|slide|slides|hint|hints|solution|solutions|answer|answers|snippet|partial|include|aside|pass|fail|footer|header|meta)$/,
  ],
];

/** A type named in a word (`type: quiz`, `layout: episode`); undefined when the word names none. */
export function pageTypeOfWord(word: string): PageType | undefined {
  const key = word.trim().toLowerCase();
  if ((PAGE_TYPES as readonly string[]).includes(key)) return key as PageType;
  return TYPE_WORDS.find(([, pattern]) => pattern.test(key))?.[0];
}

/** A first word that names the task a page sets: "Project: Recipes", "project_sql_zoo", "Lab 3: …". */
// Maps, not object literals: a title's word such as "constructor" must not find Object.prototype's.
const TASK_PREFIX = new Map<string, PageType>(
  Object.entries({
    project: 'assignment',
    assignment: 'assignment',
    homework: 'assignment',
    capstone: 'assignment',
    problem: 'assignment',
    challenge: 'assignment',
    lab: 'lab',
    exercise: 'lab',
    quiz: 'assessment',
    conclusion: 'summary',
    recap: 'summary',
    summary: 'summary',
    glossary: 'reference',
    solution: 'fragment',
  } as const),
);
/**
 * A last word that names what the page is: "Unit 2 quiz", "Final project", "Unit overview" (not "…a short recap", which may recap another
 * unit).
 */
const TYPE_SUFFIX = new Map<string, PageType>(
  Object.entries({
    quiz: 'assessment',
    test: 'assessment',
    exam: 'assessment',
    assessment: 'assessment',
    lab: 'lab',
    project: 'assignment',
    assignment: 'assignment',
    glossary: 'reference',
    overview: 'overview',
    introduction: 'overview',
  } as const),
);

/**
 * The task a first word names. "Lab" and "exercise" also name a place and an activity, so they
 * count when a number or a colon follows ("Lab 3", "lab-02-deploy", "Exercise: …"); "lab-safety" is a topic.
 */
function taskPrefix(name: string, first: string): PageType | undefined {
  const type = TASK_PREFIX.get(first);
  if (
    type === 'lab' &&
    !new RegExp(String.raw`^\W*${first}s?(?:[\s_-]*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|[ivx]+)\b)|\s*:)`, 'i').test(
      name,
    )
  )
    return undefined;
  return type;
}

/** "Protection in the quality lab", "Working at our test lab": the last word names a place, not the page. */
function isPlace(words: readonly string[]): boolean {
  return /\b(?:in|at|into|inside|around|from|for|to|across|through) (?:the|our|your|a|an|their)(?: \S+){0,2}$/.test(
    words.slice(0, -1).join(' '),
  );
}

/**
 * A type named by a title or a file name: the whole name ("Quiz", "Conclusion", "Glossary",
 * "00-introduction", "hands-on"), a first word that names a task ("Project: Recipes",
 * "project_sql_zoo"), or a last word that names the page ("Unit 2 quiz", "Module overview"). A name
 * that only begins with a type word is about a topic: "Introduction to React" is a lesson.
 */
export function pageTypeOfName(name: string): PageType | undefined {
  const words = name
    .toLowerCase()
    .replace(/\[\[[^\]]*\]\]/g, '')
    .replace(/\p{Extended_Pictographic}|\uFE0F|\u200D/gu, '')
    .replace(/[`*_~]+(?=\w)|(?<=\w)[`*~]+/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !/^\d+$/.test(word));
  if (words.length === 0) return undefined;
  // A page about the course itself: "How this course will work", "About this module".
  if (
    /\b(?:this|the) (?:course|module|unit|program|programme|path|track|workshop|bootcamp)\b/.test(words.join(' ')) &&
    !/\b(?:in|of) this\b/.test(words.join(' '))
  )
    return 'overview';
  const whole = words.join('-');
  const withoutNumbering = words
    .filter((word, index) => !(index === 0 && /^(?:unit|module|chapter|part|section|week|day|lesson|episode|bonus|live)$/.test(word)))
    .join('-');
  const named =
    pageTypeOfWord(whole) ??
    pageTypeOfWord(withoutNumbering) ??
    pageTypeOfWord(whole.replace(/-/g, '')) ??
    (words.length > 1
      ? (taskPrefix(name, words[0]) ?? (isPlace(words) ? undefined : TYPE_SUFFIX.get(words[words.length - 1])))
      : undefined);
  // "Chapter", "page.md": a lesson is the default, not evidence that outranks a title or a shape.
  return named === 'lesson' ? undefined : named;
}
