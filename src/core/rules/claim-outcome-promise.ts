import { z } from 'zod';
import { hasCode } from '../analysis/audience';
import type { OffsetRange } from '../document/model';
import type { ProseBlock } from '../document/prose';
import { overlaps } from '../types/range';
import { blockSentences, findInProse, findWithExtraPhrases, isNegated, sentenceAround } from '../prose';
import { defineRule } from './rule';
import { phraseGroups, prefilterGroup } from './prefilter';
import { oneLine } from '../text/pattern';

const START = String.raw`(?<![\p{L}\p{N}_-])`;
const END = String.raw`(?![\p{L}\p{N}_])`;
const AMOUNT = oneLine`
  (?:\d+|a\s+single|one\s+single|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty|a\s+few|just\s+\w+|only\s+\w+)`;
const SPAN = String.raw`(?:days?|weeks?|hours?|minutes?|months?|weekends?|afternoons?|mornings?|evenings?|sittings?|lunch\s+breaks?)`;
const JOB = oneLine`
  (?:dream|better|high[- ]paying|well[- ]paid|great|tech|six[- ]figure)\s+(?:[\p{L}-]+\s+)?(?:job|role|position|
  career)s?(?!\s+(?:ids?|numbers?|scripts?|arrays?|queues?|status|files?|names?|steps?|runs?|logs?))`;

/** Who makes the promise: the learner told what will happen, or the training that guarantees it. */
const PROMISER = oneLine`
  (?:you(?:['’]ll|\s+will|\s+are\s+(?:guaranteed|certain|sure)\s+to|['’]re\s+(?:guaranteed|certain|sure)\s+to)|guaranteed\s+to|
  guarantees?\s+(?:that\s+)?you(?:['’]ll|\s+will)?|ensures?\s+(?:that\s+)?you(?:['’]ll|\s+will)?|(?:will|
  is\s+going\s+to)\s+(?:help\s+you|make\s+sure\s+you|let\s+you))`;
const TARGET = String.raw`(?:targets?|quotas?|numbers|goals?|KPIs?|budgets?|forecasts?|stretch\s+goals?)`;
const REWARD = oneLine`
  (?:bonus(?:es)?|commissions?|money|cash|pay|income|earnings|rewards?|incentives?|payouts?|take[- ]home(?:\s+pay)?|pay\s+packet)`;

/**
 * Promises of a personal result the course cannot deliver: money, a job, a promotion, a passed exam,
 * expertise in a few days. "Pass the tests", "submit a job", "get the job ID" are left alone.
 */
const PROMISES = [
  oneLine`
    (?:you|learners|students|graduates)(?:['’]ll|\s+will|\s+could|\s+can)?\s+(?:earn|make)\s+(?:more(?=\s+(?:money|cash|${REWARD}|
    than|per|a\s+(?:year|month)))|up\s+to|over|[$£€]\s?\d|\d[\d,]*\s?(?:k|dollars|pounds|euros)|a\s+(?:six|seven)[- ]figure|
    six\s+figures|thousands|a\s+higher\s+salary|a\s+fortune)`,
  String.raw`earn\s+(?:up\s+to\s+)?[$£€]\s?\d[\d,.]*\s?k?`,
  String.raw`(?:double|triple|boost|increase|raise|grow)\s+your\s+(?:salary|income|earnings|pay|paycheck|pay\s+cheque)`,
  String.raw`(?:six|seven)[- ]figure\s+(?:salary|income|job|career)`,
  String.raw`get\s+(?:hired|promoted|a\s+promotion|a\s+(?:pay\s+)?raise)`,
  String.raw`land\s+(?:a|an|your|the|their|that)\s+(?:[\p{L}-]+\s+){0,2}?(?:job|role|position|career|offer|internship)s?`,
  String.raw`(?:get|find|secure)\s+(?:a|your)\s+${JOB}`,
  oneLine`
    (?:get|find|secure)\s+(?:a|your)\s+(?:[\p{L}-]+\s+)?(?:job|role|position)\s+(?:in\s+[\p{L}-]+\s+)?(?:in|
    within)\s+${AMOUNT}\s+${SPAN}`,
  oneLine`
    (?:job|placement|employment|interview|hiring)\s+guarantee[ds]?|guaranteed\s+(?:a\s+)?(?:job|placement|employment|interview|
    promotion|raise|pass)`,
  String.raw`guaranteed\s+to\s+(?:pass|sail\s+through|breeze\s+through|ace|get\s+(?:hired|promoted|a\s+job)|land|earn|succeed)`,
  // "you'll be ready to run your own hives and take home a share of the sales".
  String.raw`${PROMISER}\s+(?:[^.!?;]{0,60}?\s)?(?:take|bring)\s+home\s+(?:a|your)\s+share\s+of`,
  oneLine`
    pass\s+(?:the|your|any)\s+(?:[\p{L}-]+\s+)?(?:exam|certification)s?\s+(?:guaranteed|on\s+(?:the|your)\s+first\s+(?:try|attempt)|
    every\s+time)`,
  String.raw`(?:100\s?%|guaranteed)\s+pass(?:\s+rate)?`,
  oneLine`
    (?:become|be)\s+(?:an?\s+)?(?:[\p{L}-]+\s+)?(?:expert|master|pro|professional|ninja|guru|developer|programmer|data\s+scientist|
    engineer)(?:\s+(?:in|at|on|with)\s+(?:[\p{L}\p{N}#+.-]+\s+){0,2}?[\p{L}\p{N}#+.-]+)?\s+in\s+${AMOUNT}\s+${SPAN}`,
  String.raw`master\s+(?:[\p{L}\p{N}#+.-]+\s+){1,3}?in\s+${AMOUNT}\s+${SPAN}`,
  String.raw`(?:change|transform|launch)\s+your\s+career\s+in\s+${AMOUNT}\s+${SPAN}`,
  // Targets, deals, rewards, audits: what workplace training is tempted to promise.
  oneLine`
    ${PROMISER}\s+(?:(?:easily|always|consistently|finally|comfortably)\s+)?(?:beat|hit|exceed|smash|crush|surpass|top|blow\s+(?:past|
    through)|double|triple|reach|meet|make)\s+(?:your|every|each|the|all|any)\s+(?:[\p{L}-]+\s+){0,2}?${TARGET}`,
  oneLine`
    ${PROMISER}\s+(?:(?:easily|always)\s+)?(?:close|win|land|sign|book)\s+(?:more|twice\s+as\s+many|double\s+the|every|bigger|
    larger)\s+(?:[\p{L}-]+\s+)?(?:deals|sales|contracts|accounts|clients|customers|bookings)`,
  oneLine`
    ${PROMISER}\s+(?:(?:easily|always)\s+)?(?:pass|ace|sail\s+through|breeze\s+through|clear)\s+(?:the|your|any|every|each|all|
    our)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}?(?:audits?|inspections?|exams?|assessments?|certifications?|certificates?|qualifications?|
    practicals?|observations?|checks?|reviews?|tests?)`,
  // Not what someone is after: "chasing losses and trying to get more money".
  oneLine`
    (?<!\b(?:try|trying|tries|tried|want|wants|wanted|wanting|need|needs|needed|desperate|attempts?|attempting)\s+to\s+)
    (?:earn|make|take\s+home|pocket|get|receive|unlock|collect|bring\s+home)\s+(?:an?\s+)?(?:much\s+|even\s+|far\s+)?(?:more|bigger|
    higher|larger|extra|additional|fatter|better)\s+(?:[\p{L}-]+\s+)?${REWARD}`,
  oneLine`
    (?:boost|grow|increase|double|triple|maximi[sz]e|raise|supercharge)\s+your\s+(?:[\p{L}-]+\s+)?(?:bonus(?:es)?|commissions?|
    earnings|income|pay|take[- ]home(?:\s+pay)?|pay\s+packet)`,
  oneLine`
    ${PROMISER}\s+(?:(?:finally|soon)\s+)?(?:get|earn|win|secure|be\s+(?:first|next)\s+in\s+line\s+for|be\s+up\s+for)\s+(?:(?:that|
    the|a|your)\s+)?(?:[\p{L}-]+\s+)?(?:promotion|raise|bonus|pay\s+rise|award)`,
  String.raw`fast[- ]track\s+your\s+(?:career|promotion|progression)`,
  // "Staff who pass go straight onto the fast track for promotion": a career step promised for finishing.
  oneLine`
    (?:go|goes|get|gets|move|moves|are\s+put|is\s+put)\s+(?:straight\s+|directly\s+)?(?:onto|on\s+to|into)\s+(?:the|a)\s+
    fast[- ]track`,
  // "Agents who master the new screen hit their targets every week": the result told as what follows for everyone who learns it.
  oneLine`
    who\s+(?:complete|master|follow|use|apply|finish|pass|learn|practi[sc]e|adopt|get\s+[^.!?;]{1,40}?\s+right)(?:\s+[^.!?;]{1,60}?)?\s+
    (?:hit|beat|exceed|smash|meet|reach|make|top)\s+(?:their|every|all|each)\s+(?:[\p{L}-]+\s+){0,3}?${TARGET}`,
  // "Completing this module qualifies you for the senior pay grade": finishing the course said to earn a reward.
  oneLine`
    (?:completing|finishing|passing)\s+(?:this|the|our)\s+(?:[\p{L}-]+\s+)?(?:module|course|lesson|training|programme|program)\s+
    (?:(?:qualifies|entitles|earns|gets|puts|moves)\s+you\b[^.!?;]{0,60}|counts\s+towards?\s+your\s+[^.!?;]{0,40}?\b(?:pay|grade|
    promotion|bonus|pay\s+rise)\b)`,
  // "you'll move up to the technician pay grade", "the first step to senior grade and pay": a pay or grade step promised.
  oneLine`
    (?:will|['’]ll)\s+(?:move|go|step)\s+(?:up\s+)?(?:onto|on\s+to|into|up\s+to|to)\s+(?:the|a)\s+(?:[\p{L}-]+\s+){0,3}?(?:pay\s+
    (?:grade|rate|band|step|scale)|grade|band)\b|(?:will|['’]ll)\s+(?:move|go)\s+(?:onto|on\s+to)\s+the\s+(?:full|higher|top|
    senior|enhanced)\s+(?:[\p{L}-]+\s+)?rate\b|(?:first|next)\s+step\s+(?:to|towards)\s+(?:[\p{L}-]+\s+){0,3}?(?:grade\s+and\s+
    pay|pay\s+and\s+grade|pay\s+rise|promotion)\b`,
  // "Guides who complete this module will pass their annual observed tour": an assessment passed by everyone who finishes.
  oneLine`
    who\s+(?:complete|finish|follow|use|apply|take|do)\s+(?:this|these|the|our)\s+[^.!?;]{1,60}?\s+(?:will\s+(?:all\s+|easily\s+)?)?
    (?:pass|sail\s+through|breeze\s+through)\s+(?:their|the|your|any|every)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:assessments?|audits?|
    inspections?|exams?|tours?|observations?|checks?|tests?|appraisals?|reviews?|sign-?offs?)`,
  // Anyone's target or post, forecast as certain: "agents who … will hit their monthly target every month".
  oneLine`
    (?:will|['’]ll)\s+(?:easily\s+|always\s+|consistently\s+)?(?:beat|hit|exceed|smash|crush|surpass)\s+(?:their|your|every|each|the|
    all|any|his|her)\s+(?:[\p{L}-]+\s+){0,2}?${TARGET}`,
  oneLine`
    will\s+be\s+(?:first|next|top)\s+in\s+line\s+for\s+(?:the\s+|a\s+|any\s+)?(?:[\p{L}-]+\s+){0,3}?(?:posts?|roles?|jobs?|positions?|
    promotions?|openings?|vacanc(?:y|ies)|raises?|bonus(?:es)?)`,
  // "You'll be taking home an extra €300": money promised to the learner.
  oneLine`
    ${PROMISER}\s+(?:be\s+)?(?:earn|mak|tak(?:e|ing)\s+home|bring(?:ing)?\s+home|pocket|get|receiv|collect|win|gain|
    see)\p{L}*\s+(?:[\p{L}-]+\s+){0,3}?[$£€]\s?\d[\d,.]*\s?k?`,
  oneLine`
    (?:you['’]re|you\s+are|you\s+will\s+be|you['’]ll\s+be|are|is|will\s+be|['’]re)\s+guaranteed\s+(?:a|an|your|
    the)\s+(?:[\p{L}-]+\s+){0,2}?(?:contract|job|role|position|place|promotion|raise|bonus|pay\s+rise|offer|seat|spot|pass)`,
  String.raw`(?:you(?:['’]ll|\s+will)|guaranteed\s+to|you\s+are\s+(?:certain|sure)\s+to)\s+(?:soon\s+|quickly\s+)?(?:be|get)\s+promoted`,
  oneLine`
    never\s+(?:fail|lose|miss)\s+(?:an?|another|your)\s+(?:[\p{L}-]+\s+)?(?:audit|inspection|exam|sale|deal|customer|target|quota|
    bonus)`,
  // "Do this and you'll …": a result promised for following the lesson, if it is the learner's quota, pay, post or standing.
  oneLine`
    and\s+you(?:['’]ll|\s+will)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:hit|make|beat|exceed|smash|crush|reach|meet|double|triple|close|win|get|
    earn|be|become|land|hire|never\s+miss(?:\s+out\s+on)?)\s+(?:[\p{L}'’-]+\s+){0,5}?(?:quotas?|targets?|commissions?|bonus(?:es)?|
    promot(?:ed|ion)|pay\s+rise|raise|expert|top\s+performer|overtime\s+pay|salary|(?:team|shift)\s+lead(?:er)?|(?:lead|manager|
    management|senior)\s+(?:role|position|job)|certified\s+to|every\s+(?:single\s+)?(?:deal|sale|quarter|month))`,
  // "Get intake right and you'll be moved onto the bench within your first month": a step up promised by a date.
  oneLine`
    (?:get|do|master|nail|learn)\s+(?:[\p{L}'’-]+\s+){1,4}?right,?\s+and\s+you(?:['’]ll|\s+will)\s+be\s+(?:on|onto|moved|
    promoted|put|signed\s+off|trusted|running|leading|given|in\s+charge|off\s+probation|qualified|certified)\s+(?:[\p{L}'’-]+\s+){0,6}?
    within\s+(?:your\s+first|the\s+first|a|one|two|three|four|six|nine|twelve|\d{1,2})\s+(?:few\s+)?(?:days?|weeks?|months?|
    years?)`,
  oneLine`
    your\s+(?:commission|bonus|pay|earnings|income|salary)\s+(?:will|is\s+going\s+to)\s+(?:double|triple|grow|rise|soar|jump|increase)`,
  oneLine`
    your\s+(?:promotion|raise|bonus|pay\s+rise|place|job|role|pass)\s+is\s+(?:(?:practically|virtually|all\s+but|almost|pretty\s+much|
    as\s+good\s+as)\s+)?guaranteed`,
];
/** A word that every promise contains: blocks without one are skipped cheaply. */
const ANCHOR = new RegExp(
  oneLine`
    earn|make|salar|income|pay|figure|hired|promot|raise|land|job|role|position|career|guarantee|exam|certification|pass|become|
    master|target|quota|number|goal|KPI|budget|forecast|deal|sale|contract|account|client|customer|booking|audit|inspection|fast|
    assessment|check|review|test|bonus|commission|money|cash|reward|incentive|home|never|line|post|vacanc|opening|expert|performer|
    overtime|lead|manager|certified|every|double|triple|grow|rise|soar|jump|increase|within|commend|written\s+up|warning|share|slot|
    upgrade|put\s+you|disciplin|rate\b`,
  'i',
);
const PROMISE = new RegExp(`${START}(?:${PROMISES.join('|')})${END}`, 'giu');

export default defineRule({
  id: 'claim-outcome-promise',
  category: 'claims',
  description:
    'No promises of personal outcomes the course cannot guarantee: a job, a promotion, a salary or bonus, a target met, ' +
    'a passed exam or audit, expertise in days.',
  defaultSeverity: 'warning',
  options: z
    .object({
      phrases: z.array(z.string()).default([]).describe('Extra promises to flag (words or phrases, matched case-insensitively).'),
    })
    .strict(),
  docs: {
    rationale:
      'Promising learners a job, a raise, a passed exam or expertise in a few days sets expectations the course cannot control, ' +
      'and can be misleading advertising. In a lesson without code, a career or pay result told as what will follow is one too: ' +
      '"you will be put forward for the next course", "your tips will go up", "engineers who pass the sign-off move up to Grade 3 ' +
      'pay", "the skill that gets officers promoted", "drivers who log every defect earn the safety bonus", "feeds straight into ' +
      'your annual pay award", "a glowing appraisal will follow", "you will never find yourself facing a disciplinary"; one ' +
      'finding a sentence. So are favours promised for doing the job well: "porters who keep their logs complete get first choice of ' +
      'the weekend shifts", "are never the ones pulled into the incident review", "you\'ll never have a shortfall deducted", "what ' +
      'gets assistants onto the store manager track". What someone is after is no promise ("chasing losses and trying to get ' +
      'more money"). ' +
      'Legal and marketing review such promises before publishing.',
    howToFix:
      'Say what learners will be able to do after the lesson (a measurable objective), ' +
      'and leave outcomes such as jobs or exam results to evidence you can cite, ' +
      'for example "78% of the 2025 cohort passed the exam on their first attempt (see the report)".',
  },
  reads: 'block-and-next',
  prefilter: (options) => [
    prefilterGroup([PROMISE], ANCHOR),
    prefilterGroup([RESULT_PROMISED]),
    prefilterGroup([CAREER_PROMISE], CAREER_WORDS),
    ...phraseGroups(options.phrases),
  ],
  check({ doc, options, report, settings }) {
    const reported: OffsetRange[] = [];
    const promise = (range: OffsetRange, text: string) => {
      reported.push(range);
      report({
        ...range,
        message:
          `Unexpected outcome promise "${text.replace(/\s+/g, ' ')}", expected what learners will be able to do, ` +
          `not a personal result the course cannot guarantee.`,
      });
    };
    for (const found of findWithExtraPhrases(doc, settings, PROMISE, ANCHOR, options.phrases)) {
      const at = found.match.index ?? 0;
      if (isNegated(found.block.text, at, 8) || isAboutBusinesses(found.block.text, at)) continue;
      promise({ start: found.start, end: found.end }, found.text);
    }
    // In a lesson without code: "Do this and <a result> will follow", where the result is one no course controls.
    if (hasCode(doc)) return;
    // One promise a sentence: "Hosts who … hit their target, and that feeds straight into the bonus" is one thing to rewrite.
    const inSentenceOf = (block: ProseBlock, at: number) => {
      const { start, end } = sentenceAround(block.text, at);
      const sentence = block.sourceRange(start, end);
      return reported.some((earlier) => overlaps(earlier, sentence));
    };
    for (const found of findInProse(doc, CAREER_PROMISE, settings, CAREER_WORDS)) {
      const range = { start: found.start, end: found.end };
      if (isNegated(found.block.text, found.match.index ?? 0, 8)) continue;
      if (inSentenceOf(found.block, found.match.index ?? 0)) continue;
      promise(range, found.text);
    }
    for (const block of doc.prose) {
      if (block.kind !== 'paragraph' || !RESULT_PROMISED.test(block.text)) continue;
      for (const sentence of blockSentences(block)) {
        const found = promiseIn(block.text.slice(sentence.start, sentence.end));
        if (!found) continue;
        const { match, offset } = found;
        const range = block.sourceRange(sentence.start + offset + match.index, sentence.start + offset + match.index + match[0].length);
        if (inSentenceOf(block, sentence.start)) continue;
        promise(range, match[0]);
      }
    }
  },
});

/** An aside between a result and its verb: "your rebooking numbers — and your commission — will go up". */
const ASIDE = String.raw`(?:\s*[,—–]\s*[^.!?;]{0,40}[,—–])?`;

/**
 * What no course controls: everyone, zero, a score or a pipeline that soars. A method said never to fail ("Drive this way and you will
 * never skid", "…every time") is an absolute claim, which claim-absolute reports: writers label it so.
 */
const RESULT =
  oneLine`
    (?:every\s+(?:single\s+)?(?!time\b)[\p{L}-]+|never\s+[^.!?;]{1,60}?\bagain\b|(?:five|5)[- ]star\s+(?:[\p{L}-]+\s+)?(?:reviews?|
    ratings?)|no\s+more\b|zero\s+[\p{L}-]+|(?:not|without)\s+(?:a\s+single|any|one)\s+[\p{L}-]+|
    a\s+single\s+[\p{L}-]+|disappear|vanish|dry\s+up|double|triple|soar|skyrocket|
    climb(?!\s+(?:down|in|out|into|onto|off|over|through|under|back|aboard|the|a|an|ladders?|stairs)\b)|top\s+performers?|motivated|
    (?:your|their)\s+bonus(?:es)?|leaderboard|league\s+table|\bcommendation|(?:be\s+)?(?:written\s+up|disciplined)\b|
    (?:a|an|another)\s+(?:written\s+|formal\s+|final\s+)?(?:warning|write-?up)\b|(?:into|
    in)\s+the\s+(?:nineties|top)|guaranteed|for\s+good|` +
  // What an employer or an assessor grants: "you will qualify for the performance bonus", "you'll be cleared for the Level 3 suite",
  // "your shop will hit its profit target", "your appraisal will be a formality", "you will pass your competency assessment".
  oneLine`
    (?:qualify|be\s+eligible|be\s+in\s+line)\s+for\s+(?:[\p{L}-]+\s+){0,4}?(?:bonus(?:es)?|pay|promotion|award|raise|rise|
    role|post|grade|band)\b|be\s+(?:cleared|signed\s+off)\s+(?:for|to|as)\b|(?:hit|beat|exceed|smash|reach|meet|
    make)\s+(?:its|their|your|the|every|each|all)\s+(?:[\p{L}-]+\s+){0,3}?(?:targets?|quotas?|KPIs?)\b|
    (?:a\s+(?:mere\s+)?formality|a\s+done\s+deal|plain\s+sailing|a\s+walk\s+in\s+the\s+park)|pass\s+(?:your|the|every|
    each)\s+(?:[\p{L}\p{N}'’-]+\s+){0,4}?(?:assessments?|audits?|inspections?|exams?|appraisals?|probation|sign-?offs?|practicals?|
    observations?|(?:competenc[ey]|skills?|fitness|driving|practical|theory|written|final)\s+(?:checks?|tests?))\b|
    pass\s+(?:your|the)\s+(?:[\p{L}\p{N}'’-]+\s+){1,4}?(?:first\s+time|on\s+(?:the|your)\s+first\s+(?:go|try|attempt))\b|
    (?:ratings?|scores?|reviews?|bookings|sales|tips|commission|earnings|numbers)
    ${ASIDE}\s+(?:go|going)\s+up\b|
    (?:be\s+)?(?:running|run|have|get)\s+your\s+own\s+(?:van|team|crew|shop|store|site|
    branch|business|department|round|patch|territory|salon|kitchen)\b|
    (?:your|their)\s+(?:annual|yearly|performance|end-of-year|next)\s+(?:review|appraisal)\b|appraisal|(?:pay|salary)\s+(?:band|
    grade|scale|rise|increase)\b|(?:be|get|go)\s+(?:straight\s+)?(?:on|onto)\s+the\s+(?:next\s+)?(?:[\p{L}-]+\s+){0,3}?(?:course|programme|
    program|intake|shortlist|scheme|rota|roster|rate)\b|
    be\s+offered\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}?
    (?:contract|job|role|post|position|promotion|place)\b|take\s+home\s+(?:a|your)\s+share\s+of\b|
    (?:paid|new|better|full-time|permanent|senior)\s+(?:[\p{L}-]+\s+){0,2}?(?:job|role|post|
    position)\b|` +
  // The learner's standing or career, or a certainty nobody has (the lookbehinds are bounded: they run backwards at every position): "first
  // in line for the award", "the agent everyone turns to", "the right one", "won't see another complaint".
  oneLine`
    first\s+in\s+line|first\s+(?:choice|pick)\s+(?:for|of|when)\b|never\s+have\s+(?:a|an|any|your)\s+(?:[\p{L}-]+\s+){0,3}?
    (?:deducted|held\s+back|docked|withheld|clawed\s+back)\b|(?:the|a)\s+(?:[\p{L}-]+\s+)?(?:person|one|expert|agent|colleague|name)\s+
    (?:(?:that|who|whom)\s+)?(?:everyone|
    everybody)|go[- ]to\s+(?:person|expert)|power\s+users?|careers?\s+(?:won['’]t|will|is\s+(?:safe|secure))|(?:be|get|win|earn|land|
    secure)\s+(?:(?:a|the|your|that)\s+(?:next\s+)?)?promot(?:ed|ion)\b|for\s+(?:the\s+|a\s+|your\s+)?(?:next\s+)?promotion\b|
    (?<=\b(?:hires?|candidates?|recruits?|choices?|
    decisions?)(?:\s{1,8}[\p{L}-]{1,30}){0,3}\s{1,8}will\s{1,8}be\s{1,8})the\s+right\s+(?:one|hire|choice|person)|(?<=\b(?:won['’]t|
    not|never)\s{1,8}(?:see|get|have|face|receive|take)\s{1,8})another\s+(?:[\p{L}-]+\s+)?(?:escalations?|complaints?|claims?|
    incidents?|fines?|warnings?|write-?ups?|audit\s+findings?|bad\s+reviews?)\b)`;
const RESULT_PROMISED = new RegExp(
  oneLine`
    ${RESULT}|\b(?:never|every\s+(?:single\s+)?time|will\s+follow|yours|in\s+the\s+bag|as\s+good\s+as|(?:practically|virtually)\s+
    guaranteed|(?:care\s+of|after)\s+(?:itself|themselves))\b`,
  'iu',
);
/** "Ask an owner and you'll often hear…": what the learner will hear or meet, or a result hedged, is no promise; a target met is one. */
const NOT_A_RESULT = oneLine`
  (?!(?:often|usually|probably|sometimes|likely|typically|hear|notice|meet(?!\s+(?:its|their|your|the|every|each|all)\s+
  (?:[\p{L}-]+\s+){0,3}?(?:targets?|quotas?|KPIs?)\b))\b)`;
/**
 * "Stick to this playbook and your satisfaction scores will climb into the nineties", "Report every
 * near miss and this site will finish the year with zero injuries", "Prep like this and your
 * commission is as good as cashed": an imperative, then "and", then what will follow. "Press Enter and the app will start" promises nothing
 * beyond the step.
 */
const CONDITIONAL_PROMISE = new RegExp(
  oneLine`
    ^(?!(?:The|A|An|This|That|These|Those|It|We|You|They|He|She|I|Our|Your|Their|His|Her|If|When|While|Once|After|Before|As|And|But|
    Or|So|Then|There|Here|Each|Every|All|Some|Most|Many|No|Not|What|Why|How|Who|Which|In|On|At|For|With|By|From|To|Only|Even|Just|
    Also|Between|During|Until|Within|Across|Around|Throughout|Under|Over|Along|Among|Beyond|Despite|Since|Without|Inside|Outside|
    Behind|Below|Above|Beside|Through|Near|Instead|Although|Though|Because|Unless)\b)\p{Lu}\p{Ll}+\b[^.!?;]{2,120}?,?\s+and\s+
    (?!(?:the|a|an|any|all)\s+[\p{L}-]+\s+(?:that\s+|which\s+)?(?:you|we|they)\s+(?:will|['’]ll)\b)
    (?:[\p{L}\p{N}'’-]+\s+){0,7}?(?:(?:\p{L}+['’]ll|will|won['’]t|can\s+be\s+(?:confident|sure|certain))\s+
    ${NOT_A_RESULT}[^.!?;]{0,80}?${RESULT}|(?:is|are)\s+(?:yours|in\s+the\s+bag|as\s+good\s+as\s+[\p{L}-]+|
    (?:practically|virtually)\s+guaranteed)|(?:contract|job|role|post|promotion|place|offer|bonus|raise|pay\s+rise)\s+
    (?:[\p{L}-]+\s+)?will\s+follow|(?:takes?|will\s+take)\s+care\s+of\s+(?:itself|themselves)|(?:looks?|
    will\s+look)\s+after\s+(?:itself|themselves))[^.!?;]*`,
  'u',
);
/**
 * "By the end of this lesson, you'll spot a fake request every single time", "you'll never have a claim bounced back again", "you'll be a
 * power user".
 */
const LASTING_PROMISE = new RegExp(
  oneLine`
    \byou(?:['’]ll|\s+will)\s+(?:never\s+(?:have|get|see|face|lose|miss|make|receive)\b[^.!?;]{1,60}?\bagain|
    [^.!?;]{1,60}?\bevery\s+single\s+time|be\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:power\s+user|go[- ]to\s+(?:person|expert)|
    expert|guru)\b)`,
  'iu',
);

/** "that they may not qualify", "that might mean": the clause's subject or its auxiliary, not what the people do. */
const NOT_PRONOUN_OR_AUXILIARY = oneLine`
  (?!(?:they|we|you|he|she|it|i|may|might|could|would|should|can|will|must|is|are|was|were|has|have|had|do|does|did|not)\b)`;

/**
 * Pay that goes up ("your tips will go up"), or a learner who goes up a grade; not one who goes up to the flat ("promise that
 * you'll go up").
 */
const GO_UP = oneLine`
  go\s+up(?:(?<!\byou(?:['’]ll|\s+will)\s+(?:[\p{L}-]+\s+){0,2}?go\s+up)|(?=\s+(?:a|an|one|two|three|\d+)\s+(?:[\p{L}-]+\s+)?
  (?:grades?|bands?|levels?|ranks?|steps?|notch(?:es)?|pay\s+(?:bands?|grades?|points?))\b))`;

/**
 * A career or pay result told as what will follow: "you will be put forward for the next course", "your tips will go up", "engineers who
 * pass the sign-off move up to Grade 3 pay", "the skill that gets officers promoted", "your room will sail through its next inspection".
 */
const CAREER_PROMISE = new RegExp(
  oneLine`
    \b(?:you(?:['’]ll|\s+will)|(?:your|their)\s+(?:[\p{L}-]+\s+)?(?:tips|pay|payments?|earnings|commission|bonus(?:es)?|income|salary|wages|
    (?:service\s+)?charges?|takings|ratings?|scores?|sales|numbers)${ASIDE}\s+will|
    (?:your|their)\s+(?:[\p{L}-]+\s+){0,2}?(?:will|['’]ll)(?=\s+
    (?:sail|be\s+(?:promoted|put\s+forward|fast[- ]tracked|rated)|get\s+promoted))|(?:who|that)\s+(?:pass|complete|master|finish|
    learn|follow|use|apply|convert|hit|achieve|sell|close|meet|do\s+well)\b[^.!?;]{1,60}?)\s+
    (?:[\p{L}-]+\s+){0,2}?(?:be\s+put\s+forward|move\s+up|moving\s+up|
    move\s+(?:onto|on\s+to)\s+(?:the\s+|a\s+)?(?:[\p{L}-]+\s+){0,4}?(?:pay|salary)\s+(?:band|grade|scale|rate)|
    earn\s+(?:the|a|an|their|your)\s+(?:[\p{L}-]+\s+){0,3}?(?:bonus|reward|award|commission|incentive)|
    be\s+rated\s+(?:higher|better|more\s+highly)|${GO_UP}|rise|climb|sail\s+through|(?:get|be)\s+promoted|earn\s+more|
    be\s+first\s+in\s+line|be\s+fast[- ]tracked|jump\s+the\s+queue)\b[^.!?;]{0,60}|
    \b(?:who|that)\s+(?:do\s+well|${NOT_PRONOUN_OR_AUXILIARY}\p{Ll}+)\b[^.!?;]{1,60}?\s+(?:[\p{L}-]+\s+){0,2}?(?:qualify\s+for|
    (?:are|get)\s+put\s+forward\s+for|
    pass\s+(?:their|your)\s+(?:[\p{L}-]+\s+){0,3}?(?:audits?|inspections?|assessments?|appraisals?)|
    (?:are\s+the\s+ones?\s+who\s+)?get\s+(?:picked|chosen|selected)\s+for|get\s+first\s+(?:choice|pick)\s+of|
    are\s+never\s+the\s+ones?\s+(?:pulled|called|dragged|hauled|named)|sail\s+through|
    (?:get|be)\s+promoted|move\s+up|earn\s+(?:the|a|an|their|your)\s+(?:[\p{L}-]+\s+){0,3}?(?:bonus|reward|award|commission|
    incentive))\b[^.!?;]{0,60}|
    \b(?:gets?|got|getting)\s+(?:[\p{L}-]+\s+)?(?:you|people|staff|[\p{L}-]+s)\s+promoted\b[^.!?;]{0,40}|
    \b(?:gets?|got|getting|puts?|putting)\s+(?:you|people|staff|[\p{L}-]+s)\s+(?:onto|on\s+to|on)\s+the\s+(?:[\p{L}-]+\s+){0,3}?
    (?:track|ladder|shortlist|programme|scheme)\b|
    \b(?:move|moves|moving|go|goes)\s+(?:up\s+)?(?:to|onto|on\s+to|into)\s+(?:the\s+|a\s+)?(?:[\p{L}\p{N}-]+\s+){0,4}?(?:pay\s+
    (?:band|rate|grade|scale)|band\s+\d|grade\s+\d|(?:senior|lead|supervisor|technician|team\s+leader)\s+(?:role|post|position))\b|
    \b(?:are|is|will\s+be|['’]ll\s+be)\s+first\s+in\s+line\s+(?:for|when)\b[^.!?;]{0,40}|
    \bwill\s+get\s+you\s+(?:there\b|the\s+(?:[\p{L}-]+\s+){1,2}you\s+want)|
    \b(?:will|['’]ll)\s+(?:get|take|see)\s+you\s+through\s+(?:your|the|any|every)\s+(?:[\p{L}-]+\s+){0,3}?(?:assessments?|exams?|
    tests?|audits?|inspections?|certificates?|certification|qualifications?|sign[- ]offs?)\b[^.!?;]{0,40}|
    \byou(?:['’]ll|\s+will)\s+(?:be\s+)?(?:moved|put|promoted|progress(?:ed)?|move)\s+(?:up\s+)?(?:onto|on\s+to|into|to)\s+the\s+next\s+
    (?!(?:module|lesson|page|section|screen|topic|unit|question|step|part|activity|exercise|video|chapter)\b)(?:[\p{L}-]+\s+){0,2}?
    (?:phase|stage|level|grade|band|rung|role|tier|rota|trip|voyage|intake)\b|
    \b(?:who|that)\s+\p{Ll}+\b[^.!?;]{1,60}?\s+earn\s+(?:the|a|an|their|your)\s+(?:[\p{L}-]+\s+){0,3}?bonus\b|
    \b(?:are|is)\s+the\s+ones?\s+who\s+(?:get|receive|are)\s+[^.!?;]{0,40}?(?:put\s+forward|bonus|promoted|pay\s+(?:rise|award))|
    \bfeeds?\s+(?:straight\s+|directly\s+)?into\s+(?:the|your|their)\s+(?:annual\s+|quarterly\s+|monthly\s+)?(?:pay\s+(?:award|rise)|
    bonus|appraisal)|\bwhat\s+the\s+(?:[\p{L}-]+\s+)?bonus\s+is\s+paid\s+on\b|
    \bkeeps?\s+your\s+(?:[\p{L}-]+\s+)?(?:pay|bonus)\s+(?:[\p{L}-]+\s+)?safe\b|
    \b(?:be|get|been|are|is)\s+moved\s+(?:up\s+)?(?:to|onto|on\s+to)\s+(?:the\s+)?(?:senior|lead|principal)\s+(?:[\p{L}-]+\s+){0,2}?
    (?:[\p{L}-]+)\b|
    \b(?:a\s+)?(?:good|strong|glowing|better)\s+(?:[\p{L}-]+\s+){0,2}?(?:appraisal|review|reference)\s+will\s+follow\b|
    \b(?:that|the)\s+(?:place|role|job|post|spot|position)\s+is\s+yours\b|
    \bguaranteed\s+(?:extra|more)\s+(?:shifts|hours|overtime)\b|
    \bnever\s+(?:be\s+)?(?:hauled|dragged)\s+(?:in\s+front\s+of|before|up\s+before)\b|
    \bnever\s+(?:find\s+(?:themselves|yourself)\s+)?fac(?:e|ing)\s+(?:a\s+)?disciplinary\b|
    \bget\s+put\s+forward\b|
    \b(?:will|['’]ll)\s+put\s+you\s+(?:up|forward)\s+for\b|
    \b(?:are|['’]re|is|will\s+be)\s+guaranteed\s+(?:(?:your|their)\s+own\b|(?:a|an|your|their|the)\s+(?:[\p{L}-]+\s+){0,3}?
    (?:slot|place|role|post|job|upgrade|promotion|grade|rise|raise|bonus|shifts?|rate|contract)\b)`,
  'giu',
);
/** The words of a result that only an employer gives: the anchor of CAREER_PROMISE's sentences. */
const CAREER_WORDS = new RegExp(
  oneLine`
    promot|forward|move|moving\s+up|rated|go\s+up|goes|rise|climb|sail|earn|first\s+in\s+line|fast[- ]track|jump|get\s+you|you\s+through|
    progress|put\s+on|ones?\s+who|feeds?|paid\s+on|keeps?|moved|appraisal|review|reference|yours|guaranteed|hauled|dragged|
    disciplinary|qualify|picked|chosen|selected|first\s+(?:choice|pick)|never\s+the\s+ones?|track|ladder|shortlist|put\s+you|pass|
    moved`,
  'i',
);

/** A conditional or lasting promise in the sentence, or in speech it quotes ('Then tell the team: "Raise it … and you'll …"'). */
function promiseIn(text: string): { match: RegExpExecArray; offset: number } | undefined {
  // A few quotations at most: each try reads to the end of the sentence, and a sentence may be all quotes.
  const starts = [0, ...[...text.matchAll(QUOTE_OPENING)].slice(0, MAX_QUOTES).map((quote) => (quote.index ?? 0) + quote[0].length)];
  for (const offset of starts) {
    const part = text.slice(offset);
    const match = CONDITIONAL_PROMISE.exec(part) ?? (offset === 0 ? LASTING_PROMISE.exec(part) : null);
    if (match) return { match, offset };
  }
  return undefined;
}

const QUOTE_OPENING = /(?<=[:\s])["“](?=\p{Lu})/gu;
const MAX_QUOTES = 4;

/** "Marketing helps companies reach more customers and make more money": a business's result, not a learner's. */
function isAboutBusinesses(text: string, at: number): boolean {
  const clause =
    text
      .slice(Math.max(0, at - 120), at)
      .split(/[.!?]\s/)
      .at(-1) ?? '';
  return BUSINESSES.test(clause) && !/\byou(?:r|['’]ll)?\b/i.test(clause);
}

const BUSINESSES =
  /\b(?:companies|businesses|firms|organi[sz]ations|brands|retailers|stores|shops|owners|employers|investors|shareholders)\b/i;
