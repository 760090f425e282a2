import { z } from 'zod';
import { compileUserPattern, userPatternOption } from '../text/userPattern';
import { oneLine } from '../text/pattern';

/** What a heading pattern needs: the built-in regular expressions and the team's RE2 patterns both have it. */
export interface HeadingPattern {
  test(text: string): boolean;
}

/** How one kind of lesson part (objectives, practice, …) shows up across Markdown dialects. */
export interface Vocabulary {
  /** Matched against a heading's text, emoji and numbering removed. */
  headings: HeadingPattern[];
  /** Fenced-div and kramdown classes, `<details>` summaries and MDX component names, lower case. */
  classes: string[];
  frontMatterKeys: string[];
  /** When set, every `<details>` block counts except those whose summary this matches (a hint, a transcript). */
  detailsExcept?: RegExp;
}

export const vocabularyOptions = {
  headings: z
    .array(userPatternOption())
    .default([])
    .describe('Extra heading patterns (case-insensitive regular expressions, RE2 syntax: no look-around or back-references) that count.'),
  classes: z.array(z.string()).default([]).describe('Extra div classes or component names that count.'),
  frontMatterKeys: z.array(z.string()).default([]).describe('Extra front matter keys that count.'),
};

export type VocabularyOptions = { headings: string[]; classes: string[]; frontMatterKeys: string[] };

/** The base vocabulary itself when nothing is added, so that results cached per vocabulary are shared. */
export function extendVocabulary(base: Vocabulary, options: VocabularyOptions): Vocabulary {
  if (options.headings.length === 0 && options.classes.length === 0 && options.frontMatterKeys.length === 0) return base;
  return {
    headings: [...base.headings, ...options.headings.map((source) => compileUserPattern(source))],
    classes: [...base.classes, ...options.classes.map((name) => name.toLowerCase())],
    frontMatterKeys: [...base.frontMatterKeys, ...options.frontMatterKeys],
    ...(base.detailsExcept && { detailsExcept: base.detailsExcept }),
  };
}

const LESSON_UNIT = '(?:lesson|episode|module|section|unit|chapter|session|course|tutorial|workshop|activity)';

export const OBJECTIVES: Vocabulary = {
  headings: [
    new RegExp(
      oneLine`
        ^(?:(?:learning|lesson|session|module|course|unit|episode|chapter|workshop|your|our|today['’]s|key)\s+)?(?:objectives?|
        outcomes?|goals?|aims)\s*:?$`,
      'i',
    ),
    new RegExp(`^(?:objectives?|outcomes?|goals?|aims)\\s+(?:for|of)\\s+(?:this|the|today['’]s)\\s+${LESSON_UNIT}\\s*:?$`, 'i'),
    new RegExp(
      oneLine`
        ^(?:what you(?:'ll| will| should| can) (?:learn|be able to do|do|get (?:from|out of)|gain from)|
        you(?:'ll| will| should) (?:learn|be able to)\b|
        in this ${LESSON_UNIT},? you(?:'ll| will)|by the end of (?:this|the) ${LESSON_UNIT}|what (?:this|the) ${LESSON_UNIT} covers\s*:?$)`,
      'i',
    ),
    // "After this micro-lesson you can:", "At the end of this short module you'll be able to".
    new RegExp(
      oneLine`
        ^(?:after|at the end of|by the end of) (?:this|the) (?:\p{L}+(?:-\p{L}+)*[- ])?${LESSON_UNIT},? you(?:['’]ll| will)? (?:can|
        be able to|know)\b`,
      'iu',
    ),
    // "By the end of this huddle, you'll be able to": any name for the session, when the learner will be able to do something.
    /^(?:after|at the end of|by the end of) (?:this|the|today['’]s) (?:[\p{L}-]+ ){0,2}?[\p{L}-]+,? you(?:['’]ll| will) be able to\b/iu,
    // "By the end, you can", "By the end you will be able to", "Objectives for day one", "This lesson will help you", "In this lesson".
    new RegExp(
      oneLine`
        ^(?:by\s+the\s+end,?\s+you(?:['’]ll|\s+will)?\s+(?:can|be\s+able\s+to|know)\b|(?:objectives?|outcomes?|goals?|aims)\s+(?:for|of)\s+
        (?:[\p{L}\p{N}'’-]+\s*){1,4}:?$|(?:this|the)\s+${LESSON_UNIT}\s+(?:will\s+help\s+you|covers|teaches\s+you)\b|in\s+this\s+
        ${LESSON_UNIT}\s*:?$)`,
      'iu',
    ),
  ],
  classes: ['objectives', 'learning-objectives', 'objective', 'goals', 'outcomes', 'learning-outcomes'],
  frontMatterKeys: ['objectives', 'learning_objectives', 'learningObjectives', 'outcomes', 'goals'],
};

const LEARNER_WILL = "you(?:['’]ll| will| are going to|['’]re going to)";
const TEACHER_WILL = "we(?:['’]ll| will| are going to|['’]re going to)";
/** "you will learn…", "you will be able to…" or just "you will:". */
const LEARNING_PROMISE = '(?:learn|be able to|understand|know|discover|explore|gain|master|practi[cs]e|find out|see how|:)';

/**
 * A lead-in sentence that introduces a list of objectives. It must promise learning: "In this
 * lesson you will use this data:" introduces a data set, and "we will cover:" an agenda of topics.
 */
export const OBJECTIVES_LEAD_IN = new RegExp(
  [
    `by the end of (?:this|the) ${LESSON_UNIT}`,
    `(?:after|on) (?:completing|finishing|taking) this ${LESSON_UNIT}`,
    `in this ${LESSON_UNIT},? ${LEARNER_WILL}\\s*${LEARNING_PROMISE}`,
    // "Concretely, we will:" or "Today you will:" right before the list; objectives-measurable then judges its verbs.
    `\\b(?:${TEACHER_WILL}|${LEARNER_WILL})\\s*:`,
    `you(?:'ll| will| should) (?:learn|be able to)`,
  ].join('|'),
  'i',
);

export const PRACTICE: Vocabulary = {
  headings: [
    // The lookahead leaves out topic headings about difficulties or duties ("Challenges in X", "Tasks common to Y"), records ("Activity
    // codes", "Task log") and the age-check policies "Challenge 21" and "Challenge 25".
    new RegExp(
      oneLine`
        ^(?:optional\s+|bonus\s+|final\s+|mini[- ]?|(?:tabletop|group|pair|paired|team|class|quick|short|warm[- ]up|written|practical|
        guided|solo|individual|desk|floor)\s+)?(?:exercises?|challenges?|activit(?:y|ies)|hands[- ]on|labs?|assignments?|practi[cs]e|
        tasks?|problems? to solve|practice problems?)\b(?!\s+(?:in|of|common|faced|facing|involved|that|when|codes?|logs?|levels?|
        types?|records?|sheets?|trackers?|limits?|21|25|coaching|help|support|contact|care|guidance|adjustments?)\b)`,
      'i',
    ),
    new RegExp(
      oneLine`
        ^(?:optional\s+|bonus\s+)?(?:try it|try this|try these|try them|have a go|give it a go|your turn|do it yourself|over to you|
        now you try|your call|your move|work it out)\b`,
      'i',
    ),
    // A titled activity: "Sorting challenge: the mixed crate", "Fire drill: the night shift".
    /^(?:[\p{L}-]+\s+){1,2}(?:challenges?|exercises?|activit(?:y|ies)|role[- ]?plays?|drills?)\s*:/iu,
    // A named activity as the whole heading: "Floor walk activity", "Handover role-play"; not a topic ("Suspicious activity").
    new RegExp(
      oneLine`
        ^(?!(?:physical|suspicious|recent|account|user|unusual|criminal|economic|business|card|network|brain|daily|normal|
        fraudulent|illegal|other|related|further|regulated|licensable|licensed|prohibited|restricted|reportable|notifiable|
        high[- ]risk|low[- ]risk|sporting|outdoor|leisure|social|sexual|gang|terrorist|money|customer|market|trading|seismic|
        volcanic|mental|aerobic|breathing)\s)(?:[\p{L}-]+\s+){1,2}(?:activit(?:y|ies)|exercises?|role[- ]?plays?)\s*$`,
      'iu',
    ),
    // Practice named by where it happens: "Bench practice", "Till practice", "Yard exercise"; not a way of working ("Good practice").
    new RegExp(
      oneLine`
        ^(?!(?:good|best|bad|poor|safe|unsafe|standard|common|current|normal|usual|working|clinical|general|professional|private|
        medical|dental|legal|nursing|reflective|accepted|recommended|house|daily|everyday|our|your|in|into|out\s+of)\s)
        [\p{L}-]+\s+(?:practice|exercises?)\s*:?$`,
      'iu',
    ),
    // The brief of an exercise or assignment page: Exercism's instructions.md, an assignment's "## Instructions".
    /^instructions\s*:?$/i,
    // As workplace training sets practice: a role-play, a scenario exercise, "What would you do?".
    new RegExp(
      oneLine`
        ^(?:role[- ]?plays?|(?:scenario|case[- ]study|branching)\s+(?:exercises?|activit(?:y|ies)|practice|questions?|challenges?|
        tasks?)|practice scenarios?|what would you do|you decide|you be the judge|put it (?:in|into) practice|apply (?:it|
        what you(?:'ve| have) learned)|skills? practice|decision time|spot the (?:risks?|hazards?|problems?|mistakes?|red flags?))\b`,
      'i',
    ),
    // "Row drill", "Think it through", "Rehearse it", "A case to work through", "Practical: the training stairs", "Scenarios".
    new RegExp(
      oneLine`
        ^(?:[\p{L}-]+\s+drill\s*:?$|think\s+it\s+through\b|rehearse(?:\s+(?:it|this|them))?\s*:?$|(?:an?\s+)?(?:case|scenario)s?\s+
        to\s+work\s+through\b|work\s+(?:it|this|them)\s+through\b|practical\s*:|scenarios\s*:?$)`,
      'iu',
    ),
  ],
  classes: [
    'challenge',
    'exercise',
    'exercises',
    'practice',
    'activity',
    'lab',
    'assignment',
    'discussion',
    'task',
    'try-it',
    'hands-on',
    'problem',
  ],
  frontMatterKeys: [],
};

export const SOLUTION: Vocabulary = {
  headings: [
    new RegExp(
      oneLine`
        ^(?:(?:sample|model|suggested|possible|example|recommended|worked|our)\s+)?(?:solutions?|answers?|feedback|answer key|
        check your (?:work|answers?|responses?|thinking)|expected (?:output|results?))\b`,
      'i',
    ),
  ],
  classes: ['solution', 'solutions', 'answer', 'answers', 'feedback'],
  frontMatterKeys: [],
};

/**
 * Feedback on practice in any of the forms designers write it: a solution or answer, and also a model
 * response to a scenario, a debrief, "Compare your answers", "How to tell it worked". Only a solution
 * or an answer makes a practice question a knowledge check.
 */
export const FEEDBACK: Vocabulary = {
  headings: [
    ...SOLUTION.headings,
    // As workplace designers write it: a model response, a debrief, "Compare your answers", "How did you do?".
    new RegExp(
      oneLine`
        ^(?:(?:one\s+|a\s+)?(?:sample|model|suggested|possible|example|recommended|good|strong|ideal)\s+(?:responses?|repl(?:y|ies)|
        fix(?:es)?|approach(?:es)?|plans?|emails?|scripts?|wording|notes|decisions?|actions?|outcomes?|rewrites?|versions?))\b`,
      'i',
    ),
    new RegExp(
      oneLine`
        ^(?:debrief(?:ing)?|facilitator(?:['’]s)?\s+(?:notes|guide|debrief)|trainer(?:['’]s)?\s+notes|explanations?|answers?\s+(?:and|
        with)\s+explanations?|how did you do|how to (?:tell|check|know|verify)|did it work|what to look for|
        what\s+(?:an?\s+)?(?:good|correct|finished|successful|right|proper|acceptable|sound|safe)(?:\s+[a-z-]+){0,2}?\s+looks?\s+like)\b`,
      'i',
    ),
    /^compare (?:your|with)\b/i,
    // "Model timeline", "Worked example", "A model note": what the learner's own work is held against.
    /^(?:(?:an?|the|our)\s+)?(?:model|worked|suggested)\s+\p{L}/iu,
    // "Were you right?", "Check your working", "The sums, explained".
    new RegExp(
      oneLine`
        ^(?:(?:were|was)\s+you\s+right|did\s+you\s+get\s+it(?:\s+right)?|check\s+your\s+(?!(?:understanding|knowledge|learning|progress|
        memory|recall)\b)\p{L}+|the\s+(?:sums|answers?|figures|calculations?|workings?|decisions?),?\s+explained)\b`,
      'iu',
    ),
    // "What should happen", "What we would do", "How you should have handled it": the answer to a scenario.
    new RegExp(
      oneLine`
        ^(?:what|how)\s+(?:(?:we|you|I|they|a\s+colleague|an?\s+(?:experienced|senior)\s+[\p{L}-]+|\p{Lu}\p{Ll}+)\s+)?(?:should|would)
        (?:\s+have)?\s+\p{L}`,
      'iu',
    ),
    /^(?:what (?:you|it) should (?:see|get|have|look like)|(?:expected|correct) (?:results?|outcomes?|answers?))\b/i,
    // "What Jess will look for", "What your assessor listens for": the observer's checklist.
    /^what\s+(?:\p{Lu}\p{Ll}+|(?:your|the)\s+[\p{L}-]+)\s+(?:will\s+)?(?:look|listen|watch)s?\s+for\b/iu,
    new RegExp(
      oneLine`
        ^check your (?:decisions?|choices|ideas|lists?|plans?|repl(?:y|ies)|emails?|drafts?|versions?|notes)\b|\bdebrief(?:ing)?\b|
        ^model (?:questions|dialogues?|conversations?|calls?)\b`,
      'i',
    ),
    new RegExp(
      oneLine`
        ^(?:click\s+(?:here\s+)?to\s+)?(?:show|reveal|see|view|open|expand)(?:\s+(?:the\s+)?(?:answers?|solutions?|feedback|
        explanations?|model answer|suggested answer))?\s*$`,
      'i',
    ),
  ],
  classes: ['solution', 'solutions', 'answer', 'answers', 'feedback'],
  frontMatterKeys: [],
  // Behind a practice item, a collapsed block is what the learner checks their work against ("Our suggestion", "What a good entry looks
  // like"), unless it helps on the way.
  detailsExcept: new RegExp(
    oneLine`
      ^(?:(?:need\s+(?:a\s+)?|get\s+a\s+|show\s+(?:a\s+|the\s+)?)?(?:hints?|tips?|help|clues?|nudge)|stuck|starter|instructions|
      background|context|transcript|video|more\b|read more|learn more|details|glossary|terms|definitions?|prerequisites|setup|set-up|
      optional|extra|bonus|note\b|why\b|how\s+(?:to|do)\b(?!\s+(?:find|spot|fix|solve|answer|check)\b)|
      check\s+your\s+understanding|knowledge\s+check|quiz|test\s+yourself|
      self[- ]?check|review\s+questions|questions?\b|practi[cs]e|exercises?|tasks?|activit(?:y|ies)|scenarios?|role[- ]?plays?|
      challenges?|try\s+it|your\s+turn)`,
    'i',
  ),
};

/** What good work looks like: the feedback of an open assignment, though not the answer to a question. */
export const RUBRIC: Vocabulary = {
  headings: [/^(?:rubrics?|marking (?:scheme|criteria)|grading (?:criteria|rubric)|assessment criteria|success criteria)\b/i],
  classes: ['rubric'],
  frontMatterKeys: [],
};

/** A column of a rubric table: its criteria or one of its levels of achievement. */
export const RUBRIC_LEVEL =
  /^\s*(?:criteria|criterion|exemplary|excellent|proficient|adequate|developing|beginning|needs? (?:to )?improve(?:ment)?)\s*$/i;

/** Matches any of the phrases as whole words, case-insensitively. */
function anyPhrase(phrases: string[]): RegExp {
  return new RegExp(String.raw`\b(?:${phrases.join('|')})\b`, 'i');
}

/**
 * A sentence that shows the result to check one's work against, or tests that check it: knowledge of the correct result is feedback too.
 */
export const EXPECTED_RESULT_CUES = anyPhrase([
  String.raw`should (?:now )?(?:see|get|print|return|display|output|show|produce|appear)`,
  String.raw`(?:should|will) (?:now )?look (?:something )?like`,
  String.raw`you(?:'ll| will) (?:now )?see`,
  String.raw`expected (?:output|result)`,
  String.raw`(?:output|result) (?:should|will) (?:be|look)`,
  String.raw`looks? like this`,
  String.raw`pass(?:es)? (?:the|all|its|your) tests`,
  String.raw`(?:the|all|your) tests (?:should )?pass`,
  String.raw`(?:is|are) supposed to (?:sound|look|print|return|output|show|behave|work)`,
]);

/**
 * The instruction that introduces code to type in a code-along: the teacher leads ("Now let's create
 * a function:"), the learner is told to enter it ("Add these lines:"), or told to create something
 * by a sentence that ends on the code ("Create a boxplot for each column:"). "Define a function
 * that returns…" states a problem instead.
 */
export const CODE_ALONG_STEP = new RegExp(
  oneLine`
    ^(?:(?:now|next|then|first|finally),?\s+)?(?:(?:let's|let us|we(?:'ll| will| can)|now we)\s+\w+|(?:add|type|paste|copy|insert|
    enter|put|replace|update|change|modify|edit|run|execute|import|call|select|set|install|open|load|save|append|train|fit|split)\b|
    (?:create|define|declare|build|initiali[sz]e|make)\b.*:$)`,
  'i',
);

/**
 * A section that is practice when it asks the learner something: "## Scenario", "## Case study" (in an opening, the same heading is a
 * hook).
 */
export const SCENARIO: Vocabulary = {
  // "Scenario", "Walk-through scenario", "Practice scenario: the late delivery"; an opening scenario is the hook.
  headings: [
    new RegExp(
      oneLine`
        ^(?!opening\s)(?:[\p{L}-]+\s+)?(?:scenarios?|case[- ]stud(?:y|ies)|a (?:real|typical) case)\b(?!\s+(?:in|of|common|faced|
        facing|involved|that|when)\b)`,
      'iu',
    ),
  ],
  classes: [],
  frontMatterKeys: [],
};

/** Peers or the instructor talk the work over: the feedback comes from people. */
const PEER_FEEDBACK = [
  String.raw`discuss(?:ion)?`,
  String.raw`share (?:your|it|them|this|one|an?|with|in)`,
  String.raw`etherpad`,
  String.raw`(?:collaborative|shared) (?:document|notes)`,
  String.raw`think,? pair,? share`,
];
/** Work done with others: in a code lesson a pair or group talks it over; a workplace role-play or drill still needs its debrief. */
const PEER_WORK = [
  String.raw`(?:with|to) (?:a|your) (?:partner|neighbou?r|colleague|labmate|group|team|peers?)`,
  String.raw`in (?:pairs|small groups|groups|breakout)`,
  String.raw`as a (?:team|group)`,
];
/** Feedback a workplace activity names: an observer, a debrief with the trainer, feedback from the partner. */
const GIVEN_FEEDBACK = [
  String.raw`(?:give|gives|swap|share|get|gets) (?:each other |your partner |them )?feedback`,
  String.raw`feedback (?:from|to) (?:your|the|each)`,
  String.raw`(?:the|an|one) observer`,
  String.raw`observer(?:'s|s)? (?:checklist|notes|sheet)`,
  oneLine`
    (?:review|check|talk\s through)\s(?:it|them|this|each\s other's|your\s\w+)\swith\s(?:your|the)\s(?:trainer|supervisor|manager|
    mentor|coach)`,
];

/** Reflection, preference, one's own work: there is no single right answer to give. */
const NO_SINGLE_ANSWER = [
  String.raw`reflect(?:ion)?`,
  String.raw`(?:your|their) own (?:projects?|work|code|data|research|lesson|software)`,
  String.raw`no ["“']?(?:single )?(?:right|correct) answer`,
  String.raw`no ["“']?right (?:or|and) wrong answers?`,
  String.raw`you(?:'ve| have) (?:encountered|experienced|observed)`,
  String.raw`think of a time`,
  String.raw`in your (?:own )?experience`,
  String.raw`(?:which (?:one )?|what )do you prefer`,
  String.raw`would you like to`,
  String.raw`do you want to`,
];

/** An open activity: it needs no model answer. */
export const OPEN_ACTIVITY_CUES = anyPhrase([...PEER_FEEDBACK, ...PEER_WORK, ...NO_SINGLE_ANSWER]);
/** An open activity in a lesson without code: pairs that rehearse a call or a drill are not told how it went unless someone says so. */
export const WORKPLACE_OPEN_ACTIVITY_CUES = anyPhrase([...PEER_FEEDBACK, ...GIVEN_FEEDBACK, ...NO_SINGLE_ANSWER]);

/** The title of a practice item that asks a question: together with its answer, retrieval practice. */
export const QUESTION_TITLE =
  /\?\s*$|\b(?:multiple[- ]choice|true or false|which (?:of|one|command|is)|what (?:is|does|will|would)|predict|spot the|quiz)\b/i;

export const SUMMARY: Vocabulary = {
  headings: [
    new RegExp(
      oneLine`
        ^(?:(?:lesson|episode|chapter|module|section)\s+)?(?:summary|summari[sz]ing|key ?points|key (?:ideas|concepts|lessons|
        takeaways?)|takeaways?|recap|conclusions?|wrap[- ]?up|wrapping up|in summary|to summari[sz]e|in review|review|
        points to remember|main points)\s*:?$`,
      'i',
    ),
    /^what (?:you|we)(?:'ve|’ve| have)? (?:learned|learnt|covered)/i,
    // As workplace lessons close: "Remember", "Key messages", "Before you go", "In a nutshell".
    new RegExp(
      oneLine`
        ^(?:remember|things to remember|key (?:messages|reminders|facts|rules)|main (?:messages|takeaways)|in a nutshell|in short|
        (?:the\s+)?short version|the essentials|the bottom line|bottom line|before you go|final (?:thoughts|words)|to recap|
        quick recap|lesson recap|at a glance)\s*:?$`,
      'i',
    ),
    // A closing heading that says what it closes: "Wrapping up our first grid", "In conclusion", "Tips and things to remember".
    /^(?:wrapping up|wrap[- ]?up|in conclusion|to conclude|to sum up|summing up)\b|\b(?:things|points) to remember\s*:?$/i,
    // The words of a summary anywhere in a short heading: "Key points to take away", "What to remember", "Five takeaways".
    /^(?:\S+\s+){0,3}?(?:key points|(?:key\s+)?take-?aways?|(?:what|things|points) to remember)\b(?:\s+\S+){0,6}\s*:?$/i,
    // "In brief", "Round-up", "Pulling it together", "Points to take away", "The main things", "Recap of the rules".
    new RegExp(
      oneLine`
        ^(?:in brief|round[- ]?up|(?:the\s+)?main (?:points|things)|(?:closing|final) points|(?:pulling|bringing|putting) it (?:all\s+)?
        together|(?:what|points|things) to (?:take away|hold on to|keep in mind)|recap\s+of(?:\s+\S+){1,4})\s*:?$`,
      'i',
    ),
  ],
  classes: ['keypoints', 'key-points', 'summary', 'recap', 'takeaways', 'conclusion'],
  frontMatterKeys: ['keypoints', 'key_points', 'keyPoints', 'summary', 'takeaways'],
};

export const KNOWLEDGE_CHECK: Vocabulary = {
  headings: [
    new RegExp(
      oneLine`
        \b(?:quiz(?:zes)?|knowledge checks?|self[- ]?(?:checks?|assessments?|tests?)|check (?:yourself|your (?:understanding|knowledge|
        learning|progress|answers))|review questions|test (?:yourself|your (?:knowledge|understanding))|quiz yourself|
        comprehension (?:checks?|questions)|quick checks?|checkpoints?|exam questions|practice questions|
        (?:check|test|show) what you(?:['’]ve)?\s(?:know|learned|learnt|remember)|how much do you (?:know|remember)|
        what do you remember)\b`,
      'i',
    ),
  ],
  classes: ['quiz', 'knowledge-check', 'self-check', 'checkpoint', 'mcq', 'multiple-choice', 'question', 'check'],
  frontMatterKeys: ['quiz', 'knowledge_check', 'review_questions'],
};

export const HOOK: Vocabulary = {
  headings: [
    /^(?:why\b|motivation|scenario|the problem|a problem|case study|real[- ]world|story|setting the scene|what'?s the problem)/i,
    // As designers and facilitators open: "Opening (10 min)", "Open with a question", "Picture this", "Sound familiar?".
    new RegExp(
      oneLine`
        ^(?:opening(?: (?:story|scenario|scene|question|discussion|activity|case))?\s*:?$|open with\b|picture this|imagine\b|
        sound familiar|a day in the life|the (?:opening )?(?:scene|story)\b)`,
      'i',
    ),
  ],
  classes: ['scenario', 'motivation', 'hook', 'questions', 'case-study', 'story'],
  frontMatterKeys: ['questions', 'scenario', 'motivation'],
};

/** Why the lesson matters, as openings say it: a scenario, a problem, a question, a real-world use, a stake. */
const HOOK_PHRASES = [
  // A scenario or a story, also one the learner is put in: "You've just come back from a site visit…".
  oneLine`
    ^you['’]ve\s+just\s+\w+|^you['’]re\s+(?:on|at|in|halfway|about\s+to|standing|sitting|working|halfway)\b|imagine|suppose|
    picture (?:this|yourself|the|a|it|\w+ing)|think (?:about|back to) (?:a|the last|the first) time|let['’]s say|say you['’]re|scenario|
    case study|story|^ask\s+(?:a|an|any|anyone|anybody|someone|most)\s+(?:[\w-]+\s+){0,3}?(?:what|who|how|why|whether|about)|
    remembers?\s+(?:their|your|his|her|the)\s+(?:very\s+)?first\s+(?:time|day|shift|week|job|call|visit)|
    (?<=[—–]\s{0,2})until\s+(?:a|an|the|someone|something|one)`,
  // A question, a puzzle, a misconception to overturn.
  oneLine`
    have you ever|what if|what would|why (?:do|does|is|are|would|should|might)|why|what (?:do|would|should|can) you do (?:when|if)|
    you (?:might|may) (?:think|assume|believe|expect)`,
  // A problem, a pain, a cost.
  oneLine`
    problems?|challenges?|struggles?|frustrat\w*|pain|mistakes?|bugs?|tedious|error-prone|save (?:time|you)|without (?:it|this|them|
    knowing)|trips? (?:people|you|many|learners|developers|beginners) up|under-?appreciated|(?:would|wouldn['’]t|would not|isn['’]t|
    is not) (?:be )?possible`,
  // What is at stake: a surprise, a count of incidents, a cost, what we lose.
  oneLine`
    (?:we|you)(?:['’]ll|\s+will|\s+could|\s+can|\s+may)?\s+lose\s+(?:the|a|an|our|your|their)\s+(?:[\w-]+\s+)?(?:customer|client|sale|
    deal|contract|trust|business|licen[cs]e|account|job)|the\s+(?:last|first)\s+(?:impression|conversation)|surpris\w*|did you know|
    (?:\d{1,3}(?:,\d{3})*|several|many|dozens of|hundreds of|two|three|four|five|six|seven|eight|nine|ten|twelve|
    twenty)\s+(?:[\w-]+\s+){0,2}?(?:injuries|accidents|incidents|complaints|breaches|fines|claims|near misses|falls|fires|collisions|
    errors|refunds)|cost (?:us|the company|the business|the team|[$£€]\s?\d|\d)|fined|lawsuits?|
    (?:the|a|real|serious) risks? (?:of|to)|looks?\s+(?:exactly\s+like|just\s+like|identical|harmless|small|innocent)`,
  // Relevance to the learner's work.
  oneLine`
    for example|for instance|real[- ]world|in a real (?:app|application|project|codebase|program|site|website|job|team|business|
    company)|use cases?|
    in practice|in your (?:job|work|project|research|day)|everyday|every day|common(?:ly)?|you(?:'ll| will) (?:often )?need|(?:often|
    frequently|regularly|daily) (?:encounter|need|use|see|come across)|\d+(?:\s*[-–]\s*\d+)?\s*% of (?:the |your )?(?:time|cases|work|
    developers|users|people|companies|teams)`,
  // What it lets you do.
  oneLine`
    matters?|important|useful|powerful|helps? (?:you|us|developers|teams)|lets? (?:you|us)|allows? (?:you|us|developers|teams)|
    enables? (?:you|us)|so that you|makes? (?:your|the) (?:code|work|job|life)`,
  // How central it is.
  oneLine`
    essential|crucial|vital|key (?:aspect|part|skill|concept|role|idea)|at the (?:core|heart) of|building blocks?|foundation(?:al|
    s)? of|cornerstone|backbone|universal|(?:almost |nearly )?(?:all|every|most) (?:modern )?(?:web )?(?:apps?|applications?|
    websites?|programs?|projects?|developers?|teams?|businesses)`,
];

/** Words that signal why the lesson matters: a scenario, a problem, a question, a real-world use. */
export const HOOK_CUES = new RegExp(String.raw`\b(?:${HOOK_PHRASES.join('|')})\b`, 'i');
/** The cues that set a scene, ask, or say what goes wrong; relevance and usefulness are as often said of a procedure's steps. */
export const STRONG_HOOK_CUES = new RegExp(String.raw`\b(?:${HOOK_PHRASES.slice(0, 4).join('|')})\b`, 'i');

/** "Part 3 — ", "Screen 7: ", "Scene 5 | ", "Step 2. ": where a section sits, not what it is. */
const CONTAINER_PREFIX = new RegExp(
  oneLine`
    ^(?:part|step|screen|scene|slide|section|module|unit|lesson|chapter|page|stage|phase|day|week|session|segment|frame|
    block)\s+(?:\d+(?:\.\d+)*[a-z]?|[A-Z]|[IVX]+)\s*(?:[:.|–—]|\s-)\s*`,
  'i',
);
/** "Practice (15 min)", "Quiz — 5 minutes": how long a section takes. */
const DURATION_SUFFIX = new RegExp(
  oneLine`
    \s*(?:\(\s*(?:about\s+|approx\.?\s+|~\s*)?\d+(?:\s*[–-]\s*\d+)?\s*(?:min|mins|minutes|m|h|hrs?|hours?)\.?\s*\)|
    [–—]\s*\d+\s*(?:min|mins|minutes)\.?)$`,
  'i',
);

/** Removes emoji, numbering and link syntax so that "🚀 Challenge" and "2. Exercise" read as words. */
export function normaliseHeading(text: string): string {
  return text
    .replace(/\p{Extended_Pictographic}|\uFE0F|\u200D/gu, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*[.):]?|[A-Z][.)])\s+(?:[–—|]\s*)?/, '')
    .replace(CONTAINER_PREFIX, '')
    .replace(DURATION_SUFFIX, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function headingMatches(vocabulary: Vocabulary, text: string): boolean {
  return normalisedHeadingMatches(vocabulary, normaliseHeading(text));
}

/** For a heading already put through `normaliseHeading`. */
export function normalisedHeadingMatches(vocabulary: Vocabulary, normalised: string): boolean {
  return vocabulary.headings.some((pattern) => pattern.test(normalised));
}

export function classMatches(vocabulary: Vocabulary, name: string, title: string | undefined): boolean {
  if (vocabulary.classes.includes(name)) return true;
  if (name !== 'details' || title === undefined) return false;
  if (vocabulary.detailsExcept && !vocabulary.detailsExcept.test(normaliseHeading(title))) return true;
  const summary = normaliseHeading(title).replace(/^(?:show|reveal|see|view|check)\s+(?:the\s+|an?\s+)?/i, '');
  return (
    vocabulary.classes.some((word) => new RegExp(`^${escaped(word).replace(/-/g, '[- ]')}s?\\b`, 'i').test(summary)) ||
    headingMatches(vocabulary, summary) ||
    headingMatches(vocabulary, title)
  );
}

/** A class name as a pattern that matches it literally: the team's classes are names, not patterns. */
function escaped(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
