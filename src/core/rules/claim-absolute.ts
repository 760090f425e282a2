import { z } from 'zod';
import { hasCode } from '../analysis/audience';
import { CODE_STAND_IN } from '../document/prose';
import { blockSentences, findInProse, findWithExtraPhrases, inReportedSpeech, isNegated, sentenceAround } from '../prose';
import { defineRule } from './rule';
import { phraseGroups, prefilterGroup } from './prefilter';
import { oneLine } from '../text/pattern';

const WORD_START = String.raw`(?<![\p{L}\p{N}_-])`;
const WORD_END = String.raw`(?![\p{L}\p{N}_])`;
/** Up to three words between a superlative and its scope: "the best *Python course* in the world". */
const FEW_WORDS = String.raw`(?:[\p{L}\p{N}’'-]+\s+){0,3}?`;

/** What a business sells or is: "the leading *courier*", "the #1 *CRM platform*". */
const OFFER = oneLine`
  course|choice|platform|provider|supplier|tool|solution|product|brand|training|school|bootcamp|app|company|vendor|service|
  manufacturer|retailer|insurer|bank|lender|carrier|courier|firm|partner|seller|maker|name|software|system|scanner|device|network|
  agency|consultancy|employer|store|shop|chain|operator|airline|hotel|marketplace|website|site|programme|program|method|CRM|ERP`;
/** After "guaranteed to": verbs of what code or maths does, not of what a product promises. */
/** "guaranteed to pass the audit": a promise to the learner, which claim-outcome-promise reports. */
const PROMISED_OUTCOME = String.raw`pass|sail\s+through|breeze\s+through|ace|get\s+(?:hired|promoted|a\s+job)|land|earn|succeed`;
const TECHNICAL_GUARANTEE = oneLine`
  be|have|return|only|exist|contain|terminate|hold|point|remain|run|execute|finish|converge|halt|produce|yield|visit|match|find|
  succeed\s+or|fail\s+or|stay\s+(?:up|valid|the\s+same)|increase\s+the\s+likelihood`;
/**
 * Third person: a product or a method does it, not the learner told to do it ("Always check the seal"), nor a person in a story
 * ("a seminar he never misses").
 */
const NEVER_FAILS =
  oneLine`
    (?<!\b(?:he|she)\s{1,8})(?:never|always)\s+(?:fails|works|goes\s+down|breaks(?:\s+down)?|crashes|
    lets\s+(?:you|anyone|customers|clients|us|them)\s+down|
    misses|loses\s+(?:data|a|any|track)|disappoints|delivers|(?<!\b(?:card|sheet|rule|rules|policy|plan|instructions?|procedure|
    law|manual|label|checklist|brief|briefing|order|decision|sign|signs|notice|contract|schedule|rota)\s{1,8}(?:always|never)\s{1,8})wins|
    pays\s+off|gets\s+it\s+wrong)` +
  // Plural: "the gloves never fail"; not the instruction "Never fail to report".
  oneLine`
    |(?<=(?:\p{L}s|they|these|those)\s{1,8})never\s+(?:fail|crash|go\s+down|let\s+(?:you|anyone|customers|clients|us|
    them)\s+down)(?!\s+to${WORD_END})`;
/**
 * After "… and you'll" or "… like this and it will": what a way of working always or never does ("always send the right one", "never
 * bulge"); not what the learner will always need or hear, nor "never … again" or "never face a disciplinary", outcome promises.
 */
const NEVER_LETS_DOWN = oneLine`
  always\s+(?!(?:need|have|want|find|see|be\s+(?:asked|expected|required|told)|hear|get\s+asked)${WORD_END})\p{L}+|
  never\s+(?!(?:need|have|face)${WORD_END})\p{L}+(?![^.!?;]{0,60}?\bagain\b)`;
/** What can happen to a learner or their work, said never to. */
const HARM_RULED_OUT = oneLine`
  (?:cause\s+(?:offence|harm|damage|injury|an?\s+(?:accident|injury|incident))|offend|split|damage|break|crack|scratch|tear|ruin|
  spoil|harm|hurt|injure|burn|spill|be\s+(?:caught\s+out|caught\s+off\s+guard|injured|hurt|harmed|exposed|at\s+risk|fined|sued|blamed))\b`;
/** "never fails here", "always works for small inputs, but not…": a qualified statement of fact, not a claim. */
const QUALIFIED_AFTER = new RegExp(
  oneLine`
    ^[\s,]*(?:here|there|for|when|if|unless|provided|as\s+long\s+as|in\s+(?:this|that|these|most|practice)|on\s+(?:small|this|these)|
    with\s+(?:small|this|these)|but)\b`,
  'i',
);

/**
 * Claims that promise more than anyone can substantiate. Each pattern needs a promotional frame, so
 * that the technical senses are left alone: "best practice", "Rust guarantees memory safety",
 * "unmatched brackets", "100% of the tests pass", "the only way to exit Vim".
 */
const CLAIMS = [
  oneLine`
    best[- ]in[- ]class|world[- ]class|(?:industry|market)[- ]leading|(?:industry|market) leaders?|award[- ]winning|top[- ]rated|
    highest[- ]rated`,
  oneLine`
    unbeatable|unrivall?ed|unparall?eled|second to none|unmatched\s+(?:quality|value|performance|results|expertise|experience|support|
    service|accuracy|speed|reliability)`,
  String.raw`risk[- ]free(?!\s+(?:rate|assets?|returns?|interest|bonds?|investments?))|zero[- ]risk(?![- ]bias)`,
  oneLine`
    (?:our|my)\s+(?:[\p{L}-]+\s+)?(?:method|technique|system|approach|formula|strategy|trick|secret|course|programme|
    program)\s+(?:that\s+|which\s+)?(?:never\s+fails(?!\s+to${WORD_END})|always\s+works|works\s+every\s+time)`,
  oneLine`
    guaranteed\s+(?:results|success|satisfaction|outcomes?)|(?:results|success|satisfaction)\s+guaranteed|money[- ]back\s+guarantee|
    (?:guaranteed\s+)?or\s+your\s+money\s+back`,
  String.raw`(?:we|I)\s+guarantee\s+(?:you|your|results|success|satisfaction|that\s+you)`,
  oneLine`
    guaranteed\s+to\s+(?!(?:${TECHNICAL_GUARANTEE}|${PROMISED_OUTCOME})${WORD_END})\p{L}+(?:\s+(?:your|the|our|all|every|
    any)\s+[\p{L}-]+)?`,
  oneLine`
    (?:clinically|scientifically)\s+proven|proven\s+(?:results|track\s+record|formula|system|method)|proven\s+to\s+(?:work|increase|
    boost|improve|double|triple|raise|reduce|cut|deliver|accelerate|transform)`,
  oneLine`
    100\s?%\s+(?:guaranteed|effective|safe|secure|risk[- ]free|reliable|fool[- ]?proof|satisfaction|success(?:\s+rate)?|pass\s+rate|
    proven)|100\s+percent\s+(?:guaranteed|effective|safe|secure|risk[- ]free|reliable|proven)`,
  oneLine`
    (?:rated|ranked|voted)\s+(?:number[- ]one|no\.\s?1|#\s?1)${WORD_END}|(?:number[- ]one|no\.\s?1|#\s?1)[- ](?:rated|ranked|selling)|
    best[- ]?sell(?:ing|er)|(?<!\bone\s{1,8}of\s{1,8})(?:the|our|a|an|\p{L}+['’]s)\s+(?:number[- ]one|no\.\s?1|#\s?1|leading|foremost|
    premier)\s+(?:[\p{L}-]+\s+){0,2}?(?:${OFFER})s?`,
  oneLine`
    (?:is|are|we['’]re|it['’]s|they['’]re|remains?|became|become)\s+(?:still\s+)?(?:the\s+)?(?:number[- ]one|no\.\s?1|
    #\s?1)(?!\s+(?:priority|priorities|rule|thing|reason|goal|step|tip|mistake|cause|question|concern|job|task|focus|
    value)${WORD_END})`,
  NEVER_FAILS,
  oneLine`
    (?:will|can|could|does|do)\s+never\s+(?:fail|break(?:\s+down)?|go\s+down|crash|let\s+(?:you|anyone|customers|clients|us|
    them)\s+down|lose\s+(?:data|a|any))|(?:can['’]t|cannot|can\s+not)\s+(?:fail|go\s+wrong|be\s+(?:hacked|beaten|broken))|
    impossible\s+to\s+(?:fail|get\s+wrong|hack|beat|forge|fake|counterfeit|crack|bypass|pick|tamper\s+with)|
    (?:fool|fail|hack|error|mistake|idiot|fraud|bullet|future)[- ]?proof|unhackable`,
  oneLine`
    bar\s+none|(?<!\b(?:the|your|his|her|their|both|my|our)\s+)hands\s+down|without\s+(?:equal|rival)|(?:there\s+is\s+)?no\s+way\s+
    (?:this|it|that|you|anything|(?:an?|the|your|our)\s+(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)\s+(?:can|could|will)\s+(?:ever\s+)?
    (?:go\s+wrong|fail|break)`,
  // "We have never once missed an emergency callout": a record told as a fact, with nothing to check it by.
  oneLine`
    (?:we|they|it|(?:our|the)\s+[\p{L}-]+)\s+(?:have|has)\s+never\s+(?:once\s+|ever\s+)?(?:missed|failed|lost|broken\s+down|gone\s+down|
    let\s+(?:[\p{L}-]+\s+){1,2}?down|
    had\s+(?:a|an|one|any)\s+(?:[\p{L}-]+\s+)?(?:complaint|failure|outage|breach|accident|incident|claim))`,
  // Testimonials as facts: "not one passenger has turned it down", "no customer has ever complained".
  oneLine`
    (?:not\s+(?:a\s+single|one)|no)\s+(?:single\s+)?(?:[\p{L}-]+\s+){0,2}?\p{L}+\s+(?:has|have|had)\s+(?:ever\s+)?(?:asked|complained|
    returned|regretted|left|turned|looked|wanted|said|gone|missed|failed|switched|cancell?ed|chosen|lost|been\s+(?:disappointed|
    unhappy|let\s+down))`,
  oneLine`
    you\s+can\s+be\s+(?:certain|sure|confident)\s+(?:that\s+)?(?:you(?:['’]ll|\s+will|\s+won['’]t|\s+will\s+never|\s+never)|
    it(?:['’]ll|\s+will|\s+won['’]t))`,
  oneLine`
    (?:is|are|it['’]s|they['’]re)\s+(?:completely|totally|perfectly|absolutely|entirely|100\s?%)\s+(?:safe|secure|unbreakable|
    error[- ]free|mistake[- ]free|accident[- ]free|risk[- ]free)(?!\s+to${WORD_END})`,
  oneLine`
    (?:kills?|killing|eliminat\p{L}*|remov\p{L}*|block\p{L}*|stop\p{L}*|prevent\p{L}*|destroy\p{L}*|neutrali[sz]\p{L}*|catch\p{L}*|
    protects?\s+against)\s+(?:up\s+to\s+|over\s+|more\s+than\s+)?(?:99(?:[.,]\d+)?|100)\s?(?:%|percent)`,
  String.raw`(?:99[.,]\d+|100)\s?%\s+(?:uptime|availability|effective|reliable|reliability|secure|protection|accurate\s+every)`,
  oneLine`
    (?:nothing|no\s+(?:one|other\s+[\p{L}-]+))\s+(?:else\s+)?comes?\s+close|unlike\s+any\s+other|like\s+no\s+other|
    in\s+a\s+class\s+of\s+(?:its|their)\s+own`,
  oneLine`
    (?<!\bone\s{1,8}of\s{1,8})(?:the|our|its|their)\s+(?:most\s+[\p{L}-]+|[\p{L}-]+est)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:ever\s+(?:built|
    made|created|designed|launched|released|seen|offered)|(?:available\s+)?anywhere|(?:that\s+)?money\s+can\s+buy|you\s+can\s+(?:buy|
    get|find))`,
  oneLine`
    100\s?%\s+(?:[\p{L}-]+\s+)?(?:satisfaction|success|compliance|accuracy|uptime)(?:\s+(?:rate|record))?,?\s+guaranteed|
    100\s?%\s+customer\s+satisfaction`,
  String.raw`world['’]s\s+(?:best|leading|fastest|easiest|favou?rite|number[- ]one|#\s?1|most\s+[\p{L}-]+)`,
  oneLine`
    (?:best|fastest|easiest|cheapest|quickest|safest|largest|biggest|lowest|highest|leading|most\s+(?:popular|powerful|advanced|
    comprehensive|effective|trusted|complete|innovative|reliable|secure|experienced|
    accurate))(?:-\p{L}+)?\s+${FEW_WORDS}(?:in\s+the\s+(?:world|industry|market|business|universe|country|nation|region|sector|UK|US|
    USA|EU)(?!\s+of${WORD_END})|in\s+(?:Europe|Asia|Africa|America|North\s+America|South\s+America|Australia|Britain|Ireland|Germany|
    France|Canada|India|China|Japan)|(?:${OFFER})s?\s+in\s+(?:the\s+)?\p{Lu}\p{Ll}+|on\s+the\s+(?:market|planet)|money\s+can\s+buy)`,
  // "makes collisions impossible", "eliminates every risk": a harm ruled out for good.
  oneLine`
    (?:makes?|made|making)\s+(?:[\p{L}-]+\s+){0,6}?(?:accidents?|collisions?|errors?|mistakes?|injur(?:y|ies)|fraud|breach(?:es)?|
    failures?|incidents?|data\s+loss|downtime|outages?|delays?|complaints?|falls?|slips?|trips?|spills?|leaks?|
    infections?)(?:\s+(?:from|off|on|in|at|of)\s+(?:the|a|an|your|our)\s+[\p{L}-]+)?\s+impossible|
    eliminat\p{L}*\s+(?:all|every|any)\s+(?:[\p{L}-]+\s+)?(?:risks?|errors?|mistakes?|accidents?|injur(?:y|ies)|fraud|downtime|
    delays?|complaints?)`,
  // "guarantees every family leaves satisfied": a promise about everyone served.
  oneLine`
    guarantees?\s+(?:that\s+)?(?:every|each|all|100\s?%\s+of)\s+(?:[\p{L}-]+\s+){0,2}?(?:customers?|clients?|famil(?:y|ies)|patients?|
    guests?|visitors?|users?|callers?|shipments?|deliveries|orders?|parcels?|calls?|members?|students?|learners?|
    employees?)${WORD_END}`,
  String.raw`the\s+best\s+(?:[\p{L}-]+\s+)?(?:course(?!\s+of\s+action)|training|bootcamp|platform|certification|school|provider)s?`,
  String.raw`the\s+only\s+(?:(?!(?:and|or|but)\s)[\p{L}-]+\s+){1,2}?you(?:['’]ll|\s+will)?\s+(?:ever\s+)?need`,
];
/** A word that every claim contains: blocks without one are skipped cheaply. */
const ANCHOR = new RegExp(
  oneLine`
    never\s+(?:once|ever)|best|class|lead|foremost|premier|award|rated|unbeat|unrival|unparal|second to none|unmatched|risk|
    never\s+(?:fail|go|break|crash|let|miss|los|disappoint|deliver|win|pay|get)|always\s+(?:work|deliver|win|pay|get)|every time|
    guarant|proven|100|99|number[- ]one|no\.\s?1|#\s?1|world|industry|market|business|universe|planet|money|need|proof|hackable|
    can['’]?t\s+(?:fail|go|be)|cannot|can\s+not|impossible|completely|totally|perfectly|absolutely|entirely|eliminat|bar\s+none|
    hands\s+down|without\s+(?:equal|rival)|no\s+way|not\s+(?:one|a\s+single)|\bno\s+[\p{L}-]+\s+(?:[\p{L}-]+\s+)?ha[sd]|certain|sure|
    confident|comes?\s+close|unlike\s+any|like\s+no\s+other|class\s+of|ever\s+(?:built|made|created|designed|launched|released|seen|
    offered)|anywhere|can\s+(?:buy|get|find)|fastest|cheapest|quickest|safest|largest|biggest|lowest|highest|kill|remov|block|stop|
    prevent|destroy|neutrali|catch|protect|uptime|availability|effective|reliab|secure|satisfaction|success|compliance|accuracy|sell|
    easiest|popular|powerful|advanced|comprehensive|trusted|complete|innovative|experienced|accurate`,
  'iu',
);
const CLAIM = new RegExp(`${WORD_START}(?:${CLAIMS.join('|')})${WORD_END}`, 'giu');

/** Superlatives that say nothing in a scientific lesson but, in a workplace one, compare us with everyone else. */
const NOT_A_BOAST = oneLine`
  common|frequent|likely|usual|important|serious|dangerous|recent|typical|basic|obvious|often|used|senior|junior|urgent|useful|
  relevant|critical`;
/**
 * Claims that only a lesson without code makes about itself or its products: "stops every kind of
 * payment fraud", "can't be breached", "nobody ever walks away unhappy", "the fastest and fairest in
 * UK retail". In a lesson with code, "removes all rows" and "the fastest in the region" are facts of
 * a program or a data set.
 */
/** What a business sells, where "the only … that" is a boast ("the only platform that gives…"); not "the only operator that…". */
const ONLY_OFFER = oneLine`
  platform|provider|supplier|product|brand|company|vendor|service|insurer|bank|lender|carrier|courier|firm|retailer|store|chain|
  airline|hotel|solution|programme|course|training|employer`;
/** Who or what "our" may name without boasting of a product: "our drivers always…", "our policy never…". */
const PEOPLE_AND_RULES = oneLine`
  staff|team|teams|people|colleagues|drivers|agents|managers|volunteers|officers|members|customers|clients|guests|crew|crews|
  cleaners|porters|pickers|packers|loaders|riders|couriers|engineers|technicians|nurses|carers|doctors|stewards|marshals|hosts|chefs|
  cooks|guards|receptionists|advisers|advisors|attendants|supervisors|leads|reps|cashiers|apprentices|trainees|interns|inspectors|
  fitters|installers|electricians|plumbers|mechanics|caretakers|wardens|instructors|trainers|tutors|teachers|coaches|residents|
  tenants|patients|visitors|passengers|
  policy|policies|rule|rules|procedure|procedures|standard|standards|aim|goal|advice|priority|priorities|job|role|promise|values?`;
const GENERAL_CLAIMS = [
  // "The call-back check means fraud cannot get through", "our process means no complaint will ever reach the ombudsman", "so there
  // is no way a wrong code can reach the submission": a process said to rule a failure out.
  oneLine`
    (?:means|ensures|guarantees)\s+(?:that\s+)?(?:(?:no\s+(?:[\p{L}\p{N}’'-]+\s+){1,4}?(?:will|can)\s+ever)|(?:[\p{L}\p{N}’'-]+\s+)
    {1,5}?(?:can\s+never|will\s+never|won['’]t\s+ever|can['’]t\s+ever))\s+\p{L}+|
    there\s+is\s+no\s+way\s+(?:a|an|any|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:can|could|will)\s+(?:ever\s+)?\p{L}+|
    no\s+(?:[\p{L}-]+\s+){1,2}?(?:(?:with|without|from)\s+[\p{L}-]+\s+)?(?:can|will)\s+(?:ever\s+)?(?:be\s+disadvantaged|slip\s+through|
    get\s+(?:past|through)|reach)|no\s+[\p{L}-]+\s+gets\s+past`,
  // "the claim is audit-proof", "with this method the match is guaranteed every time", "works it out correctly every time",
  // "remakes have become a thing of the past".
  oneLine`
    (?:audit|fraud|error|mistake|fool|idiot|bullet|hack|leak)[- ]?proof|(?:guaranteed|correctly|perfectly|accurately)\s+every\s+
    time|(?:become|becomes|is|are)\s+a\s+thing\s+of\s+the\s+past`,
  oneLine`
    (?:stops|blocks|prevents|closes\s+off|(?<=\p{Ll}s\s{1,8})(?:close\s+off|stop|block|prevent|catch|eliminate|remove)|removes|
    eliminates|rules\s+out|catches|defeats|shields\s+(?:you|us|staff|users|customers)\s+from|protects\s+(?:you\s+|us\s+|
    staff\s+)?against|holds?\s+up\s+against|guards?\s+against)\s+(?:every|all|any)\s+(?:single\s+|
    possible\s+)?(?:[\p{L}-]+\s+)?(?:kind|type|form|route|way|possibility|chance|risk|threat|attack|hazard|danger|error|mistake|fraud|
    breach|leak|virus|viruses|germ|bacteri\p{L}*|infection|chemical|injur(?:y|ies)|accident|complaint|problem|loss|losses|scam|spill|
    fire|theft|conflict|issue|defect|dispute|outage|delay|bug|fault|incident|glitch)s?`,
  oneLine`
    (?:nobody|no\s+one|no\s+(?:[\p{L}-]+\s+)?(?:customer|client|guest|patient|caller|user|member|shopper|buyer|
    passenger)s?)\s+(?:has\s+)?ever\s+(?:complains?|complained|leaves|left|walks?\s+away|walked\s+away|regrets?|regretted|returns?|
    returned|asks?\s+for|goes\s+home|went\s+home|gets?\s+(?:hurt|injured|lost)|got\s+(?:hurt|injured|lost)|waits?|waited|switch(?:es|
    ed)?|cancels?|cancell?ed|looks?\s+back|looked\s+back|turns?\s+(?:it|us|them)\s+down)`,
  oneLine`
    (?:can['’]?t|cannot|can\s+not|can\s+never|will\s+never|won['’]t\s+ever|could\s+never)\s+(?:ever\s+)?(?:be\s+(?:breached|hacked|wrong|
    beaten|broken\s+into|
    compromised|bypassed|fooled|bettered)|go\s+wrong)`,
  String.raw`(?:fully|completely|totally|entirely|100\s?%)\s+fail[- ]?safe`,
  oneLine`
    never\s+(?:shows|gives|makes|produces|sends|displays|reports|records|misses|loses)\s+(?:a|an|one)\s+(?:single\s+)?(?:wrong|
    incorrect|bad|false|inaccurate|faulty)\s+[\p{L}-]+`,
  // "The scanner never misreads a VAT number", "it never attaches a code to the wrong person": a product that makes no mistake.
  oneLine`
    (?<=(?:\p{L}s|it|scanner|system|app|software|machine|tool|process)\s{1,8})never\s+(?:mis\p{Ll}{3,}s(?=\s+(?:a|an|the|any)\s)|
    \p{Ll}{3,}s\s+(?:[\p{L}-]+\s+){1,3}?(?:to|with|on|for)\s+the\s+wrong\s+[\p{L}-]+)`,
  // "nothing out of policy can get past you": a check that misses nothing.
  String.raw`nothing\s+(?:[\p{L}-]+\s+){0,4}?(?:can|will|could)\s+(?:ever\s+)?(?:get|slip|sneak)\s+(?:past|through)\b`,
  // "three quotes guarantee we get the best price": the best result, promised.
  String.raw`guarantees?\s+(?:that\s+)?(?:we|you|they|our\s+[\p{L}-]+)\s+(?:get|pay|receive|achieve|win)\s+the\s+(?:best|lowest|highest)\b`,
  String.raw`no\s+(?:other\s+[\p{L}-]+|competitor|rival)(?:\s+[^.!?,;]{1,40}?)?\s+(?:even\s+)?comes?\s+close`,
  oneLine`
    (?:the|our|its)\s+(?:(?:most|best)[- ](?!(?:${NOT_A_BOAST})${WORD_END})[\p{L}-]+|fastest|cheapest|quickest|safest|largest|biggest|
    lowest|highest|fairest|friendliest|kindest|smartest|strongest|simplest|smoothest|greatest|finest|newest|easiest|best|
    leading)(?:\s+and\s+(?:most\s+[\p{L}-]+|\p{L}+est))?\s+${FEW_WORDS}(?:on\s+the\s+high\s+street|
    in\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:industry|sector|market|trade|country|region|city|county|state)|in\s+(?:UK|US|British|
    European|global|national)\s+[\p{L}-]+|of\s+any\s+(?:[\p{L}-]+\s+)?(?:employer|company|firm|bank|provider|retailer|insurer|brand|
    competitor|business|supplier|store|shop))`,
  String.raw`(?:is|are|remains?)\s+the\s+only\s+(?:[\p{L}-]+\s+){0,2}?(?:${ONLY_OFFER})s?\s+(?:that|which|to|on|with|in|where)`,
  String.raw`eliminat\p{L}*\s+(?:[\p{L}-]+\s+){1,5}?(?:completely|entirely|totally|for\s+good|altogether)`,
  String.raw`zero\s+(?:chance|risk|possibility)\s+of|remov\p{L}*\s+(?:any|all|every)\s+(?:chance|risk|possibility)\s+of`,
  // "linen leaving our washers carries zero infection risk": a risk said to be none at all.
  String.raw`(?:carr(?:y|ies|ying)|poses?|posing)\s+(?:absolutely\s+)?(?:zero|no)\s+(?:[\p{L}-]+\s+)?risks?`,
  // "makes account takeover a thing of the past": a harm gone for good ("almost a thing of the past" is hedged).
  oneLine`
    (?:makes?|made|making|renders?|rendered)\s+(?:[\p{L}-]+\s+){1,6}?(?<!(?:almost|nearly|largely|
    mostly)\s+)a\s+thing\s+of\s+the\s+past`,
  // "the smoothest start any new joiner will get", "the best service you will ever receive": better than anyone else's, ever.
  oneLine`
    (?:the|our|its)\s+(?:best|most\s+[\p{L}-]+|smoothest|fastest|easiest|simplest|safest|cheapest|quickest|friendliest|finest|
    greatest|strongest|clearest|smartest|warmest)\s+(?:[\p{L}-]+\s+){1,3}?(?:any(?:one|\s+(?:[\p{L}-]+\s+){1,5}?)\s*(?:will|can|could|
    would)\s+(?:ever\s+)?|(?:you|they|we|anyone)\s+(?:will|can|could|would)\s+ever\s+)(?:get|find|have|see|receive|experience|buy|
    enjoy|meet|hear|use)${WORD_END}`,
  // "The lock is unbreakable", "the tills never make mistakes", "it works every single time": a product that cannot fail.
  oneLine`
    (?:is|are|it['’]s|they['’]re|remains?|stays?)\s+(?:completely\s+|totally\s+|entirely\s+|virtually\s+|practically\s+)?(?:unbreakable|
    indestructible|infallible|flawless|watertight|airtight|(?:error|mistake|fault|defect)[- ]free|fail[- ]?safe|tamper[- ]proof)`,
  oneLine`
    (?<=(?:\p{L}s|it|they|system|app|software|machine|tool|scanner|process|team)\s{1,8})never\s+(?:makes?|made)\s+(?:a\s+(?:single\s+)?)?
    (?:mistakes?|errors?)|(?:is|are)\s+never\s+(?:late|wrong|down|offline|delayed|inaccurate|out\s+of\s+stock)`,
  oneLine`
    (?:is|are)\s+always\s+(?:(?:legally\s+)?(?:accurate|correct|reliable|compliant|valid)|on\s+time|error[- ]free|100\s?%\s+
    [\p{L}-]+)`,
  String.raw`(?:works|delivers|succeeds|performs)\s+(?:perfectly\s+)?(?:every\s+(?:single\s+)?time|without\s+fail)`,
  // "There is no chance of a breach", "nothing can go wrong": a harm ruled out.
  oneLine`
    (?:there\s+is|there['’]s|with)\s+(?:absolutely\s+)?no\s+(?:chance|risk|possibility|danger)\s+(?:of|that)|
    nothing\s+(?:can|could|will)\s+(?:ever\s+|possibly\s+)?go\s+wrong`,
  oneLine`
    (?:makes?|keeps?)\s+(?:you|us|staff|them|your\s+[\p{L}-]+|the\s+[\p{L}-]+)\s+(?:completely\s+|totally\s+)?immune\s+to|
    (?:you|staff|they|we|customers)\s+(?:are|will\s+be)\s+(?:fully|completely|totally|100\s?%)\s+(?:protected|safe|covered)(?:\s+
    (?:from|against)|(?=\s*(?:[:;!]|$|\.(?:\s|$))))`,
  // "completely eliminates dust exposure", "makes every interview completely fair", "guarantees the vehicle is completely roadworthy";
  // not a machine that "has fully stopped", a state.
  oneLine`
    (?:completely|totally|entirely|fully|100\s?%)\s+(?:(?:eliminat|remov|prevent|stop(?!ped\b)|block|protect)\p{L}*|
    stopped(?=\s+(?:the|all|any|every|each|a|an|our|your|its|their|them|it)\b))|
    (?:makes|made|keeps|guarantees?|ensures)\s+(?:that\s+)?(?:[\p{L}'’-]+\s+){1,3}?(?:(?:is|are|will\s+be|stays?|remains?)\s+)?
    (?:completely|totally|entirely|perfectly|fully|100\s?%)\s+(?:safe|secure|fair|accurate|compliant|roadworthy|clean|sterile|
    reliable|legal|protected|risk[- ]free|error[- ]free|hygienic|watertight|impervious|impenetrable|immune|invulnerable|waterproof)`,
  // "Follow the matching grid and you will always send the right interpreter": a method said never to let its user down.
  oneLine`
    (?:follow|use|stick\s+to|apply|trust)\s+(?:the|this|these|our|each|every)\s+(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+\s+and\s+
    you(?:['’]ll|\s+will)\s+(?:${NEVER_LETS_DOWN}|(?![^.!?;]{0,60}?\b(?:top\s+performers?|targets?|quotas?|
    bonus(?:es)?|promot\p{L}*|commission|deals?|sales?|reviews?|ratings?|tips)\b)[^.!?;]{1,60}?,?\s+every\s+(?:single\s+)?time)`,
  // "Strip and sort like this and the rebuilt section will never bulge": a way of working said never to fail.
  oneLine`
    (?:like\s+this|this\s+way|the\s+way\s+(?:we|I)\s+(?:show|showed|teach|describe)\s+(?:you|here|above))\s+and\s+
    (?:[\p{L}'’-]+\s+){0,4}?(?:will|['’]ll)\s+(?:${NEVER_LETS_DOWN})`,
  // "gives off no harmful dust at all": a process said to release nothing, not a little.
  oneLine`
    (?:gives?\s+off|produces?|releases?|emits?|creates?|leaves?)\s+no\s+(?:[\p{L}-]+\s+){0,2}?(?:dust|fumes?|smoke|residue|waste|
    emissions?|noise|odou?rs?|smells?|gas|radiation|germs|bacteria|particles)\s+(?:at\s+all|whatsoever)`,
  // "cutting your guiding hand becomes impossible", "no customer will ever be refused", "you will never skid, whatever the conditions".
  oneLine`
    becomes?\s+(?:virtually\s+|practically\s+)?impossible(?!\s+to${WORD_END})|
    (?:nobody|no\s+one|no\s+(?:[\p{L}-]+\s+)?(?:customer|client|guest|patient|
    caller|user|member|resident|passenger|applicant|student|learner|visitor|employee)s?)\s+(?:will|would|can|could)\s+ever\s+
    (?:be\s+)?\p{L}+|(?:never|always)\s+[^.!?;]{1,40}?,?\s+(?:whatever|no\s+matter)\s+(?:the\s+)?(?:conditions|weather|
    situation|circumstances|what)`,
  // "The kitchen is completely nut-safe", "it is totally safe to lift": safety stated without a limit.
  oneLine`
    (?:is|are|it['’]s|they['’]re)\s+(?:completely|totally|entirely|perfectly|absolutely|100\s?%)\s+(?:safe|secure|risk[- ]free|
    \p{L}+-(?:safe|free|proof)|\p{L}{3,}proof)`,
  // "A budget built on the statement will always be accepted by creditors": someone else's decision, promised.
  oneLine`
    (?<!\b(?:you|we|I|they)\s{1,8})will\s+always\s+be\s+(?:accepted|approved|granted|agreed|honou?red|upheld|refunded|paid\s+out|
    believed|signed\s+off|passed)`,
  // "The records can never be seen by anyone outside", "the load will never tip": a harm ruled out for good.
  oneLine`
    (?:can|could|will)\s+never\s+(?:be\s+(?:accessed|seen|read|opened|lost|stolen|changed|altered|tampered\s+with|leaked|shared|
    copied|deleted|damaged|misused|mixed\s+up|missed|forgotten|overlooked|skipped)|fall|tip|slip|come\s+loose|break|leak|crash|
    catch\s+fire|overheat|jam|spill|snap|crack|tear|rust|fade|wear\s+out|lose\s+(?:its|their)\s+(?:shape|grip|edge|charge|signal)|
    stop\s+working|run\s+out)`,
  // "Our new transceivers will always pick up a buried signal": a product that always succeeds.
  oneLine`
    (?<=\b[Oo]ur\s{1,8}(?:[\p{L}-]{1,30}\s{1,8}){0,3})(?!(?:${PEOPLE_AND_RULES})\s)[\p{L}-]+\s+(?:will\s+|can\s+)?always\s+
    (?:works?|pick\s+up|picks\s+up|finds?|detects?|spots?|catch(?:es)?|gets?\s+through|reach(?:es)?|fits?|delivers?|lasts?|succeeds?)`,
  // "The pass system makes it impossible for anyone to…", "no weapon can ever get in", "no unsafe food ever reaches a client".
  String.raw`(?<!\b(?:may|might|could|can|would|will)\s{1,8})makes?\s+it\s+(?:virtually\s+|practically\s+)?impossible\s+(?:for|to)`,
  String.raw`no\s+(?:[\p{L}-]+\s+){1,2}?(?:can|could)\s+ever\s+\p{L}+|no\s+(?:[\p{L}-]+\s+){1,2}?ever\s+\p{L}+s\b`,
  // "works on every dog", "cures every leak": one product for every case ("removes every row" is what a filter does).
  oneLine`
    (?:works|worked)\s+(?:on|for|with)\s+every\s+(?:single\s+)?[\p{L}-]+|(?:fixes|solves|cures|dissolves|detects|spots|
    picks\s+up)\s+every\s+(?:single\s+)?[\p{L}-]+`,
  // "Our complaint process guarantees every couple leaves happy", "Tasking the helicopter guarantees the casualty is reached".
  oneLine`
    (?:guarantees|(?<=\p{L}s\s{1,8})guarantee)\s+(?:that\s+)?(?:(?:every|each|no|nobody|zero|the|a|an|your|our|their|all|you)\s+
    [\p{L}-]+|(?:we|you|they)(?:['’]ll|\s+will)\s+(?:always\s+|never\s+)?(?!(?:${PROMISED_OUTCOME})${WORD_END})\p{L}+)`,
  // "kills mould permanently", "it will never come back", "nothing will ever be missed": a problem gone for good (not "some
  // customers will never come back", which counts a loss).
  oneLine`
    (?:kills?|removes?|fixes|fixed|cures?|solves?|eliminates?|stops?)\s+(?:[\p{L}-]+\s+){1,3}?(?:permanently|for\s+good|forever|
    for\s+ever)|(?<!\b(?:some|many|few|several|most|others)\s{1,8})(?:will|can)\s+never\s+(?:come\s+back|return|recur|reappear|
    happen\s+again|reach\s+(?:the|a|an)\b)|
    nothing\s+(?:will|can|could)\s+ever\s+be\s+(?:missed|lost|overlooked|forgotten|wrong)|(?:can['’]t|cannot|can\s+not)\s+be\s+
    (?:overheard|intercepted|read|accessed|opened|tampered\s+with)\s+by\s+(?:anyone|anybody)`,
  // "Our finings clear every cask, every time", "the tank removes all old oil and dirt": a product said never to fall short.
  oneLine`
    (?:\p{Ll}+s|(?<=\b(?:our|the|these|those|its|their|your)\s{1,8}(?:[\p{L}-]+\s{1,8}){1,3}|\b(?:we|they)\s{1,8})
    (?!(?:for|to|in|on|at|with|from|by|of|after|before|and|or)\s)\p{Ll}+)\s+
    every\s+(?:single\s+)?[\p{L}-]+,?\s+every\s+(?:single\s+)?time|
    (?:removes|kills|eliminates|clears|strips|lifts)\s+
    all\s+(?:(?:the|old|traces\s+of|of\s+the)\s+)?(?:dirt|oil|grease|grime|bacteria|germs|viruses|dust|stains?|residue|odou?rs?|
    mould|mold|limescale|rust|fat|wax|polish|glue|adhesive)\b`,
  // "you'll never split a frame", "you won't ever be caught out by a leak": harm to the learner ruled out.
  oneLine`
    you(?:['’]ll|\s+will|\s+can)\s+never\s+${HARM_RULED_OUT}|you\s+(?:won['’]t|will\s+not)\s+ever\s+${HARM_RULED_OUT}`,
  // "A signed form guarantees the plan is affordable": a certainty about an outcome.
  oneLine`
    guarantees\s+(?:that\s+)?(?:the|a|an|your|our|every|each|all)\s+(?:[\p{L}-]+\s+){0,3}?(?:is|are|will\s+be|stays?|remains?)\s+
    (?:affordable|safe|fair|accurate|correct|compliant|legal|approved|accepted|right|covered|paid|protected|secure)`,
  // "so a dosing error is impossible".
  oneLine`
    (?:errors?|mistakes?|accidents?|injur(?:y|ies)|falls?|fraud|breach(?:es)?|leaks?|spills?|mix-ups?|overdoses?|collisions?|
    double[- ]bookings?)\s+(?:is|are)\s+(?:simply\s+|now\s+)?impossible`,
  // "the customer pays nothing, whatever happens", "covered, no matter what happens".
  // "Whatever happens next, the family will remember your desk" looks ahead; it promises nothing.
  String.raw`(?:whatever|no\s+matter\s+what)\s+happens(?!\s+next\b)`,
  // "The customer will never be out of pocket", "customers always say yes": an outcome promised for everyone.
  oneLine`
    (?:customers?|clients?|guests?|patients?|members?|tenants?|residents?|passengers?)\s+will\s+never\s+be\s+(?:out\s+of\s+pocket|
    charged|overcharged|worse\s+off|left\s+(?:out|behind|waiting|stranded)|refused|turned\s+away|kept\s+waiting)|
    (?:customers?|people|clients?|guests?|buyers?|shoppers?|diners?|members?)\s+always\s+(?:say\s+yes|buy|agree|accept|come\s+back|
    upgrade|sign\s+up|take\s+it|love\s+it)`,
  // "Our full-fibre service never drops out", "the scanner never freezes": a product that never lets anyone down.
  oneLine`
    (?<=(?:\p{L}s|it|they|service|system|app|network|line|connection|machine|device|unit|pump|tool)\s{1,8})never\s+(?:drops?\s+out|
    cuts?\s+out|slows?\s+down|stops?\s+working|runs?\s+out|freezes|stalls|jams|lags|loses\s+(?:signal|connection|power|data))`,
  // "A clean glass guarantees a perfect head every time", "makes a report appeal-proof", "it is impossible for the line to start".
  oneLine`
    guarantees?\s+(?:you\s+)?(?:an?\s+|the\s+)?(?:perfect|flawless|faultless|spotless)\s+[\p{L}-]+|
    (?:makes?|made|making|keeps?)\s+(?:[\p{L}'’-]+\s+){0,3}?\p{L}+-proof|
    (?:it\s+is|it['’]s)\s+(?:simply\s+|completely\s+|totally\s+)?impossible\s+for\s+(?:the|a|an|anyone|anybody|anything|someone|
    something|your|our)${WORD_END}`,
  // "Our overlockers never drop a stitch", "our torque wrenches never drift": what we own or sell, said never to fail in any way.
  // Not what our people or rules never do ("our drivers never…"), nor what a firm promises never to ask.
  oneLine`
    (?<=\b[Oo]ur\s{1,8}(?:[\p{L}-]{1,30}\s{1,8}){0,3})(?!(?:${PEOPLE_AND_RULES})\s)[\p{L}-]+\s+(?:will\s+|can\s+)?never\s+
    (?!(?:asks?|needs?|shares?|sells?|contacts?|calls?|emails?|texts?|charges?|stores?|keeps?|sends?|requests?)${WORD_END})\p{L}+`,
  // "is 100% accurate", "is perfectly accurate": a measure said to be exact.
  oneLine`
    (?:is|are|it['’]s|they['’]re)\s+(?:always\s+)?(?:100\s?%|perfectly|completely|totally|absolutely)\s+(?:accurate|precise|reliable|
    consistent|effective|dependable|exact)`,
  // "removes every trace of thatch", "removes all water and sludge from the fuel": a cleaning said to leave nothing behind.
  oneLine`
    (?:removes|eliminates|kills|destroys|gets\s+rid\s+of|clears)\s+(?:every\s+(?:single\s+)?(?:trace|bit|speck|drop|particle|
    germ)|all\s+(?:traces?\s+of\s+)?(?:the\s+)?(?:water|dirt|dust|grease|germs|bacteria|viruses|moisture|sludge|residue|stains?|
    odou?rs?|contaminants?|contamination|moss|thatch|weeds?|pests?|debris|rust|mould|limescale|fumes|smells?|air|bubbles))`,
  // "makes unauthorised access to the site impossible": a harm ruled out for good, whatever the harm.
  oneLine`
    (?<!\b(?:may|might|could|can|would|will|almost|nearly)\s{1,8})(?:makes?|made|making)\s+(?!it\s)(?:[\p{L}-]+\s+){1,6}?
    (?:(?:to|from|on|in|at|of|into)\s+(?:the|a|an|your|our)\s+(?:[\p{L}-]+\s+)?[\p{L}-]+\s+)?impossible(?!\s+to${WORD_END})`,
  // "A seam that passes the pull test will never split", "a pile cannot topple": a thing said never to fail, in any way.
  oneLine`
    (?<!\b(?:we|you|i|they|he|she|it|who)\s{1,8})will\s+never\s+(?:split|tear|drift|fade|shrink|stretch|peel|chip|warp|sag|drop|
    slip|fail|break|leak|rust|crack|wear|fall|topple|tip(?:\s+over)?|collapse|nick|snag|scratch|scuff|stain|bleed|smudge|smear|
    overflow|come\s+(?:apart|undone|loose|off)|go\s+(?:wrong|off|out))|
    (?<!\b(?:we|you|i|they|he|she|it|who)\s{1,8})(?:cannot|can['’]t|can\s+never)\s+(?:topple|tip(?:\s+over)?|collapse|fall\s+over|
    come\s+(?:apart|loose|undone))`,
  // "Fish packed this way will always reach the market in first-class condition", "the first sheet is always saleable", "produces a
  // perfect raised image every time": a result said to come without fail.
  oneLine`
    (?<!\b(?:we|you|i|they|he|she|who)\s{1,8})will\s+always\s+(?:reach|arrive|pass|stay|come\s+out|be\s+(?:safe|right|fine|clean|
    sterile|saleable|fresh|perfect|accurate|spotless))|(?:is|are)\s+always\s+(?:saleable|sterile|spotless|fit\s+for\s+use)|
    \bperfect\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+\s+every\s+(?:single\s+)?time|
    will\s+(?:stop|catch|block|pick\s+up|detect|find|spot)\s+(?:(?:the|every|each|any)\s+[\p{L}-]+\s+)?every\s+(?:single\s+)?
    (?:time|[\p{L}-]+)|(?:works?|succeeds?|delivers?)\s+for\s+every\s+[\p{L}-]+,\s+every\s+time|
    (?:kills|removes|destroys|eliminates)\s+everything\b`,
  // "the resin is completely inert and harmless", "it is completely objective and cannot be disputed", "there's no way we can be
  // fined", "nobody on your post will be hurt": harm or doubt ruled out.
  oneLine`
    (?:is|are|it['’]s|they['’]re)\s+(?:completely|totally|entirely|perfectly|absolutely|100\s?%)\s+(?:harmless|inert|objective|
    non-?toxic|unbiased|impartial)|(?:cannot|can['’]t|can\s+never)\s+be\s+(?:disputed|challenged|questioned)|
    there(?:\s+is|['’]s)\s+no\s+way\s+(?:we|you|they|anyone|anybody)\s+(?:can|could|will)\s+(?:ever\s+)?be\s+(?:fined|sued|blamed|
    prosecuted|penali[sz]ed|hurt|injured|charged)|(?:nobody|no\s+one)\s+(?:[^.!?;]{0,30}?\s)?will\s+(?:ever\s+)?(?:be|get)\s+(?:hurt|
    injured|harmed|killed)|(?:damage|harm|contamination|cross-contamination|infection)\s+(?:[^.!?;]{0,40}?\s)?(?:is|are)\s+
    (?:simply\s+)?impossible`,
  // "stops every malicious attachment": a filter that lets nothing through.
  // Not "stops every prisoner's education": a consequence that halts people's activities.
  oneLine`
    (?:stops|blocks|catches|prevents|kills|wipes\s+out|eradicates|destroys)\s+every\s+(?:single\s+)?(?![\p{L}-]+['’]s\b)
    (?:[\p{L}-]+\s+)?[\p{L}-]+`,
  // "captures every change, with zero errors", "nothing is ever missed": a process said never to slip.
  oneLine`
    (?:with|and)\s+zero\s+(?:errors?|mistakes?|defects?|faults?|failures?|complaints?|omissions?)|nothing\s+(?:is|gets)\s+ever\s+
    (?:missed|lost|forgotten|overlooked|left\s+out|wrong)|nothing\s+ever\s+gets\s+(?:missed|lost|forgotten|overlooked)|
    \bevery\s+(?!time\b)[\p{L}-]+\s+\p{Ll}+s\b[^.!?;]{0,50}?,?\s+(?:whatever|no\s+matter)\s+(?:the\s+)?(?:problem|issue|conditions|
    weather|situation|circumstances|what)`,
  // "so a spill to the river cannot happen", "so the parish can never be left out of pocket", "so static is never a real risk": a
  // failure said to be ruled out by what came before. Not "so you cannot miss it", a sign easy to see, nor an apology's "so it can't
  // happen again".
  oneLine`
    \bso\s+(?:that\s+)?(?!you\s|we\s)(?:[\p{L}'’-]+\s+){1,5}?(?:cannot|can['’]t|can\s+never|could\s+never|will\s+never|is\s+never|
    are\s+never)\s+(?:(?:happen|occur|go\s+wrong|fail)(?!\s+again\b)|(?:a\s+)?(?:real\s+)?(?:risk|problem|issue|danger|concern)|
    be\s+(?:lost|left|
    missed|hacked|breached|wrong|short|overcharged))`,
  // "nothing can be lost from it", "it cannot mis-tint", "the lengths it gives you are always exact", "permanently safe", "written to
  // cover every possible situation", "no team can work a table … without being picked up".
  oneLine`
    nothing\s+can\s+(?:ever\s+)?(?:be\s+(?:lost|missed|deleted|damaged)|go\s+wrong|get\s+through|slip\s+through)|
    (?:cannot|can['’]t|can\s+never|will\s+never|never)\s+mis-?(?:tint|read|count|weigh|measure|label|print|file|route|dial|fire|
    match)\b|(?:is|are)\s+always\s+(?:exact|accurate|correct|precise|spot[- ]on|perfect)\b|permanently\s+safe\b|
    covers?\s+every\s+possible\s+(?:situation|case|scenario|eventuality|risk)|no\s+(?:[\p{L}-]+\s+)?(?:team|one|customer|player|
    thief|fraudster|intruder|driver|person)\s+can\s+[^.!?;]{0,80}?\bwithout\s+being\s+(?:picked\s+up|caught|spotted|noticed|seen|
    detected|flagged)`,
  oneLine`
    (?:will\s+)?lasts?\s+(?:forever|a\s+lifetime)|guaranteed\s+for\s+(?:life|ever)|never\s+wears?\s+out|
    (?:a|an|our|its|their)\s+(?:perfect|flawless|spotless|unblemished|100\s?%)\s+(?:safety\s+|accuracy\s+|delivery\s+|service\s+|
    track\s+)?record`,
];
const GENERAL_ANCHOR = new RegExp(
  oneLine`
    every|all|any|ever|can|never|close|most|best|est\b|only|eliminat|zero|remov|fail|leading|past|break|destruct|fallib|flawless|tight|
    free|proof|always|chance|risk|possib|danger|nothing|immune|protected|safe|covered|last|life|wear|record|totally|completely|fully|
    entirely|100|makes?|keeps?|guarant|ensure|whatever|matter|absolutely|perfectly|impossible|clears|gets\s+rid|means|no\s+way|
    proof|thing\s+of\s+the\s+past|gets\s+past|reach|disadvantaged|slip|cannot|can['’]t|mis-?|exact|accurate|correct|precise|
    spot[- ]on|perfect|permanently|without\s+being|nobody|no\s+one|harmless|inert|objective|everything|disputed|topple|tip|nick|
    bleed|smudge|snag|scratch|scuff|stain`,
  'i',
);
const GENERAL_CLAIM = new RegExp(`${WORD_START}(?:${GENERAL_CLAIMS.join('|')})${WORD_END}`, 'giu');

export default defineRule({
  id: 'claim-absolute',
  category: 'claims',
  description: 'No absolute marketing or legal claims: best in the world, #1, guaranteed results, risk-free, 100% effective, never fails.',
  defaultSeverity: 'warning',
  options: z
    .object({
      phrases: z.array(z.string()).default([]).describe('Extra claims to flag (words or phrases, matched case-insensitively).'),
    })
    .strict(),
  docs: {
    rationale:
      'An absolute claim ("the best course in the world", "guaranteed results", ' +
      '"100% effective") must be substantiated or it can mislead learners and expose the organisation; ' +
      'legal and marketing review such claims before publishing. Technical senses are not flagged: "best practice", ' +
      '"Rust guarantees memory safety", "100% of the tests pass", ' +
      'nor a negated claim ("no method is foolproof"), nor an instruction ("Never lift alone", "Always check the seal"): ' +
      '"it never fails" claims, "never skip the check" instructs; nor a few words in quotes, which are someone else\'s ' +
      '("the arm that "always works""), nor a person in a story ("a seminar he never misses"), nor what someone in the story ' +
      'says ("He says, "Try it again, it always works.""; a line ' +
      'for the learner to say is still a claim). In a lesson without code, a process said to rule a failure out counts too ("means no ' +
      'cheque will ever leave unsigned", "there is no way a mislabelled sample can reach the lab", "audit-proof", "perfectly ' +
      'every time", "so a flood in the basement cannot happen", "cannot misprint", "always exact", "permanently safe", "covers ' +
      'every possible situation"), not a consequence ("means the case cannot proceed") nor an apology\'s "so it can\'t happen again". ' +
      '"Whatever happens" claims only with a promise of cover or safety ("the warranty pays for the repair, whatever happens"), ' +
      'not in a step ("Whatever happens, write up the incident") or a fact ("the fee does not change, whatever happens to prices").',
    howToFix:
      'State what is true and checkable instead ("rated 4.7 by 1,200 learners in 2025, see the survey"), ' +
      'qualify it ("one of the most used tools"), or remove it. ' +
      'If the claim is substantiated, cite the evidence and ask for a legal review.',
  },
  reads: 'block-and-next',
  prefilter: (options) => [
    prefilterGroup([CLAIM], ANCHOR),
    prefilterGroup([GENERAL_CLAIM], GENERAL_ANCHOR),
    ...phraseGroups(options.phrases),
  ],
  check({ doc, options, report, settings }) {
    // One finding per sentence: "the fastest system on the market and never goes down" is one claim to rewrite.
    let lastSentence: { block: unknown; end: number } | undefined;
    const candidates = findWithExtraPhrases(doc, settings, CLAIM, ANCHOR, options.phrases);
    if (!hasCode(doc)) candidates.push(...findInProse(doc, GENERAL_CLAIM, settings, GENERAL_ANCHOR));
    candidates.sort((a, b) => a.start - b.start);
    for (const found of candidates) {
      const at = found.match.index ?? 0;
      if (lastSentence && lastSentence.block === found.block && at < lastSentence.end) continue;
      // "No testing method is foolproof": the negation sits at the subject, a few words back.
      const reach = /proof|able$/i.test(found.text) ? 6 : 3;
      if (isNegated(found.block.text, at, reach) || isQuestion(found.block.text, at) || isGoal(found.block.text, at)) continue;
      // "You are guaranteed to pass…": the learner's outcome, which claim-outcome-promise reports.
      // "the Biggest Roller Coaster in the World": a name in title case, not the author's claim.
      if (
        isTitleCase(found.text) ||
        inLowerCasePlace(found.text) ||
        inScareQuotes(found.block.text, at, found.text.length) ||
        inReportedSpeech(found.block.text, at)
      )
        continue;
      if (/^guaranteed/i.test(found.text) && LEARNER_BEFORE.test(found.block.text.slice(Math.max(0, at - 20), at))) continue;
      if (WHATEVER_HAPPENS.test(found.text) && !promisesCover(found.block.text, at)) continue;
      if (
        /^(?:never|always)\b/i.test(found.text) &&
        (QUALIFIED_AFTER.test(found.block.text.slice(at + found.text.length)) || sentenceHasCode(found.block.text, at))
      )
        continue;
      lastSentence = {
        block: found.block,
        end: blockSentences(found.block).find((sentence) => sentence.start <= at && at < sentence.end)?.end ?? found.block.text.length,
      };
      report({
        start: found.start,
        end: found.end,
        message:
          `Unexpected absolute claim "${found.text.replace(/\s+/g, ' ')}", expected a claim you can substantiate and cite, ` +
          `or a qualified one.`,
      });
    }
  },
});

const LEARNER_BEFORE = /\byou(?:['’]re|\s+are|['’]ll\s+be|\s+will\s+be)\s+$/i;

const WHATEVER_HAPPENS = /^(?:whatever|no\s+matter\s+what)\s+happens$/i;
/**
 * "Whatever happens, complete an incident report", "the payment does not change, whatever happens to rates": a step or a fact. It
 * claims something only with a promise of cover or safety ("pays nothing, whatever happens to the car", "completely protected").
 */
function promisesCover(text: string, at: number): boolean {
  const { start, end } = sentenceAround(text, at);
  return COVER.test(text.slice(start, end));
}
const COVER = /\b(?:protect(?:s|ed|ion)?|covers?|covered|pays?|paid|safe(?:ly)?|guarantee[ds]?|nothing|zero|will|won['’]t|reach)\b/i;

/** "the cheapest network in Scotland" names a place; "tools in one" does not (the pattern is case-blind). */
function inLowerCasePlace(text: string): boolean {
  return (
    /\s+in\s+(?:the\s+)?\p{Ll}+$/u.test(text) &&
    !/\bin\s+the\s+(?:world|industry|market|business|universe|country|nation|region|sector)$/i.test(text)
  );
}

/** "even when the donor tells you which one "always works"": a few words in quotes are someone else's, not the lesson's claim. */
function inScareQuotes(text: string, at: number, length: number): boolean {
  const open = /["“][^"“”]{0,30}$/u.exec(text.slice(Math.max(0, at - 30), at));
  const close = /^[^"“”]{0,30}["”]/u.exec(text.slice(at + length, at + length + 30));
  if (!open || !close) return false;
  const quoted = open[0].slice(1) + text.slice(at, at + length) + close[0].slice(0, -1);
  return quoted.split(/\s+/).filter(Boolean).length <= 4;
}

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => !/^(?:the|a|an|in|of|on|for|and|to)$/i.test(word));
  return words.length >= 3 && words.every((word) => /^[\p{Lu}\d#]/u.test(word));
}

/** A sentence about code ("The `unwrap` call never fails") states a fact about the code. */
function sentenceHasCode(text: string, at: number): boolean {
  return text.slice(sentenceAround(text, at).start, at).includes(CODE_STAND_IN);
}

/** "Make sure the form is error-free": a goal the learner is told to reach, not a claim that it is reached. */
function isGoal(text: string, at: number): boolean {
  return GOAL_BEFORE.test(text.slice(sentenceAround(text, at).start, at));
}

const GOAL_BEFORE = /\b(?:ensure|make\s+sure|check(?!-)|confirm|verify|aim\s+(?:for|to)|try\s+to|until)\b[^.!?]*$/i;

/** "Which is the best course on the market?" asks; it does not claim. */
function isQuestion(text: string, at: number): boolean {
  return text.charCodeAt(sentenceAround(text, at).end) === 63; /* ? */
}
