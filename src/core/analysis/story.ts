import { sentenceAround } from '../prose';
import { oneLine } from '../text/pattern';

/**
 * How an opening draws the learner in, read from its words: a story that happened, or a situation
 * the learner is put in. Both are told apart from a lesson's instructions and descriptions, which
 * may share any one of their words.
 */

/** Something that happened, or a scene told as it happens. */
export function tellsStory(text: string): boolean {
  if (text.length < 80) return false;
  const events = text.match(NARRATED)?.length ?? 0;
  return (
    events >= 2 ||
    ((events >= 1 || INCIDENT.test(text)) && TIME_IN_THE_PAST.test(text)) ||
    startsInThePast(text) ||
    SCENE.test(text) ||
    ATTRIBUTED_QUOTE.test(text) ||
    OPENING_UTTERANCE.test(text) ||
    toldInThePresent(text)
  );
}

/**
 * "Last winter a stack of timber leaned over in a gale", "At the end of last season, an inspector swabbed the ledge": an opening
 * whose first clause is a time gone by, and what happened then.
 */
function startsInThePast(text: string): boolean {
  // Only the opening words are read: the pattern is slow on a long word ("a-a-a-…"), and a time further in opens nothing.
  const opening = text.slice(0, OPENING_TIME);
  const comma = opening.indexOf(',');
  const time = TIME_IN_THE_PAST.exec(comma < 0 ? opening : opening.slice(0, comma));
  if (!time || (comma < 0 && time.index !== 0)) return false;
  const { end } = sentenceAround(text, 0);
  const after = time.index + time[0].length;
  return PAST_VERB.test(text.slice(after, Math.min(end, MAX_SENTENCE)));
}

/**
 * A situation the learner recognises, as designers open workplace lessons: a moment ("It's 6.40 pm",
 * "At 18:00 on Friday"), the people in it ("Mr Adeyemi", "three operatives", "a caller"), the
 * learner placed in it ("your last drop", "you're tempted to"), how people feel, what goes wrong
 * ("the forecast is wrong", "we pay for the replacement") or what someone says. Two of these
 * together; any one alone is as common in instructions.
 */
export function setsTheScene(text: string, heading = ''): string[] {
  const found = [...new Set(SITUATION.filter(([, pattern]) => pattern.test(text)).map(([name]) => name))];
  if (heading && MOMENT_HEADING.test(heading) && !found.includes('moment')) found.push('moment');
  return found;
}

/** A voice at the opening: "“I was made to feel like a criminal…” — online review". */
const ATTRIBUTED_QUOTE = /^["“][^"”]{30,}["”]\s*(?:[—–]|--?)\s*\S/u;
/** Words overheard, then what they mean: "“Box for 140482, it's on the chassis now.” If that means nothing to you yet…". */
const OPENING_UTTERANCE = /^["“](?:[^"”\s]+\s+){3,}[^"”]*?[.!?…]["”]\s+\p{Lu}/u;

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
  (?:\b(?:she|he|they|we|I|one|host)|\b\p{Lu}\p{Ll}+|\b(?:[Aa]n?|[Tt]he|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\p{Ll}-]+\s+)?
  \p{Ll}+(?:er|or|ist|ant|ian)s?|\b(?:everyone|everybody|someone|somebody|nobody|no\s+one|people|staff|member|passenger|
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
    ${ACTOR}(?:\s*,[^,.;]{1,80},)?\s+(?:\p{Ll}+ly\s+|then\s+|also\s+|still\s+|(?:was|were)\s+)?(?:${SIMPLE_PAST}|(?:was|were)\s+
    \p{Ll}{2,}ing|ha[ds]\s+(?:already\s+|
    just\s+|never\s+)?${PARTICIPLE})\b`,
  'gu',
);
/** Harm that was done, as a safety lesson opens with it: "lost an operator's hand", "was badly burned", "died". */
const INCIDENT = new RegExp(
  oneLine`
    \b(?:lost|losing)\s+(?:an?|his|her|their|one|two|three|several)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:hand|hands|fingers?|thumbs?|eyes?|arms?|
    legs?|feet|foot|toes?|life|lives|sight|hearing)\b|\b(?:was|were)\s+(?:badly\s+|seriously\s+|fatally\s+|critically\s+)?(?:injured|
    hurt|killed|burned|burnt|crushed|scalded|electrocuted|blinded|maimed|hospitali[sz]ed)\b|\b(?:died|was\s+killed)\b`,
  'iu',
);
const OPENING_TIME = 60;
const MAX_SENTENCE = 400;
const PAST_VERB = new RegExp(String.raw`\b${SIMPLE_PAST}\b`, 'u');
const TIME_IN_THE_PAST = new RegExp(
  oneLine`
    \b(?:(?:last|this\s+time\s+last)\s+(?:week|month|year|winter|spring|summer|autumn|fall|quarter|monday|tuesday|wednesday|thursday|
    friday|saturday|sunday|night|season|january|february|march|april|may|june|july|august|september|october|november|december)|yesterday|
    (?:a|two|three|four|five|six|several|a\s+few)\s+(?:days|weeks|months|years)\s+ago|earlier\s+this\s+(?:week|month|year)|
    [\w-]+\s+(?:days|weeks|months|years)\s+(?:after|later)|(?<!\b(?:is|are|be|was|were|been|being|gets?|got)\s)used\s+to\s+\p{Ll}+|
    during\s+(?:the\s+|last\s+|our\s+)?(?:january|february|march|april|
    may|june|july|august|september|october|november|december|last)\b|on\s+(?:a|
    one)\s+\p{L}+\s+(?:morning|afternoon|evening|night)|in\s+(?:19|20)\d\d|in\s+(?:january|february|march|april|may|june|july|august|
    september|october|november|december))\b`,
  'iu',
);

const NUMBER_WORD = oneLine`
  (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a\s+few|several|plenty\s+of|
  many|most|\d{1,3})`;
/** "18:00", "8.30", "6.40 pm": a time of day, written with a colon or, as in British English, a full stop. */
const CLOCK = String.raw`(?:\d{1,2}[:.]\d{2}(?!\d|[.,]\d)|\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b\.?)`;
const WEEKDAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day`;

/** A heading that names a moment or a voice: "05:40 in the yard", "9 a.m. on day one", "“I'm about to board a plane”". */
const MOMENT_HEADING = new RegExp(
  String.raw`^(?:${CLOCK}|${WEEKDAY}\b|["“].{8,}["”]$|(?:it['’]s\s+)?(?:\d+|${NUMBER_WORD})\s+(?:minutes|hours)\b)`,
  'iu',
);

const SITUATION: ReadonlyArray<readonly [string, RegExp]> = [
  [
    'moment',
    new RegExp(
      oneLine`
        (?:^|[.!?]\s+)(?:it['’]s|it\s+is)\s+(?:${CLOCK}|(?:late|early|dark|cold|freezing|raining|snowing|busy|quiet|peak|rush|lunchtime|
        midnight|the\s+(?:end|start|middle|first|last))\b)|\b(?:at|by|until|around)\s+${CLOCK}|${CLOCK}\s+(?:on|and|in)\b|
        \b(?:on|every|each|one|last|this|next|by)\s+(?:a\s+)?${WEEKDAY}\b|
        \bthe\s+(?:first|second|last)\s+${WEEKDAY}\b|${WEEKDAY}\s+(?:morning|afternoon|evening|night)\b|
        \b(?:on|by|until|after)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:january|february|march|april|may|june|july|august|september|
        october|november|december)\b|\bat\s+night\b|\b(?:by|on|after)\s+the\s+(?:second|third|fourth|fifth|last)\s+(?:attempt|try|call|
        day|week)\b|\b(?:this|that|one|tomorrow|yesterday)\s+(?:morning|afternoon|evening|night)|\bon\s+(?:go-live|launch|
        day\s+one|your\s+first)\b|\b(?:minutes|hours|days|weeks)\s+later\b|\bfor\s+(?:[\w-]+\s+){1,2}(?:minutes|hours)\b|
        \bthe\s+forecast\s+says\b|\b(?:night|early|late|morning|evening|weekend)\s+shift\b|
        \b(?:every|each|this|last|one|that)\s+(?:spring|summer|autumn|winter)\b`,
      'iu',
    ),
  ],
  [
    'people',
    new RegExp(
      oneLine`
        \b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+\p{Lu}|(?<=[\p{Ll},]\s)\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?,?\s+(?:has|had|is|was|says|said|
        tells|told|asks|asked|calls|called|rings|rang|emails|emailed|wants|wanted|needs|needed|arrives|arrived|sounds)\b|
        (?<=[\p{Ll},]\s|^)\p{Lu}\p{Ll}+,\s+(?:a|an|our|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:\p{Ll}+(?:er|or|ist|ant|ian)|nurse|chef|rep|lead|
        agent|student|resident|patient)\b|\b(?:[Hh]e|[Ss]he)(?:\s+(?:\p{Ll}+s|has|had|was|is)|['’]s)\b`,
      'u',
    ),
  ],
  [
    'people',
    new RegExp(
      oneLine`
        \b${NUMBER_WORD}\s+(?:[\p{L}-]+\s+)?(?:people|customers|callers|colleagues|passengers|patients|guests|visitors|staff|operatives|
        workers|drivers|employees|members|residents|tenants|pupils|students|shoppers|agents|advisers|reps|nurses|of\s+them|of\s+us)\b|
        \b(?:nobody|no\s+one|everyone)\s+(?:\p{Ll}+s|has|had|was|knew|knows)\b|\b(?:a|an|the|your)\s+(?:new\s+|regular\s+|first\s+|
        next\s+)?(?:customer|caller|client|colleague|passenger|patient|guest|visitor|resident|tenant|parent|shopper|applicant|driver|buyer|
        neighbou?r|person)\s+(?:is|was|has|had|said|\p{Ll}{2,}s)\b`,
      'iu',
    ),
  ],
  [
    'learner in it',
    new RegExp(
      oneLine`
        \byou['’]re\s+(?!going\s+to\s+learn|about\s+to\s+learn)(?:tempted|about\s+to|halfway|stuck|alone|late|behind|running|
        standing|sitting|holding|looking\s+at|on\s+(?:your|the)|at\s+(?:your|the))\b|\b(?:at|behind)\s+your\s+(?:till|desk|counter|
        door|station|post|window)\b|\byour\s+(?:first|last|next|only)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:is|was|leaves|starts|arrives|
        takes|comes|begins)\b|\byour\s+(?:queue|phone|shift|round|inbox|manager|team\s+leader)\s+(?:is|was|rings|buzzes|pings)\b`,
      'iu',
    ),
  ],
  [
    'feeling',
    new RegExp(
      oneLine`
        \b(?:enjoys?|fears?|afraid|worried|worry|anxious|nervous|embarrass(?:ed|ing)|ashamed|judged|stressed|rushed|panic(?:s|ked)?|
        upset|angry|furious|frustrated|confused|overwhelmed|dreads?|tempted|relieved|annoyed|shrug|apologising|apologizing|in\s+tears)\b`,
      'i',
    ),
  ],
  [
    'cost',
    new RegExp(
      oneLine`
        (?:^|[.!?;]\s+)(?:if|without|when|unless|until)\b[^.!?]{0,140}?\b(?:wrong|lose|loses|lost|pay|pays|paid|fined?|injur\w*|hurt|
        late|miss(?:es|ed)?|fail\w*|complain\w*|damage\w*|breach\w*|blame\w*|apologi[sz]\w*|wait\w*|queue|stuck|refus\w*)\b|
        \b(?:is|are)\s+(?:your|our)\s+responsibility\b|\bdepends\s+on\b|\bdecides\s+whether\b|\bwhat\s+(?:happens|you\s+do)\s+next\b|
        \bnot\s+(?:an?\s+\p{L}+|something)\s+(?:anyone|we|you)\b|\bcost\s+(?:you|us|them)\s+(?:the|a|your|our)\b|
        \blose\s+(?:the|a|your)\s+(?:call|deal|sale|customer)\b|\b(?:gets?|got|getting)\s+(?:hurt|injured|killed|burned|burnt|trapped|
        crushed|sacked)\b|(?:^|[.!?]\s+)(?:worse|even\s+worse|worst\s+of\s+all)\b|\bget(?:ting)?\s+(?:it|this|that)\s+wrong\b|
        \bcosts?\s+(?:[\p{L}\s]{0,30}?)(?:a\s+great\s+deal|a\s+fortune|thousands|dearly)\b|
        (?:^|[.!?]\s+)too\s+(?:little|much|many|few|hot|cold|long|short|early|late|fast|slow|loose|tight|wet|dry|thin|thick),\s+and\b|
        \b(?:can['’]t|cannot|can\s+never)\s+be\s+(?:put\s+right|undone|fixed|saved|recovered)\b`,
      'iu',
    ),
  ],
  [
    'voice',
    // "“…my order…”", or someone's words after a colon: "the same call: “There's twigs falling into the grate.”"
    new RegExp(
      oneLine`
        ["“][^"”]{0,40}\b(?:I|I['’]m|I['’]ve|I['’]d|my|me|[Ww]e|[Ww]e['’]re)\b[^"”]{4,}["”]|\b(?:says?|said|asks?|asked|calls?|
        call|complaint|message|question|shouts?|shouted)\s*:\s*["“][^"”]{12,}["”]`,
      'u',
    ),
  ],
];
