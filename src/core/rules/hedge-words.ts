import { z } from 'zod';
import type { ProseBlock } from '../document/prose';
import { hasCode } from '../analysis/audience';
import { findInProse, insideQuotation, isNegated, isSentenceStart, sentenceAround, type PhraseMatch } from '../prose';
import { defineRule, type Fix, type Report } from './rule';
import { oneLine } from '../text/pattern';

/** Steps a lesson tells learners to take: "just run", "simply click", "you merely need to". */
const STEPS = [
  'add',
  'append',
  'apply',
  'ask',
  'assign',
  'attach',
  'calculate',
  'call',
  'change',
  'check',
  'choose',
  'clear',
  'click',
  'clone',
  'close',
  'commit',
  'compute',
  'convert',
  'copy',
  'count',
  'create',
  'define',
  'delete',
  'do',
  'double-click',
  'download',
  'drag',
  'drop',
  'edit',
  'email',
  'enter',
  'execute',
  'fill',
  'filter',
  'find',
  'fix',
  'follow',
  'forward',
  'give',
  'go',
  'grab',
  'have to',
  'hit',
  'hover',
  'ignore',
  'import',
  'insert',
  'install',
  'join',
  'keep',
  'launch',
  'leave',
  'load',
  'log',
  'look',
  'make',
  'mark',
  'merge',
  'modify',
  'move',
  'navigate',
  'need',
  'needs',
  'note',
  'omit',
  'open',
  'pass',
  'paste',
  'pick',
  'place',
  'plug',
  'point',
  'press',
  'print',
  'pull',
  'push',
  'put',
  'refresh',
  'reload',
  'remove',
  'rename',
  'replace',
  'reply',
  'rerun',
  're-run',
  'reset',
  'restart',
  'restate',
  'retrieve',
  'return',
  'reuse',
  'right-click',
  'run',
  'save',
  'scroll',
  'search',
  'select',
  'send',
  'set',
  'share',
  'show',
  'sign',
  'skip',
  'sort',
  'specify',
  'split',
  'start',
  'swap',
  'switch',
  'take',
  'tap',
  'tell',
  'try',
  'type',
  'update',
  'upload',
  'use',
  'visit',
  'wait',
  'wrap',
  'write',
  // As workplace lessons instruct: "just mention the price", "simply scan the barcode".
  'mention',
  'scan',
  'swipe',
  'tick',
  'book',
  'say',
  'explain',
  'offer',
  'confirm',
  'phone',
  'ring',
  'read',
  'walk',
  // Said casually: "just pop a note on the file", "just bung it in the tray".
  'pop',
  'bung',
  'chuck',
  'jot',
  'tap',
  'sign',
  'print',
];
const STEP = `(?:${STEPS.map((step) => step.replace(/[-\s]/g, '[-\\s]')).join('|')})(?![\\p{L}-])`;

/** Words after "simply" that are not a step: "simply put", "simply because", "simply not true", "simply the best". */
const NOT_A_STEP = oneLine`
  (?:put|because|not|want|wants|wanted|wish|like|prefer|a|an|the|too|more|less|no|as|than|that|to|by|for|in|on|at|with|from|being|
  be|are|is|was|were|stated|said|enough)`;

/** "just run", "simply click": an adverb that says a step is trivial, right before the step. */
const BEFORE_STEP = new RegExp(
  `(?<![\\p{L}'’-])(?:just|easily)(?=\\s+${STEP})|(?<![\\p{L}'’-])merely(?=\\s+(?:need|have\\s+to)\\b)` +
    // "Simply" before any verb the learner is told to do ("simply refuse", "Simply snap the note"); not "simply put" or "simply because".
    `|(?<![\\p{L}'’-])simply(?=\\s+(?!${NOT_A_STEP}(?![\\p{L}-]))\\p{Ll}[\\p{Ll}-]*(?![\\p{L}'’]))`,
  'giu',
);
/** Words after an opening "Just" that are not a step: "Just as…", "Just before noon", "Just one more thing", "Just talking it through". */
const NOT_A_STEP_AFTER_JUST = oneLine`
  (?:about|as|like|in|on|at|before|after|then|now|once|one|two|a|an|the|this|that|these|those|because|so|to|for|enough|right|over|
  under|below|above|behind|beside|inside|outside|past|round|around|how|what|when|where|why|who|which|make\s+sure|kidding|me|us|you|
  them|him|her|it|
  \p{Ll}+ing)`;
/** "Just bend your knees": an opening "Just" plays down whatever step follows. */
const JUST_OPENING = new RegExp(
  String.raw`(?<![\p{L}'’-])just(?=\s+(?!${NOT_A_STEP_AFTER_JUST}(?![\p{L}-]))\p{Ll}[\p{Ll}-]*(?![\p{L}'’]))`,
  'giu',
);
/**
 * "you can just eyeball it", "you'll just bin them": after the learner as subject, "just" before any verb plays the step down; not
 * "just about", "just as", "just see" (barely), "just in case".
 */
const JUST_AFTER_LEARNER = new RegExp(
  oneLine`
    \byou(?:\s+(?:can|could|should|will|would|might|may|must)|['’](?:ll|d))\s+just\s+(?!(?:about|as|like|see|hear|make|
    reach|manage|be|been|in|for|once|before|after|a|an|the|one|two|enough|right|now|then|because|so|to)(?![\p{L}-]))\p{Ll}[\p{Ll}-]+`,
  'giu',
);
/** "it's basically a", "that's basically": a point called too simple to explain ("basically common sense" is EASY's). */
function calledBasic(text: string, at: number): boolean {
  return (
    /\b(?:it['’]s|it\s+is|that['’]s|this\s+is|is|are)\s+$/i.test(text.slice(Math.max(0, at - 16), at)) &&
    !/^basically\s+common\s+sense/i.test(text.slice(at, at + 30))
  );
}
/** "you can basically treat …": an instruction told as if it needed no thought. */
function toldTheLearner(text: string, at: number): boolean {
  return /\byou(?:\s+(?:can|could|should|will|would|may|must|just)|['’](?:ll|d))?\s+$/i.test(text.slice(Math.max(0, at - 16), at));
}
/** "Obviously", "Of course, …", "Clearly, …", "Basically, …": a comment that the point should need no explaining. */
const COMMENT = /(?<![\p{L}'’-])(?:obviously|of\s+course|clearly(?=,)|basically)(?![\p{L}'’-])/giu;
/** Verbs of a slip: "it's easy to miss", "easy to forget", "easy to mix up". */
const EASY_TO_GET_WRONG = oneLine`
  (?:miss|forget|overlook|confuse|mix|get|make|lose|skip|underestimate|overestimate|misread|mistake|slip|fall|trip|assume|think|see|
  believe|feel|become|drift|break|damage|spill|lock|leave|click|press|send|delete|overwrite|double[- ]book|miscount|misplace)`;

/** "it's easy", "this is simple to fix", "that's trivial": a claim about how hard the learner will find it. */
const EASY = new RegExp(
  oneLine`
    (?<![\p{L}'’-])(?:it|this|this\s+(?:bit|part|step|one|task|stage))(?:['’]s|\s+is)\s+(?:(?:so|very|really|quite|pretty|super|
    fairly|relatively)\s+){0,2}(?:easy|simple|trivial)(?=\s*(?:[.!,;:)]|$)|\s+(?:once|when)\s+you(?![\p{L}])|\s+to\s+(?:fix|do|
    learn|install|set\s+up|understand|follow|write|run|solve|implement|add|change|see)(?![\p{L}]))` +
    // "Colour blocking is basically common sense": the point called too obvious to need teaching.
    `|(?<![\\p{L}'’-])(?:is|it['’]s|that['’]s)\\s+(?:(?:basically|just|really|all|simply)\\s+)?common\\s+sense(?![\\p{L}])` +
    // "It's easy to bring up", but not "it's easy to miss": a warning that a step is easily got wrong is no hedge.
    oneLine`
      |(?<![\p{L}'’-])(?:it|this)(?:['’]s|\s+is)\s+(?:(?:so|very|really|quite|pretty|super|fairly|relatively)\s+)?(?:easy|
      simple)\s+to\s+(?!${EASY_TO_GET_WRONG}(?![\p{L}]))\p{Ll}+(?:\s+(?:up|in|out|on|off|over|through|back))?(?![\p{L}])` +
    // "It's not rocket science", "the forms are a doddle", "that part is pretty straightforward": the same claim in other words.
    oneLine`
      |(?<![\p{L}'’-])(?:is|are|it['’]s|that['’]s|they['’]re)\s+(?:(?:honestly|really|pretty|quite|super|so|totally)\s+)?(?:not\s+rocket\s+
      science|a\s+doddle|a\s+breeze|a\s+piece\s+of\s+cake|child['’]s\s+play|a\s+no[- ]?brainer|dead\s+easy|(?:pretty|really|very|super|
      quite|totally|fairly)\s+straightforward)(?![\p{L}])` +
    // "you'll soon get the hang of it": a reassurance that the step is easy after all.
    `|(?<![\\p{L}'’-])you(?:['’]ll|\\s+will)\\s+(?:soon|quickly)\\s+(?:get\\s+the\\s+hang\\s+of\\s+it|pick\\s+it\\s+up)(?![\\p{L}])` +
    // "just a matter of knowing which screen to open".
    `|(?<![\\p{L}'’-])(?:just|simply|merely|basically)\\s+a\\s+(?:matter|case|question)\\s+of(?![\\p{L}])` +
    `|(?<![\\p{L}'’-])that['’]s\\s+(?:(?:so|very|really|quite|pretty|super)\\s+)?(?:easy|simple|trivial)(?=\\s*(?:[.!,;:)]|$))` +
    // "Evacuating is easy", "Walking a caller through the sign-up is simple": a task, named by its verb, called easy.
    oneLine`
      |(?<=(?:^|[.!?]\s{1,8})(?!(?:Some|No|Any|Every)thing\b)\p{Lu}\p{Ll}+ing\b[^.!?]{0,60}?\s)is\s+(?:(?:so|very|really|quite|pretty|
      super)\s+)?(?:easy|simple|trivial|a\s+breeze)(?=\s*(?:[.!,;:)]|$))`,
  'giu',
);
/**
 * In a lesson without code, a task called easy ("simple" describes a design as often as it judges a task): "The weekly count is easy
 * and takes ten
 * minutes", "Seat fittings are easy – you'll have them in a day", "most disputes are settled just by listening", "last week's plan is
 * probably fine".
 */
const WORKPLACE_EASY = new RegExp(
  oneLine`
    (?<![\p{L}'’-])(?:it|this|that)(?:['’]s|\s+is)\s+(?:(?:so|very|really|quite|pretty|super|fairly|relatively)\s+){0,2}easy(?=\s*
    (?:[–—]|\s-\s|and\s))|
    (?<=\p{Ll}s\s{1,4})are\s+(?:(?:so|very|really|quite|pretty|super)\s+)?easy(?=\s*(?:[.!;:–—]|\s-\s|$))|
    (?<=(?:(?:^|[.!?]\s{1,8})(?:The|This|That|Your|Our)|,\s{1,8}(?:the|this|that|your|our))(?:\s{1,4}[\p{L}-]{1,30}){1,3}\s{1,4})is\s+
    (?:(?:so|very|really|quite|pretty|
    super)\s+)?easy(?=\s*(?:[.!–—]|\s-\s|and\s|$))|
    (?<![\p{L}'’-])(?:just|simply)\s+by\s+\p{Ll}+ing(?![\p{L}])|
    (?<![\p{L}'’-])(?:is|are|it['’]s)\s+(?:(?:really|actually|honestly)\s+)?(?:(?:quite|pretty|very|fairly)\s+)?(?:a\s+)?(?:(?:quite|
    pretty|very|fairly)\s+)?(?:simple|easy|straightforward|quick)\s+(?:idea|concept|process|task|job|thing|one|fix)(?![\p{L}])|
    (?<![\p{L}'’-])(?:is|are|['’]s)\s+(?:(?:so|very|really|quite|pretty|super|fairly|honestly)\s+){0,2}(?:easy|simple)\s+once\s+
    you(?![\p{L}])|
    (?<![\p{L}'’-])(?:is|are)\s+really\s+just\s+\p{Ll}+(?![\p{L}])|
    (?<![\p{L}'’-])(?:is|are|it['’]s|that['’]s)\s+probably\s+(?:fine|ok(?:ay)?|enough|good\s+enough|all\s+right|alright)(?![\p{L}])`,
  'giu',
);
/**
 * In a lesson without code, a step made small in any words: "is a quick formality", "is just a couple of clicks", "is mostly common
 * sense", "it's nothing complicated", "is really nothing" (not "the client says it was nothing"), "the easy bit", "a simple matter
 * of ticking", "the tool more or less does it for you", "fairly easy to spot", "it's probably nothing, but".
 */
const MADE_SMALL = new RegExp(
  oneLine`
    (?<![\p{L}'’-])(?:is|are|it['’]s|that['’]s|was)\s+(?:(?:really|just|only|mostly|largely|basically|simply|usually|always|
    pretty\s+much|more\s+or\s+less)\s+){0,2}(?:a\s+(?:(?:quick|simple|mere|pure|small)\s+)?formality|
    (?:(?<=(?:really|just)\s+)nothing|nothing\s+(?:complicated|difficult|hard|much|to\s+it))(?![\p{L}])|(?:just\s+)?a\s+(?:bit|couple|
    few)\s+of\s+(?:clicks|taps|arithmetic|maths|typing|admin|minutes)|a\s+(?:simple|quick|small)\s+matter\s+of|a\s+(?:(?:pretty|
    really|very|quite)\s+)?(?:quick|simple|easy)\s+(?:job|sum|check|one|win|bit)|(?:mostly|largely|pretty\s+much)\s+common\s+sense)
    (?![\p{L}])|
    (?<![\p{L}'’-])(?:it['’]s|that['’]s)\s+nothing\s+complicated(?![\p{L}])|
    (?<![\p{L}'’-])the\s+easy\s+(?:bit|part)(?![\p{L}])|
    (?<![\p{L}'’-])more\s+or\s+less\s+does\s+it(?![\p{L}])|
    (?<![\p{L}'’-])(?:is|are|it['’]s)\s+(?:(?:usually|honestly)\s+)?(?:pretty|fairly|quite|really)\s+(?:obvious|trivial|easy\s+to\s+(?:spot|
    see|tell|do|get\s+right|
    learn|pick\s+up))(?![\p{L}])|
    (?<![\p{L}'’-])(?:is|it['’]s)\s+straightforward,\s+just(?![\p{L}])|
    (?<![\p{L}'’-])it['’]s\s+probably\s+nothing,\s+but(?![\p{L}])|
    (?<![\p{L}'’-])(?:is|are|it['’]s)\s+(?:simple|easy)\s+enough(?=\s*[,;:–—!]|\s+-\s)|
    (?<![\p{L}'’-])(?:is|are)\s+easy\s+work(?![\p{L}])|
    (?<![\p{L}'’-])(?:is|it['’]s)\s+(?:just|only)\s+a\s+quick\s+(?:glance|look|check|scrape|wipe|once-over|scan)(?![\p{L}])|
    (?<![\p{L}'’-])(?:it['’]s|is|becomes)\s+(?:pretty\s+much|simply)\s+(?:second\s+nature|automatic)(?![\p{L}])|
    (?<![\p{L}'’-])(?:don['’]t|do\s+not)\s+overthink\s+it(?![\p{L}])|
    (?<![\p{L}'’-])(?:is|are|it['’]s)\s+(?:(?:usually|really|honestly)\s+)?no\s+big\s+deal(?![\p{L}])|
    (?<=,\s{0,3})nothing\s+to\s+worry\s+about(?![\p{L}])`,
  'giu',
);
const MADE_SMALL_ANCHOR = new RegExp(
  oneLine`
    formality|nothing|couple|few|bit|matter|quick|simple|easy|common\s+sense|more\s+or\s+less|obvious|straightforward|second\s+nature|
    automatic|overthink|big\s+deal|trivial`,
  'i',
);

/** A word in every WORKPLACE_EASY phrase. */
const WORKPLACE_EASY_ANCHOR = /easy|simple|straightforward|quick|just|simply\s+by|probably/i;

/** A word in every EASY phrase: blocks without one are skipped. */
const EASY_ANCHOR = new RegExp(
  oneLine`
    easy|simple|trivial|(?:just|simply|merely|basically)\s+a\s|common\s+sense|rocket|doddle|breeze|piece\s+of\s+cake|child['’]s\s+play|
    brainer|straightforward|hang\s+of\s+it|pick\s+it\s+up`,
  'i',
);

/**
 * An instruction that hedges itself: "you could perhaps ask", "you might want to sort of rock the
 * load", "Managers should probably respond", "it's maybe worth checking". A learner cannot tell
 * whether the step is required; safety and compliance steps above all. "If you have time, try…"
 * marks an optional activity plainly, and is fine.
 */
const HEDGED_STEP = new RegExp(
  [
    String.raw`\b(?:you|we)\s+(?:could|might|may)\s+(?:perhaps|maybe|possibly)\b`,
    oneLine`
      \b(?:you|we)\s+(?:could|might|may|should|can|want\s+to|need\s+to)\s+(?:[\p{L}'’]+\s+){0,3}?(?<!\b(?:any|some|a|an|the|this|that|
      what|which|every|one|no|each|same|other)\s+)(?:sort|kind)\s+of\s+(?=\p{Ll})`,
    String.raw`\b(?:should|must|need\s+to|needs\s+to|ought\s+to)\s+probably\b|\bprobably\s+(?:should|ought\s+to)\b`,
    String.raw`\b(?:it['’]s|it\s+is|it\s+might\s+be|it\s+may\s+be)\s+(?:maybe\s+|perhaps\s+|probably\s+)(?:worth|best|a\s+good\s+idea)\b`,
    String.raw`\b(?:try\s+(?:to|and)\s+)(?:maybe|perhaps|possibly)\b`,
    // "You can probably skip the second check", "you can more or less ignore it": a step the learner may or may not take.
    oneLine`
      \b(?:you|we)\s+can\s+(?:probably|more\s+or\s+less|pretty\s+much)\s+(?!(?:see|guess|tell|imagine|
      think|figure|understand|work\s+out|already|spot|recogni[sz]e|predict|expect|remember|skim)\b)\p{Ll}+`,
    // "The amber alarms can probably wait", "the second form can probably be skipped": whether a step can be put off, left open.
    String.raw`\bcan\s+probably\s+(?:wait|be\s+(?:left|skipped|ignored|missed|done\s+later|put\s+off)|go\s+(?:unchecked|unreported))\b`,
    // "You don't really need to read every clause": a required step waved away.
    String.raw`\b(?:you|we)\s+(?:don['’]t|do\s+not|won['’]t)\s+really\s+(?:need|have)\s+to\b`,
    // "It's quite important not to kneel on the fabric": a rule said to matter only somewhat.
    oneLine`
      \b(?:it['’]s|it\s+is|this\s+is|that['’]s)\s+(?:quite|fairly|somewhat|reasonably|rather|kind\s+of|sort\s+of)\s+(?:important|
      essential|vital|necessary)\b`,
    // "A look along each shelf is kind of enough".
    String.raw`\b(?:is|are|it['’]s|that['’]s)\s+(?:kind|sort)\s+of\s+(?:enough|fine|ok(?:ay)?|optional)\b`,
    // "Try to knock if you remember": a step left to the learner's memory.
    String.raw`\bif\s+you\s+(?:remember|can\s+be\s+bothered|get\s+round\s+to\s+it|feel\s+like\s+it)(?=\s*[.!;)]|$)`,
  ].join('|'),
  'giu',
);

/** A word in every HEDGED_STEP phrase. */
const HEDGE_ANCHOR = new RegExp(
  oneLine`
    perhaps|maybe|possibly|sort\s+of|kind\s+of|probably|remember|bothered|round|feel|more\s+or\s+less|pretty\s+much|t\s+really|quite|
    fairly|somewhat|reasonably|rather`,
  'i',
);

/** "everyone knows", "as we all know", "it goes without saying". */
const COMMON_KNOWLEDGE = new RegExp(
  oneLine`
    (?<![\p{L}'’-])(?:(?<!\b(?:the|a|an)\s+[\p{L}-]+\s+)(?:everyone|everybody)\s+knows(?!\s*[.!;,]|\s+(?:who|what|where|when|which|
    how|whose)\b)|as\s+(?:we|you)\s+all\s+know|it\s+goes\s+without\s+saying)(?![\p{L}'’-])`,
  'giu',
);

/**
 * Who takes the step: the learner addressed ("you can just run", "we just need to", "let's just
 * use", ", just click", "Simply open"). After another subject the word means "only" ("comments that
 * simply restate the code", "the app can't just place orders"), and after "have" it means
 * "recently" ("we have just run").
 */
const LEARNER_BEFORE = new RegExp(
  oneLine`
    (?:[,;:(]|\b(?:you|we|let['’]s|let\s+us|then|and|or|so|to|please)|\b(?:you|we)['’](?:ll|d)|\b(?:you|we)\s+(?:can|could|should|
    will|would|might|may|must|also|now|then|still)(?:\s+(?:also|now|then|still))?)\s+$`,
  'i',
);
/**
 * "In the secure field, just clip on the long line": "just" opening the main clause after a comma, before a verb in its plain form
 * ("…, just minutes later" is no step).
 */
function afterOpeningPhrase(text: string, found: PhraseMatch): boolean {
  const at = found.match.index ?? 0;
  return (
    OPENING_PHRASE.test(text.slice(sentenceAround(text, at).start, at)) && !/^just\s+\p{Ll}{2,}[^s\s]s(?![\p{L}])/u.test(text.slice(at))
  );
}

/** A phrase that sets the time or place of a step, then a comma ("In the secure field, ", "Once the van is parked, "), or "Then". */
const OPENING_PHRASE = /^\s*(?:(?:in|on|at|when|once|after|before|then|from|inside|outside|back|here|there)\b[^,;:]{0,60},|then|next)\s+$/i;

/** "less obviously", "not obviously useful", "so clearly": a comparison or a negation. */
const NOT_A_COMMENT = /\b(?:less|more|most|least|not|so)\s+$/i;

export default defineRule({
  id: 'hedge-words',
  category: 'clarity',
  description:
    'No words that tell learners a step is easy or obvious ("just", "simply", "obviously", "it\'s easy"), ' +
    'nor instructions that hedge ("you could perhaps").',
  defaultSeverity: 'info',
  options: z
    .object({
      comments: z
        .boolean()
        .default(true)
        .describe('Also check "obviously", "clearly,", "of course" and "basically", which comment on the point rather than on a step.'),
      hedges: z
        .boolean()
        .default(true)
        .describe(
          'Also check instructions that hedge themselves: "you could perhaps ask", "you should probably", "sort of rock the load".',
        ),
    })
    .strict(),
  docs: {
    rationale:
      'What is easy for the author is not easy for every learner. ' +
      '"Just run the script" or "obviously" tells a learner who is stuck that the fault is theirs, ' +
      'and they stop asking. An instruction that hedges itself ("you could perhaps ask", "you should probably", "sort of rock the load") ' +
      'leaves them unsure whether the step is required ("If you have time, try…" marks an optional activity plainly, and is fine). ' +
      'Only uses that play a step down are flagged: "just" before an instruction ("just click", "you just need to", ' +
      '"you can just eyeball it"), not "just before", ' +
      '"just like", "you can just about see" or "we have just seen"; "it\'s easy" as a claim, not "easy to forget"; ' +
      '"basically" opening a sentence, and in a lesson without code also after "it\'s" or "is" ("it\'s basically a formality"), ' +
      'where a technical lesson explains ("a list is basically an array"). In a lesson without code, a step made small in other ' +
      'words is flagged too: "is a quick formality", "is just a couple of clicks", "the easy bit", "is mostly common sense", ' +
      '"it\'s nothing complicated", "fairly easy to spot", not "the client said it was nothing". Words in quotation marks are ' +
      "someone's, not the lesson's to the learner (\"It's fine, just do it,\" the client says).",
    howToFix:
      'Delete the word: "Run the script" says the same as "Just run the script". ' +
      'The quick fix does this where the word stands right before the step. ' +
      'Instead of "it\'s easy", say what the step takes ("it takes two commands"), or that it gets easier with practice. ' +
      'Instead of a hedge, say the step ("Ask the privacy team first") or say plainly that it is optional and when it helps.',
  },
  check({ doc, options, settings, report: reportFinding }) {
    // One finding per sentence: "It's easy, just ask" is one thing to rewrite.
    const sentences = new Set<number>();
    const report = (found: PhraseMatch, finding: Report) => {
      const key = found.block.toSource(sentenceAround(found.block.text, found.match.index ?? 0).start);
      // "It's fine, just do it," the client says: someone's words, not the lesson's to the learner.
      if (sentences.has(key) || insideQuotation(found.block.text, found.match.index ?? 0)) return;
      sentences.add(key);
      reportFinding(finding);
    };
    // Findings without a fix first: fixing a word must not uncover another finding in its sentence.
    const easy = findInProse(doc, EASY, settings, EASY_ANCHOR);
    if (!hasCode(doc))
      easy.push(
        ...findInProse(doc, WORKPLACE_EASY, settings, WORKPLACE_EASY_ANCHOR),
        ...findInProse(doc, MADE_SMALL, settings, MADE_SMALL_ANCHOR),
      );
    for (const found of easy.sort((a, b) => a.start - b.start)) {
      report(found, {
        start: found.start,
        end: found.end,
        message:
          `Unexpected "${found.text.replace(/\s+/g, ' ')}", expected what the step takes, or no comment: ` +
          `a learner who finds it hard concludes the fault is theirs.`,
      });
    }
    if (options.hedges) {
      for (const found of findInProse(doc, HEDGED_STEP, settings, HEDGE_ANCHOR)) {
        report(found, {
          start: found.start,
          end: found.end,
          message:
            `Unexpected hedge "${found.text.replace(/\s+/g, ' ').trim()}" in an instruction, expected the step said plainly: ` +
            `learners cannot tell whether it is required.`,
        });
      }
    }
    for (const found of findInProse(doc, JUST_AFTER_LEARNER, settings, /just/i)) {
      const at = found.match.index ?? 0;
      if (negatedInClause(found.block.text, at)) continue;
      // The word and the verb that follows are in BEFORE_STEP's findings when the verb is a listed step.
      if (new RegExp(`^\\S+(?:\\s+\\S+)?\\s+just\\s+${STEP}`, 'iu').test(found.text)) continue;
      report(found, {
        start: found.start,
        end: found.end,
        message:
          `Unexpected "just" in "${found.text.replace(/\s+/g, ' ')}", expected the step alone: ` +
          `it tells a learner who finds it hard that the fault is theirs.`,
      });
    }
    for (const found of findInProse(doc, COMMON_KNOWLEDGE, settings, /know|goes\s+without/i)) {
      report(found, {
        start: found.start,
        end: found.end,
        message: `Unexpected "${found.text.replace(/\s+/g, ' ')}", expected the fact alone: some learners do not know it yet.`,
      });
    }
    const beforeSteps = findInProse(doc, BEFORE_STEP, settings, /just|simply|easily|merely/i);
    const openings = findInProse(doc, JUST_OPENING, settings, /just/i).filter(
      (found) =>
        (isSentenceStart(found.block.text, found.match.index ?? 0) || afterOpeningPhrase(found.block.text, found)) &&
        !beforeSteps.some((step) => step.start === found.start),
    );
    for (const found of [...beforeSteps, ...openings].sort((a, b) => a.start - b.start)) {
      const at = found.match.index ?? 0;
      const word = found.text.toLowerCase();
      if (negatedInClause(found.block.text, at)) continue;
      if (!isSentenceStart(found.block.text, at) && !LEARNER_BEFORE.test(found.block.text.slice(Math.max(0, at - 24), at))) continue;
      const removal = deletion(doc.text, found.block, at, found.text.length);
      report(found, {
        start: found.start,
        end: found.end,
        message:
          `Unexpected "${found.text}" before a step, expected the step alone: ` +
          `"${word}" tells a learner who finds it hard that the fault is theirs.`,
        ...(removal && { fix: removal }),
      });
    }
    if (options.comments) {
      for (const found of findInProse(doc, COMMENT, settings, /obviously|of\s+course|clearly|basically/i)) {
        const at = found.match.index ?? 0;
        const text = found.block.text;
        const lower = found.text.toLowerCase().replace(/\s+/g, ' ');
        if (NOT_A_COMMENT.test(text.slice(Math.max(0, at - 12), at))) continue;
        const opening = isSentenceStart(text, at);
        const aside = /,\s*$/.test(text.slice(Math.max(0, at - 3), at)) && text.charAt(at + found.text.length) === ',';
        if (lower === 'of course' && !opening && !aside) continue;
        // In a lesson with code, "a list is basically an array" explains; in workplace prose it waves the point away.
        if (lower === 'basically' && !opening && (hasCode(doc) || !(calledBasic(text, at) || toldTheLearner(text, at)))) continue;
        if (lower === 'clearly' && !opening) continue;
        const removal = deletion(doc.text, found.block, at, found.text.length);
        const safe = aside || (opening && text.charAt(at + found.text.length) === ',');
        report(found, {
          start: found.start,
          end: found.end,
          message:
            `Unexpected "${found.text.replace(/\s+/g, ' ')}", expected the point without it: ` +
            `what is obvious to you may not be to a learner.`,
          ...(removal && (safe ? { fix: removal } : { suggestions: [removal] })),
        });
      }
    }
  },
});

/** "If you're not sure, just set it to auto": a negation before the comma belongs to another clause. */
function negatedInClause(text: string, at: number): boolean {
  const comma = text.lastIndexOf(',', at - 1);
  return comma === -1 ? isNegated(text, at) : isNegated(text.slice(comma + 1), at - comma - 1);
}

/**
 * Removes a word and the space after it ("just run" → "run"), an aside with its commas ("can, of
 * course, use" → "can use"), or an opening word with its comma, capitalising what follows
 * ("Obviously, it …" → "It …"). Undefined when the source does not hold the text as written.
 */
function deletion(source: string, block: ProseBlock, at: number, length: number): Fix | undefined {
  const text = block.text;
  let from = at;
  let to = at + length;
  const opening = isSentenceStart(text, at);
  if (!opening && text.charAt(to) === ',' && /,\s*$/.test(text.slice(Math.max(0, from - 3), from))) {
    from = text.lastIndexOf(',', from - 1);
    to += 1;
  } else {
    if (text.charAt(to) === ',') to += 1;
    while (/\s/.test(text.charAt(to))) to++;
    if (to >= text.length || /[.!?;:)]/.test(text.charAt(to))) {
      to = at + length;
      from = at;
      while (from > 0 && /\s/.test(text.charAt(from - 1))) from--;
    }
  }
  const capitalise = opening && to < text.length && /\p{Ll}/u.test(text.charAt(to));
  const end = capitalise ? to + 1 : to;
  const range = block.sourceRange(from, end);
  const expected = text.slice(from, end);
  if (source.slice(range.start, range.end) !== expected) return undefined;
  const replacement = capitalise ? text.charAt(to).toUpperCase() : '';
  const word = text.slice(at, at + length).replace(/\s+/g, ' ');
  return { title: `Remove "${word}"`, edits: [{ start: range.start, end: range.end, text: replacement }] };
}
