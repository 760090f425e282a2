import { z } from 'zod';
import type { LessonDocument, OffsetRange } from '../document/model';
import type { ProseBlock } from '../document/prose';
import { hasCode } from '../analysis/audience';
import { preOrder } from '../document/walk';
import { blockSentences, foldedText, insideQuotation, isAllowed, type BlockSentence, type Sentence } from '../prose';
import { caseless } from '../text/caseless';
import { defineRule } from './rule';
import { prefilterGroup } from './prefilter';
import { oneLine } from '../text/pattern';

const START = String.raw`(?<![\p{L}\p{N}_.,-])`;
/** A stretch of time: "one week in every eight" is a rota, "10 in 24 hours" a limit. */
const TIME_UNIT = String.raw`(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|shifts?)`;
const END = String.raw`(?![\p{L}\p{N}_])`;
const NUMBER = String.raw`\d+(?:[.,]\d+)?`;

/** The source in a group of its own: a top-level alternation must not leave its later alternatives without the word start. */
function claimPattern(source: string): RegExp {
  return new RegExp(`${START}(?:${source})`, 'iu');
}

/** "Eighty percent", "forty-five per cent": a percentage in words. */
const TENS_IN_WORDS = oneLine`
  (?:(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|
  one)\s+hundred)`;
const PERCENT = oneLine`
  (?:${NUMBER}(?:\s*(?:-|–|to)\s*${NUMBER})?\s?(?:%|percent${END}|per\s+cent${END})|${TENS_IN_WORDS}\s+(?:percent|per\s+cent)${END})`;
const APPROXIMATELY = String.raw`(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|up\s+to\s+|~)?`;
const WORD = String.raw`[\p{L}\p{N}’'-]+\s+`;

const POPULATION = oneLine`
  people|persons|users|customers|clients|learners|students|employees|workers|staff|developers|programmers|engineers|companies|
  businesses|firms|organi[sz]ations|enterprises|managers|leaders|executives|adults|children|teens|respondents|participants|americans|
  consumers|patients|teams|professionals|graduates|employers|recruiters|candidates|hires|jobs|startups|market|workforce`;
/** Things that happen, counted: "one in five calls", "80% of workplace injuries". */
const EVENTS = oneLine`
  calls|complaints|incidents|accidents|injuries|breaches|claims|returns|orders|deals|leads|defects|failures|delays|cases|fires|falls|
  deaths|fatalities|chargebacks|disputes|tickets|escalations|cancellations|refunds|cyberattacks|attacks|emails|frauds?|losses|shoppers|
  buyers|callers|drivers|nurses|guests|visitors|travell?ers|reps|agents|supervisors|colleagues|sellers|salespeople|shifts|deliveries|
  shipments|purchases|transactions|sales|projects|rollouts|implementations|hacks|outages|mistakes|errors|damage|breakages|thefts|spills|
  faults|collisions`;
const WORD_NUMBER = oneLine`
  one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|
  a\s+thousand|\d+`;
/** A share in words: "two-thirds of", "one in five", "nine out of ten", "half of all". */
const SHARE_IN_WORDS = oneLine`
  (?:(?:nearly|almost|about|around|over|more\s+than|roughly)\s+)?(?:half|a\s+third|one[- ]third|two[- ]thirds|a\s+quarter|
  one[- ]quarter|three[- ]quarters|a\s+fifth|one[- ]fifth|(?:the|a)\s+(?:vast\s+)?majority|nearly\s+all|almost\s+all)`;
const EFFECT_NOUN = 'increase|improvement|reduction|decrease|boost|gain|growth|rise|drop|jump|savings?|uplift';
/** What a business or a course promises to change; "memory use", "file size" and "accuracy" are measurements. */
const OUTCOME = oneLine`
  retention|engagement|productivity|revenue|sales|profits?|earnings|salar(?:y|ies)|pay|income|completion|satisfaction|conversion|ROI|
  scores?|grades?|pass\s+rates?|outcomes|costs?|spending|turnover|churn|absenteeism|accidents|incidents|complaints|learning|
  understanding|motivation|performance\s+reviews?`;
/** Right after a percentage, an outcome that is itself the claim: "40% retention", not "95% score" or "100% width". */
const OUTCOME_AFTER =
  'retention|engagement|productivity|revenue|sales|profits?|ROI|conversion|completion|satisfaction|pass\\s+rates?|churn|turnover|savings?';
/** "30% faster", "50% more likely", "20% higher retention"; not "10% greater than the threshold", a specification. */
const COMPARATIVE =
  oneLine`
    faster|quicker|slower|cheaper|better|more\s+(?:likely|productive|effective|efficient|engaged|successful|accurate)|
    less\s+(?:likely|expensive|costly|time)|` + `(?:higher|lower|greater|bigger|smaller)\\s+(?:${OUTCOME})`;
const EFFECT_VERB = '(?:increas|boost|improv|rais|reduc|cut|lower|decreas|grow|grew|sav|drop|ris|rose|jump|shrink|slash|doubl)[\\p{L}]*';

/** A time or money a change is said to save: "6 hours a week", "£40,000 a year". */
const SAVED_AMOUNT = oneLine`
  (?:up\s+to\s+|over\s+|about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|roughly\s+)?(?:(?:${NUMBER}|two|three|four|five|six|
  seven|eight|nine|ten|twelve|twenty|thirty|a\s+few|several)\s*(?:hours?|hrs?|minutes?|mins?|days?|weeks?)(?:\s+of\s+[\p{L}-]+)?|
  [$£€]\s?${NUMBER}\s?(?:k|m|million|billion|bn)?|${NUMBER}\s?(?:k|m|million|billion|bn)?\s+(?:dollars|pounds|euros))\s+(?:a|per|each|
  every|on\s+(?:every|each|average))\s+(?:day|week|month|year|quarter|shift|call|order|employee|agent|store|site|person|head|project|
  rep|user|worker|member|seller|driver|team|manager|claim|ticket)`;

/** "…last year", "…since 2021", "…year on year": the period a trend is told over. */
const OVER_A_PERIOD = oneLine`
  [^.!?]{0,40}\b(?:last\s+(?:year|quarter|month)|this\s+(?:year|quarter)|since|in\s+(?:19|20)\d\d|over\s+the\s+(?:past|last)|
  year[- ]on[- ]year|a\s+year|per\s+year|annually|once\s+(?:the|we|our)\s|across\s+the\s+(?:sector|industry|country)|
  in\s+the\s+(?:years?|months?)\s+(?:after|since|following|before))`;

/** Statistics that make a claim about the world in numbers: a share of people, an effect, a comparison. */
const NUMBER_CLAIMS: RegExp[] = [
  // "Nearly 30% of the dues we fail to collect come from arrivals never logged": a share put down to where it comes from.
  oneLine`
    (?:${PERCENT}|${SHARE_IN_WORDS})\s+of\s+(?:the|our|all|your)\s+[^.!?;]{1,60}?\s+(?:come|comes|came|stem|stems|stemmed)\s+
    from${END}`,
  // "can lose up to 25% of its value": a loss told as a share, as a fact about what happens.
  oneLine`
    (?:lose|loses|lost|losing|wastes?|wasted)\s+(?:up\s+to\s+|as\s+much\s+as\s+|about\s+|around\s+|nearly\s+|over\s+|
    more\s+than\s+)?(?:${PERCENT}|${SHARE_IN_WORDS})\s+of\s+(?:its|their|the|your|our)\s+(?:[\p{L}-]+\s+)?(?:value|price|worth|
    revenue|income|profits?|yield|weight|capacity|efficiency|customers|sales|stock)${END}`,
  // "Players get up to five times more touches of the ball in 4v4 than in 11v11": a comparison by a multiple.
  oneLine`
    (?:${WORD_NUMBER})\s+times\s+(?:more|fewer|less)\s+\p{L}+s\b[^.!?;]{0,60}?\bthan${END}`,
  // "Around 40 people die every year from carbon monoxide poisoning", "2,000 workers are injured each week": harm counted nationwide.
  oneLine`
    (?:${WORD_NUMBER}|\d{1,3}(?:,\d{3})+)\s+(?:people|workers|children|drivers|pedestrians|cyclists|riders|patients|residents|adults|
    employees|staff|visitors|walkers|climbers|swimmers)\s+(?:die|are\s+(?:killed|injured|hurt|seriously\s+injured|admitted\s+to\s+
    hospital|taken\s+to\s+hospital|poisoned)|end\s+up\s+in\s+hospital)\s+(?:[\p{L}-]+\s+){0,2}?(?:every|each|a|per)\s+
    (?:year|month|week|day)${END}`,
  oneLine`
    ${PERCENT}\s+of\s+(?:all\s+|the\s+|our\s+|your\s+|today['’]s\s+|surveyed\s+|those\s+)?(?:[\p{L}-]+\s+){0,2}?(?:${POPULATION}|
    ${EVENTS})${END}`,
  oneLine`
    ${SHARE_IN_WORDS}\s+of\s+(?:all\s+|the\s+|our\s+|today['’]s\s+|surveyed\s+)?(?:[\p{L}-]+\s+){0,2}?(?:${POPULATION}|
    ${EVENTS})${END}`,
  // "Nearly two thirds of all laundered cash", "40% of all returns": a share of everything there is.
  String.raw`(?:${PERCENT}|${SHARE_IN_WORDS})\s+of\s+all\s+(?:[\p{L}-]+\s+){0,2}?\p{L}{3,}`,
  // "Three out of four shippers say …": a share of people, by what they say or do.
  oneLine`
    (?:${WORD_NUMBER})\s+(?:in|out\s+of)\s+(?:every\s+)?(?:${WORD_NUMBER})\s+(?:[\p{L}-]+\s+){0,2}?\p{L}+s\s+(?:say|said|prefer|
    report|want|agree|believe|think|use|choose|buy|leave|switch|return|admit|expect|trust|would|will|are|were|have|do|don['’]t|never|
    never|feel|fail)${END}`,
  oneLine`
    (?:${WORD_NUMBER})\s+(?:in|out\s+of)\s+(?:every\s+)?(?:${WORD_NUMBER})\s+(?:[\p{L}-]+\s+)?(?:${POPULATION}|${EVENTS}|times)${END}`,
  oneLine`
    (?:saves?|saved|saving|frees?\s+up|freed\s+up|gives?\s+back|cuts?\s+out)\s+(?:(?:you|us|them|teams?|staff|agents?|managers?|
    employees|the\s+(?:business|company|team)|each\s+[\p{L}-]+|every\s+[\p{L}-]+|our\s+[\p{L}-]+|[\p{L}-]{3,}s)\s+)?${SAVED_AMOUNT}`,
  oneLine`
    (?<!(?:to|can|could|should|will|must|would|may|might)\s+)(?:${EFFECT_VERB})\s+(?:[\p{L}\p{N}’'-]+\s+){1,4}?by\s+(?:up\s+to\s+|
    as\s+much\s+as\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?(?:${PERCENT}|half|a\s+third|two[- ]thirds|
    a\s+quarter|(?:${NUMBER}|two|three|four|five|six|seven|eight|nine|ten)\s*(?:hours?|minutes?|seconds?|days?|weeks?|times))`,
  oneLine`
    ${PERCENT}\s+(?:fewer|less|more|lower|higher)\s+(?:[\p{L}-]+\s+)?(?:${POPULATION}|${EVENTS}|${OUTCOME}|downtime|waste|sick\s+days|
    staff\s+turnover)${END}`,
  String.raw`(?:twice|half)\s+as\s+(?:likely|often|productive|effective)${END}`,
  // "one checked bag in every sixty", "one in every 200 calls".
  // Not "one week in every eight", a rota.
  String.raw`(?:one|a|an)\s+(?!${TIME_UNIT}\s)(?:[\p{L}-]+\s+){0,2}?in\s+every\s+(?:${WORD_NUMBER})${END}`,
  String.raw`${PERCENT}\s+(?:more|less)\s+(?:often|likely|frequently)${END}`,
  // "cut about twenty minutes from every case", "takes two days off each order".
  oneLine`
    (?:cut|cuts|shave[sd]?|knocks?|takes?|saves?)\s+(?:about\s+|around\s+|up\s+to\s+|over\s+|nearly\s+)?(?:${NUMBER}|two|three|four|
    five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|sixty)\s*(?:seconds?|minutes?|mins?|hours?|days?|weeks?|%|
    percent)\s+(?:off|from)\s+(?:every|each|the\s+average|an\s+average)${END}`,
  oneLine`
    (?:${NUMBER}|two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred)\s*(?:x|×|times)\s+(?:more|less|higher|lower|cheaper|
    costlier|bigger|smaller)\s+(?:[\p{L}-]+\s+)?than${END}`,
  oneLine`
    (?:doubl|tripl|halv)(?:e|es|ed|ing)\s+(?:in\s+(?:size|number|value|cost|price|volume)\s+)?every\s+(?:(?:${NUMBER}|two|three|four|
    five|six|seven|eight|nine|ten|few)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)${END}`,
  String.raw`${PERCENT}\s+of\s+what\s+(?:they|you|we|people|learners|students)${END}`,
  String.raw`${PERCENT}\s+(?:${OUTCOME_AFTER}|${COMPARATIVE}|(?:${EFFECT_NOUN})\s+(?:in|of)\s+(?:${WORD}){0,2}?(?:${OUTCOME}))${END}`,
  String.raw`${EFFECT_VERB}\s+(?:${WORD}){0,3}?(?:${OUTCOME})\s+(?:by|up\s+to|as\s+much\s+as)\s+${APPROXIMATELY}${PERCENT}`,
  String.raw`(?:retain|remember|forget)[\p{L}]*\s+(?:only\s+|just\s+)?${APPROXIMATELY}${PERCENT}`,
  oneLine`
    (?:${NUMBER}|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a\s+hundred|hundred|a\s+thousand)(?:\s*(?:-|–|
    to)\s*${NUMBER})?\s*(?:x|×|times)\s+(?:${COMPARATIVE}|as\s+(?:likely|fast|effective|productive|much|many))${END}`,
].map(claimPattern);

/** "Studies show …", "a recent survey found …": an appeal to research, which may name no number. */
const RESEARCH_SHOWS = claimPattern(
  oneLine`
    (?<!(?:the|this|that|these|those|your|their|my|his|her|its|without)\s+|\p{L}['’]s\s+)(?:studies|research|(?:a|one|recent|new)\s+
    (?:recent\s+|new\s+)?(?:study|
    survey|report|poll|paper)|surveys|evidence|experts|scientists|researchers|psychologists|statistics)\s+(?:${WORD}){0,3}?(?:show|
    shows|showed|shown|prove|proves|proved|proven|suggest|suggests|suggested|found|finds|indicate|indicates|indicated|reveal|reveals|
    revealed|confirm|confirms|confirmed|say|says|agree|agrees|demonstrate|demonstrates|demonstrated)${END}`,
);
const ACCORDING_TO_RESEARCH = claimPattern(
  oneLine`
    according\s+to\s+(?:(?:recent|new|the\s+latest|some|many)\s+)?(?:research|studies|experts|scientists|statistics|(?:a|
    one)\s+(?:recent\s+|new\s+)?(?:study|survey|report|poll))${END}`,
);
const APPEALS_TO_RESEARCH: ReadonlySet<RegExp> = new Set([RESEARCH_SHOWS, ACCORDING_TO_RESEARCH]);

/** Statistics that make a claim about the world: a share of people, an effect, a comparison, an appeal to research. */
const CLAIMS = [...NUMBER_CLAIMS, RESEARCH_SHOWS, ACCORDING_TO_RESEARCH];

/** Comparisons and rates that only a lesson without code makes about the world ("4 times as much memory" is a lesson on complexity). */
const GENERAL_ONLY = [
  // "About a third of the duplicates we stop each quarter…", "Roughly 60% of the findings in our last three audits…", "about 15% of
  // everything we post": an estimate of a share of the business's own work, which needs its source as much as one of the world's.
  oneLine`
    (?:about|around|roughly|nearly|almost|over|more\s+than|some)\s+(?:${PERCENT}|${SHARE_IN_WORDS})\s+of\s+(?:the\s+|our\s+|all\s+)?
    (?:everything|(?:[\p{L}-]+\s+){0,3}?\p{L}{3,}s)\s+(?:(?:that\s+)?(?:we|you|our\s+[\p{L}-]+)\s+\p{Ll}+|(?:in|from|across|on)\s+
    (?:our|the\s+last|last)\b)`,
  // "Refund chasers make up about a third of everything…", "account for nearly half of the compliance queries".
  oneLine`
    (?:(?:make|makes|made)\s+up|(?:account|accounts|accounted)\s+for)\s+(?:about|around|roughly|nearly|almost|over|more\s+than|
    some|just\s+under|just\s+over)\s+(?:${PERCENT}|${SHARE_IN_WORDS})\s+of`,
  // "No-shows run at about 4%", "late payments cost us around £1,900 a month", "cost the terminal about £200,000 last year".
  oneLine`
    (?:runs?|running|sits?|stands?)\s+at\s+(?:about|around|roughly|nearly|almost|over|just\s+under|just\s+over)\s+${PERCENT}|
    (?:costs?|costing)\s+(?:us|the\s+[\p{L}-]+|our\s+[\p{L}-]+)\s+(?:about|around|roughly|nearly|almost|over|more\s+than)\s+
    [$£€]${NUMBER}(?:k|m|bn)?(?:\s+(?:a|per|each|every)\s+(?:day|week|month|quarter|year)|\s+(?:last|this|each|every)\s+
    (?:year|quarter|month))`,
  // "Three out of four food recalls in Europe are caused by …", "Around 90% of homeowners want …": a share of anything counted, as the
  // subject of what is said about it
  // ("80% of the particles are water" is a share of the lesson's own sample, not of the world).
  oneLine`
    (?<=^|\bthat\s{1,8}|[,;:]\s{1,8})(?:(?:around|about|roughly|nearly|almost|over|more\s+than|fewer\s+than|less\s+than|only|just|
    some)\s+)?(?:(?:${PERCENT}|${SHARE_IN_WORDS})\s+of|(?:${WORD_NUMBER})\s+(?:in|out\s+of)\s+(?:every\s+)?(?:${WORD_NUMBER})(?:\s+of)
    ?)\s+(?:(?:all|our|your|their|today['’]s)\s+)?(?!(?:the|these|those|this|
    that|one|a|an|each)\s)(?!(?:[\p{L}-]+\s+){0,2}?${TIME_UNIT}${END})(?:[\p{L}-]+\s+){0,2}?\p{L}{2,}s${END}(?![^.!?]*\b(?:must|
    should|shall|need\s+to|needs\s+to|have\s+to|has\s+to|are\s+to\s+be|
    is\s+to\s+be)\b)`,
  // "complaints fell from 412 in 2022 to 96 in 2024": a change over time, reported as a fact; not one person's record ("her pension
  // contribution increased from 5% to 8%").
  oneLine`
    (?<!\b(?:her|his|my)\s+(?:[\p{L}-]+\s+){1,2})(?:fell|rose|dropped|grew|climbed|increased|decreased|declined|jumped|went\s+
    (?:up|down)|halved|doubled|tripled|shrank|plunged|soared|improved)\s+(?:[\p{L}-]+\s+){0,2}?from\s+(?:about\s+|around\s+|
    nearly\s+)?[$£€]?${NUMBER}\s?(?:%|k|m)?(?:\s+[\p{L}\p{N}-]+){0,3}?\s+to\s+(?:about\s+|around\s+|just\s+|only\s+|
    nearly\s+)?[$£€]?${NUMBER}`,
  oneLine`
    (?:${NUMBER}|two|three|four|five|six|seven|eight|nine|ten|twice)\s*(?:x|×|times)?\s+as\s+(?:often|likely|many|much|fast|
    quickly)\s+as${END}`,
  oneLine`
    (?:in\s+)?(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|just\s+)?(?:half|a\s+third|a\s+quarter|twice)\s+the\s+(?:time|cost|
    price|effort|number|rate)${END}`,
  // "Roughly four in five of the incidents we log", "About one claim in six comes back".
  String.raw`(?:${WORD_NUMBER})\s+(?:in|out\s+of)\s+(?:every\s+)?(?:${WORD_NUMBER})\s+of\s+(?:the|our|your|all|their)\s+\p{L}`,
  oneLine`
    (?:one|a|an)\s+(?:[\p{L}-]+\s+){1,2}?in\s+(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a\s+hundred|
    \d{1,3})(?![\p{L}\p{N}_-])(?!\s*(?:(?:to|or|-|–)\s*(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:working\s+|
    business\s+|calendar\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|steps?|places?|ways?|parts?|languages?|
    colou?rs?|sizes?|stages?|passes|goes|rounds?|batch(?:es)?|phases?|coats?|layers?|turns?|halves|sessions?|visits?|pieces|
    sentences?|words?|paragraphs?|times|tries|attempts?|
    bits|sections|chunks|lots|loads|trips|shifts|groups|teams|piles|rows|columns|lines)${END})`,
  // "have tripled since 2021", "went up by 65% last year", "rose 18 percent", "cut the time they spend on claims by two-thirds".
  oneLine`
    (?:doubled|tripled|quadrupled|halved|risen|fallen|grown|increased|decreased|dropped|climbed|soared|plunged|shrunk|rose|fell|
    grew)\s+(?:[\p{L}-]+\s+)?since\s+(?:19|20)\d\d${END}`,
  // A change told with its period, as a trend in the world ("Memory use dropped by 30% after the change" is a measurement).
  String.raw`(?:went|gone|goes|go|was|were|is|are)\s+(?:up|down)\s+(?:by\s+)?${APPROXIMATELY}${PERCENT}(?=${OVER_A_PERIOD})`,
  oneLine`
    (?:rose|fell|grew|dropped|climbed|jumped|increased|decreased|declined|improved|risen|fallen|
    grown)\s+(?:by\s+)?${APPROXIMATELY}${PERCENT}(?=${OVER_A_PERIOD})`,
  oneLine`
    (?<!(?:to|can|could|should|will|must|would|may|might)\s+)(?:${EFFECT_VERB})\s+(?:[\p{L}\p{N}’'-]+\s+){1,8}?by\s+(?:about\s+|
    around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?(?:half|a\s+third|two[- ]thirds|a\s+quarter|three[- ]quarters|
    a\s+fifth)${END}`,
  // "twice as good at predicting", "three times sooner", "win 41% more of their deals".
  oneLine`
    (?:twice|(?:${WORD_NUMBER})\s*(?:x|×|times))\s+as\s+(?:good|bad|likely|effective|productive|accurate|successful|efficient|
    reliable|engaged|loyal|happy|satisfied)\s+(?:at|in|as)${END}`,
  // "predict performance about twice as well as interviews", "three times as well as the old form".
  String.raw`(?:twice|(?:${WORD_NUMBER})\s*(?:x|×|times))\s+as\s+(?:well|badly|accurately|reliably|quickly|fast|often)\s+as${END}`,
  oneLine`
    (?:${WORD_NUMBER})\s*(?:x|×|times)\s+(?:sooner|faster|quicker|better|likelier|cheaper|safer|longer\s+than|stronger\s+than|
    more\s+(?:likely|often)|
    less\s+(?:likely|often))${END}`,
  String.raw`${PERCENT}\s+(?:more|fewer|less|higher|lower)\s+(?:of\s+)?\p{L}`,
  // "loses around two and a half hours a day", "saves a company our size about €120,000 a year".
  oneLine`
    (?:loses?|lost|losing|wastes?|wasted|wasting)\s+(?:[\p{L}-]+\s+){0,2}?${APPROXIMATELY}(?:${NUMBER}|one|two|three|four|five|six|
    seven|eight|nine|ten|twelve|twenty|thirty)(?:\s+and\s+a\s+half)?\s*(?:hours?|minutes?|days?|weeks?)\s+(?:a|per|each|
    every)\s+(?:day|week|month|year|shift)`,
  String.raw`(?:saves?|saved|saving)\s+(?:[\p{L}-]+\s+){1,4}?${SAVED_AMOUNT}`,
  // "Colonies with untreated varroa have a 70% chance of dying", "drivers take twice as long to see you in rain": odds as facts.
  oneLine`
    (?:(?:a|an)\s+${APPROXIMATELY}${PERCENT}\s+(?:chance|risk|likelihood|probability)\s+of(?!\s+(?:rain|showers?|snow|sleet|frost|
    sun|sunshine|thunder|storms?|wind|fog|precipitation)\b)|(?:twice|(?:${WORD_NUMBER})\s+times)\s+as\s+
    long\s+to\s+\p{L}+)`,
  // "Misfuelling costs a boat owner an average of £3,500 to put right": a cost in the world, as a fact; not an estimate for one job
  // ("the repair is likely to cost more than £300").
  oneLine`
    (?<!\b(?:likely|expected)\s+to\s+)(?:costs?|costing)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:an\s+average\s+of|on\s+average|typically|
    up\s+to|more\s+than|over)\s+[£$€]\s?\d`,
  // "Labelling slips cause 60% of recalls", "late scans are behind a third of disputes": a share of what happens, put down to a cause
  // ("water accounts for 80% of the particles" measures the lesson's own sample). The share comes first and the verb is looked for
  // behind it, so that the pattern is tried only where a share stands.
  oneLine`
    (?<=\b(?:cause[sd]?|(?:are|is|were|was)\s{1,8}behind|lead\s{1,8}to|led\s{1,8}to|result(?:ed)?\s{1,8}in)\s{1,8}(?:(?:about|
    around|nearly|almost|over|roughly|some)\s{1,8}|more\s{1,8}than\s{1,8}|up\s{1,8}to\s{1,8})?)(?:(?:${PERCENT}|${SHARE_IN_WORDS})\s+of\s+|
    (?:${WORD_NUMBER})\s+in\s+(?:${WORD_NUMBER})\s+)
    (?:all\s+|the\s+|our\s+)?(?:[\p{L}-]+\s+){0,3}?\p{L}{3,}`,
  // "Mystery shoppers catch stores out in roughly a third of visits": how often, as a share of occasions.
  oneLine`
    (?<=\bin\s{1,8}(?:(?:roughly|about|around|nearly|almost|over|some)\s{1,8}|more\s{1,8}than\s{1,8})?)(?:${PERCENT}|${SHARE_IN_WORDS})\s+
    of\s+(?:all\s+|the\s+|our\s+)?(?:[\p{L}-]+\s+){0,2}?(?:visits|cases|calls|checks|inspections|audits|orders|deliveries|shifts|
    jobs|stores|sites|branches|attempts|transactions)${END}`,
  // "Guests overestimate their wait by about 36%": a change to something, told by a share, as a fact ("prices can differ by up to 2%",
  // "may differ from the gross weight by up to 1%" and "a line that has changed by more than 5%" are rules; "memory use dropped by
  // 30%" a measurement).
  oneLine`
    (?<!(?:to|can|could|should|will|must|would|may|might|shall)\s+(?:[\p{L}\p{N}’'-]+\s+){0,5}|\b(?:that|which|who|whose\s+
    [\p{L}-]+)\s+)\p{Ll}+(?:s|ed)\s+(?:(?!(?:can|could|may|might|must|should|will|would|
    shall)\s)[\p{L}\p{N}’'-]+\s+){1,4}?by\s+(?:up\s+to\s+|
    as\s+much\s+as\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|roughly\s+)?${PERCENT}`,
  // "Most falls happen on the last two steps", "where most injuries to crew happen": where or when harm mostly comes, told as a fact
  // ("the most expensive mistakes happen", a superlative, and "most of the injuries we see", the team's own experience, are not).
  oneLine`
    (?<!\bthe\s{1,4})\bmost\s+(?!of\s)(?:[\p{L}-]+\s+){0,3}?(?:injuries|accidents|incidents|drownings|deaths|fires|falls|thefts|
    break-ins|complaints|errors|mistakes|claims|episodes|failures|breakdowns|collisions|burns|cuts|slips|trips|spills|strains|
    sprains)\s+(?:[^.!?;]{0,50}?\s)?
    (?:happen|happened|occur|occurred|start|started|begin|began|are\s+caused|were\s+caused)${END}`,
  // "Fraud on upgrades has doubled in the past two years": a trend told with its period.
  // "Deaths from furniture fires have fallen by more than half": a trend in the world, by a share in words.
  oneLine`
    (?:rose|risen|fell|fallen|dropped|grown|grew|declined|decreased|increased|improved|climbed|shrunk|shrank|(?:gone|went|come|came)\s+
    (?:up|down))\s+by\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|roughly\s+)?(?:half|a\s+third|
    two[- ]thirds|a\s+quarter|three[- ]quarters|a\s+fifth)${END}`,
  oneLine`
    (?:doubled|tripled|quadrupled|halved|risen|fallen|grown|soared|plunged)\s+(?:in|over)\s+(?:the\s+)?(?:(?:past|last)\s+)?
    (?:(?:${WORD_NUMBER}|few|couple\s+of)\s+)?(?:years?|months?|decades?|quarters?)${END}`,
  // "Nearly 80% of the fire doors we inspect fail": a share of what the organisation counts.
  oneLine`
    (?:${PERCENT}|${SHARE_IN_WORDS}|(?:${WORD_NUMBER})\s+(?:in|out\s+of)\s+(?:${WORD_NUMBER}))\s+of\s+the\s+(?:[\p{L}-]+\s+){0,2}?
    \p{L}{3,}\s+(?:we|you|our\s+[\p{L}-]+|[\p{L}-]+s)\s+(?:inspect|see|handle|receive|get|deal\s+with|check|audit|visit|attend|
    process|log|record|take|service|repair|maintain|fit|install|test|treat|clean|deliver|find|report|spot|raise|flag|make)\b`,
  // "Card now accounts for roughly three-quarters of what we take", "… for nearly two-thirds of the loaves we write off": a share of
  // the organisation's own business, as a fact.
  oneLine`
    (?:accounts?|accounted|accounting)\s+for\s+${APPROXIMATELY}(?:roughly\s+)?(?:${PERCENT}|${SHARE_IN_WORDS})\s+of\s+(?:what\s+
    (?:we|you)|all\s+(?:our|your|the)|our|your|the\s+(?:[\p{L}-]+\s+){0,2}?\p{L}{3,}\s+(?:we|you)\s+\p{Ll}+)\b`,
  // "catch one in four forecourts selling…", "read nearly twice as many books": a share or a ratio of counted things.
  oneLine`
    (?<![$£€]\s?)(?:${WORD_NUMBER})\s+in\s+(?:${WORD_NUMBER})\s+(?!(?:seconds|minutes|hours|days|weeks|months|years|decades)${END})
    \p{L}{3,}s${END}`,
  // Not "half as much again as the target": a reading compared with a limit.
  String.raw`(?:twice|half|(?:${WORD_NUMBER})\s+times)\s+as\s+(?:many|much)\s+(?!again\b)\p{L}{3,}`,
  // "A tidy tray return adds around 30 passengers an hour": a gain per period, as a fact.
  oneLine`
    (?:adds?|added|gains?|gained)\s+${APPROXIMATELY}(?:roughly\s+)?(?:${NUMBER}|two|three|four|five|six|seven|eight|nine|ten|twelve|
    twenty|thirty|forty|fifty)\s+(?:[\p{L}-]+\s+){1,2}?(?:an?|per|each|every)\s+(?:hour|day|week|month|year|shift)${END}`,
].map(claimPattern);

/**
 * In a lesson without code, a share of anything counted says something about the world: "60% of
 * returned parts turn out…", "about 70% of the movements that come in need a bush". In a lesson
 * with code, "80% of the rows are used for training" is a procedure, so only shares of people and
 * events count there.
 */
const SHARE_OF_ANYTHING = new RegExp(
  oneLine`
    ${START}(?:${APPROXIMATELY}${PERCENT}|${SHARE_IN_WORDS})\s+of\s+(?:all\s+|the\s+|our\s+|your\s+|those\s+|these\s+)?
    (?:[\p{L}-]+\s+){0,2}?\p{L}{3,}s(?:\s+(?:that|who|which)(?:\s+[\p{L}'’-]+){1,6}?|\s+\p{Ll}+ed(?:\s+[\p{L}'’-]+){0,5}?)?\s+
    (?:turn\s+out|turned\s+out|fail|failed|end\s+up|ended\s+up|come\s+back|came\s+back|start|started|begin|began|
    go\s+wrong|cause|caused|say|said|report|lead\s+to|happen|happened|arrive\s+(?:late|damaged|broken)|need|needed|contain|contained|break|
    broke|leak|leaked|go\s+missing|went\s+missing|(?:are|were)\s+(?:found|returned|rejected|written\s+off|damaged|late|faulty))${END}`,
  'iu',
);

const GENERAL_CLAIMS = [...CLAIMS, SHARE_OF_ANYTHING, ...GENERAL_ONLY];

/** A word that every claim contains: sentences of blocks without one are skipped cheaply. */
const ANCHOR = new RegExp(
  oneLine`
    \d|%|percent|per\s+cent|stud(?:y|ies)|research|survey|report|poll|paper|evidence|expert|scientist|psycholog|statistic|according|
    doubl|tripl|halv|\b(?:half|thirds?|quarters?|fifths?|majority|twice|one|two|three|four|five|six|seven|eight|nine|ten|twelve|
    fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|several|few|most|(?:almost|nearly)\s+all)\b`,
  'i',
);

/** A word in every appeal to research ("studies", "a recent survey", "experts", "according to"): the anchor of their prefilter. */
const RESEARCH_CUE = /stud(?:y|ies)|research|survey|report|poll|paper|evidence|expert|scientist|psycholog|statistic|according/i;

/**
 * A figure, or a number or a share in words ("nearly all of" too): in every statistic, so the
 * patterns other than the appeals to research run only in a block that has one.
 */
const NUMBER_CUE = new RegExp(
  oneLine`
    \d|%|percent|per\s+cent|doubl|tripl|halv|\b(?:half|thirds?|quarters?|fifths?|majority|all|twice|one|two|three|four|five|six|
    seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|several|few|most)\b`,
  'i',
);

/** "100% satisfaction", "stops 100% of attacks", "0% of downtime": all or nothing is an absolute claim, claim-absolute's to report. */
const ABSOLUTE = /^(?:100|0)\s?(?:%|percent)\s+(?:satisfaction|pass\s+rates?|of\b)/i;

/** A base-form verb that the learner is told to apply ("reduce the size by 50%") is a procedure, not a claim. */
const INSTRUCTION_BEFORE = new RegExp(
  oneLine`
    (?:^|[,:;]\s*|\b(?:you|we|let['’]s|please|then|and|first|next|now)\s+)(?:(?:can|could|should|will|might|may|must|need\s+to|
    have\s+to|want\s+to|try\s+to)\s+)?$`,
  'i',
);
const BASE_FORM = /^(?:increase|boost|improve|raise|reduce|cut|lower|decrease|grow|save|drop|shrink|slash|double)\b/i;

const YEAR = String.raw`(?:1[89]|20)\d\d`;
/** "(Fagan, 1976)", "(ONS 2024a)": a year in brackets. */
const YEAR_IN_BRACKETS = String.raw`\((?=[^()]*\b${YEAR}[a-z]?\b)[^()]*\)`;
/** "[^2]", "[3]", "[4, 7]", "[2–5]". */
const NOTE_MARK = String.raw`\[\^[\w-]+\]|\[\d+(?:\s*[,–-]\s*\d+)*\]`;
/** "Source:", "Data.", "cited in:". */
const SOURCE_LABEL = String.raw`\b(?:sources?|cited in|citation|reference|doi|data)\s*[:.]`;
/** "… in 2023.¹": a superscript note after a word or a mark. */
const SUPERSCRIPT_NOTE = String.raw`[\p{L}\p{N}.,;:!?)”"'’][¹²³⁴⁵⁶⁷⁸⁹⁰]+`;
/** "The Health and Safety Executive (HSE) reports", "ONS estimates": a named body's finding. */
const BODY_FOUND = oneLine`
  \b(?:\p{Lu}[\p{L}&'’-]*\s+){0,6}?(?:\(\p{Lu}{2,}\)|\p{Lu}{2,})\s+(?:reports?|reported|found|finds|estimates?|estimated|published|says|
  said)\b`;
/** "According to the 2024 Acme …", "according to Fagan", "according to the portfolio's 2024 Annual …": a named source. */
const ACCORDING_TO_NAME = String.raw`\b[Aa]ccording to (?:the\s+|our\s+|a\s+)?(?:\p{Ll}+['’]s\s+)?(?:${YEAR}\s+)?\p{Lu}`;
const DOCUMENT = 'survey|report|audit|study|review|census|data|figures|statistics|results|analysis|benchmark|log|programme|register';
/**
 * "The 2025 staff survey", "our Q3 2024 audit results", "Our Collections Performance team's 2023 annual review", "the trust's 2023
 * clinical correspondence audit", "our own 2024 interaction log", "the data protection audit of 2023", "Bristol Film Office's 2023
 * survey": a dated document of one's own or a named body's.
 */
const DATED_REPORT = oneLine`
  \b(?:[Tt]he|[Oo]ur|[Ii]ts|[Tt]heir)\s+(?:own\s+)?(?:(?:[\p{L}&-]+\s+){0,5}?[\p{L}-]+['’]s\s+)?(?:${YEAR}|Q[1-4]\s+${YEAR})\s+
  (?:[\p{L}-]+\s+){0,4}?(?:${DOCUMENT})|\b(?:${DOCUMENT})\s+(?:of|for|from)\s+(?:[\p{L}-]+\s+){0,3}?${YEAR}\b|
  \b\p{Lu}[\p{L}&-]*(?:\s+\p{Lu}[\p{L}&-]*){0,5}['’]s\s+(?:${YEAR}|Q[1-4]\s+${YEAR})\s+(?:[\p{L}-]+\s+){0,4}?(?:${DOCUMENT})`;
/** "The Terminal Operations Annual Report 2023", "the 2024 Annual Generation Report": a document by its title and year. */
const TITLED_REPORT = oneLine`
  \b\p{Lu}[\p{L}-]*\s+(?:Survey|Report|Audit|Review|Study|Census|Analysis)\s+(?:Q[1-4]\s+)?${YEAR}\b|\b${YEAR}\s+(?:\p{Lu}[\p{L}-]*\s+)
  {1,4}(?:Survey|Report|Audit|Review|Study|Census|Analysis)\b`;
/** "(report QA-24-03 on the Collections intranet)": a document by its reference. */
const REPORT_REFERENCE = String.raw`\((?:report|ref\.?|reference|document)\s+\p{Lu}{2,6}-\d`;

const ET_AL = String.raw`\bet al\b`;
/** "Under HM Revenue & Customs (HMRC) guidance", "in the Food Standards Agency code": a named body's rules. */
const NAMED_RULES = oneLine`
  \b(?:[Uu]nder|[Ii]n|[Pp]er|[Ff]rom)\s+(?:the\s+)?(?:(?:\p{Lu}[\p{L}'’-]*|\(\p{Lu}{2,}\)|&)\s+){1,6}(?:guidance|rules|regulations|
  code|act|standards?|guidelines|handbook|manual)\b`;
/** "in CSP-02", "under ISO 45001", "see BS 7671": a document by its code. */
const DOCUMENT_CODE = String.raw`\b(?:[Ii]n|[Ss]ee|[Pp]er|[Uu]nder|[Ff]rom)\s+(?:the\s+)?\p{Lu}{2,6}[- ]\d{1,5}\b`;

/** Citations written as text: "(Fagan, 1976)", "[3]", "Source:", "et al.", "according to Fagan", "under HMRC guidance", "in CSP-02". */
const CITATION_TEXT = new RegExp(
  [
    YEAR_IN_BRACKETS,
    NOTE_MARK,
    SOURCE_LABEL,
    ET_AL,
    SUPERSCRIPT_NOTE,
    BODY_FOUND,
    ACCORDING_TO_NAME,
    DATED_REPORT,
    TITLED_REPORT,
    REPORT_REFERENCE,
    NAMED_RULES,
    DOCUMENT_CODE,
  ].join('|'),
  'u',
);
/** An HTML link, superscript note or citation element. */
const HTML_CITATION = /<(?:a\s[^>]*href|sup\b|cite\b)/i;
const CITATIONS = Symbol('citations');
/** A claim with a number in it, in figures or in words, is a statistic; "studies show" is an appeal to research. */
const NUMBER_IN_WORDS = new RegExp(
  oneLine`
    \d|\b(?:half|thirds?|quarters?|fifths?|majority|all|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|
    forty|fifty|sixty|seventy|eighty|ninety|twice|hundred|thousand|most(?!\s+(?:experts?|researchers|studies|scientists)\b))\b`,
  'i',
);

export default defineRule({
  id: 'claim-uncited-statistic',
  category: 'claims',
  description: 'A statistic or an appeal to research ("40% of learners", "3 times faster", "studies show") cites its source.',
  defaultSeverity: 'warning',
  options: z.object({}).strict(),
  docs: {
    rationale:
      'A number or an appeal to research persuades only if learners (and legal reviewers) can check where it comes from; ' +
      'an uncited one may be outdated, misquoted or invented. ' +
      'Only claims about the world are flagged: a share of people, companies or events, in figures or in words ("40% of managers", ' +
      '"one in four calls", "two-thirds of incidents"), ' +
      'an effect ("cuts costs by 30%", "a 20% increase", "saves 5 hours a week", "30% fewer complaints"), ' +
      'a comparison ("3 times faster", "twice as likely"), ' +
      '"studies show", "experts say"; in a lesson without code, also an estimate of the business\'s own figures ("about a third of ' +
      'the invoices we query", "make up about a fifth of", "run at about 3%", "cost us around £4,000 a month"). ' +
      'Procedures and results computed in the lesson ("resize the image to 10%", ' +
      '"accuracy is around 95%", "width: 100%") are not, nor are limits and rotas ("may differ by up to 2%", "a balance that has ' +
      'changed by more than 10%", "5 in 12 hours", "one week in every six"), someone\'s own evidence ("the driver\'s evidence ' +
      'says"), tables of figures or code.',
    howToFix:
      'Add a link, a footnote (`[^1]`), a citation ("(Fagan, 1976)", "Source: 2025 staff survey"), a named, ' +
      'dated source ("according to the 2025 Acme safety report", "the Returns team\'s 2024 review found", "the Depots Annual ' +
      'Report 2024", "our own 2024 breakdown log", "the fleet safety audit of 2024", "Leeds City Council\'s 2024 survey", ' +
      '"(report DR-24-02)"), ' +
      'or the rules it comes from ("under HMRC guidance", ' +
      '"the limit in SOP-14") ' +
      'in the same paragraph, the next sentence or just after the paragraph, or remove the number if you cannot source it.',
  },
  reads: 'block-and-next',
  prefilter: () => [
    prefilterGroup(
      GENERAL_CLAIMS.filter((pattern) => !APPEALS_TO_RESEARCH.has(pattern)),
      NUMBER_CUE,
    ),
    prefilterGroup([...APPEALS_TO_RESEARCH], RESEARCH_CUE),
  ],
  check({ doc, report, settings }) {
    const general = !hasCode(doc);
    doc.prose.forEach((block, index) => {
      const claims = general
        ? block.derived(GENERAL_CLAIMS_KEY, (it) => blockClaims(it, true))
        : block.derived(CLAIMS_KEY, (it) => blockClaims(it, false));
      if (claims.size === 0) return;
      const own = blockSentences(block);
      const later = firstSentenceAfter(doc.prose, index);
      own.forEach((sentence, at) => {
        const claim = claims.get(sentence.start);
        if (!claim || isAllowed(settings, claim.text) || isSaidOfUs(block.text, sentence.start + claim.at, claim.text)) return;
        const here = { ...sentence, block };
        const next = at + 1 < own.length ? { ...own[at + 1], block } : later;
        if (isCited(doc, here, next) || isCited(doc, here, later)) return;
        const start = sentence.start + claim.at;
        const what = NUMBER_IN_WORDS.test(claim.text) ? 'statistic' : 'appeal to research';
        report({
          ...block.sourceRange(start, start + claim.text.length),
          message:
            `Unexpected uncited ${what} "${claim.text.replace(/\s+/g, ' ')}", expected a link, ` +
            `footnote or citation to its source in the same paragraph or the next sentence.`,
        });
      });
    });
  },
});

/** The first sentence of the blocks after the one at `index`. */
/** "You're", "your quote is", "your price went": in quoted words, the other side describing us. */
const SAID_OF_US = new RegExp(
  oneLine`
    \b(?:you['’]re|you\s+(?:are|were)|your\s+(?:[\p{L}-]+\s+){1,2}?(?:is|are|was|were|went|has|have|had))\s+(?:now\s+|still\s+|
    already\s+|just\s+)?$`,
  'iu',
);

/**
 * A customer's objection quoted for the learner to answer ("Your quote is 30% higher than the other
 * vendor's", "You're 40% more expensive"): their words about us, not a claim the lesson makes. Our
 * words to them ("You'll save 30% with our plan") are still claims.
 */
function isSaidOfUs(text: string, at: number, claim: string): boolean {
  if (!insideQuotation(text, at)) return false;
  const before = text.slice(Math.max(0, at - 60), at);
  return SAID_OF_US.test(before) || (OUR_THING.test(before.slice(-40)) && CHANGE_FIRST.test(claim));
}

const OUR_THING = /\byour\s+(?:[\p{L}-]+\s+){1,2}$/iu;
const CHANGE_FIRST = /^(?:went|gone|rose|risen|grew|jumped|climbed|increased|is|are|was|were|has|have)\b/i;

function firstSentenceAfter(blocks: readonly ProseBlock[], index: number): BlockSentence | undefined {
  for (let after = index + 1; after < blocks.length; after++) {
    const [first] = blockSentences(blocks[after]);
    if (first) return { ...first, block: blocks[after] };
  }
  return undefined;
}

const CLAIMS_KEY = Symbol('claims');
const GENERAL_CLAIMS_KEY = Symbol('generalClaims');

/** The first claim of each sentence of a block that has one, by the sentence's start in the block's text. */
function blockClaims(block: ProseBlock, general: boolean): Map<number, { text: string; at: number }> {
  const claims = new Map<number, { text: string; at: number }>();
  if (block.kind === 'cell' || !caseless(ANCHOR).test(block.text, foldedText(block))) return claims;
  const numbers = caseless(NUMBER_CUE).test(block.text, foldedText(block));
  for (const sentence of blockSentences(block)) {
    const claim = firstClaim(sentence, general, numbers);
    if (claim) claims.set(sentence.start, claim);
  }
  return claims;
}

function firstClaim(sentence: Sentence, general: boolean, numbers: boolean): { text: string; at: number } | undefined {
  let first: { text: string; at: number } | undefined;
  for (const pattern of general ? GENERAL_CLAIMS : CLAIMS) {
    if (!numbers && !APPEALS_TO_RESEARCH.has(pattern)) continue;
    const match = pattern.exec(sentence.text);
    if (!match || (first && first.at <= match.index) || ABSOLUTE.test(match[0])) continue;
    if (BASE_FORM.test(match[0]) && INSTRUCTION_BEFORE.test(sentence.text.slice(0, match.index))) continue;
    first = { text: match[0], at: match.index };
  }
  return first;
}

/** A citation anywhere in the claim's paragraph, or in the given sentence after it. */
function isCited(doc: LessonDocument, sentence: BlockSentence, next: BlockSentence | undefined): boolean {
  if (sentence.block.derived(CITED_IN_TEXT, (block) => CITATION_TEXT.test(block.text)) || (next && CITATION_TEXT.test(next.text)))
    return true;
  const from = sentence.block.start;
  const to = Math.max(sentence.block.end, next ? next.block.toSource(Math.max(next.start, next.end - 1)) + 1 : 0);
  return citations(doc).overlaps(from, to);
}

const CITED_IN_TEXT = Symbol('citedInText');

/** Links, footnote references and HTML citations: where a claim can point to its source. */
function citations(doc: LessonDocument): Citations {
  return doc.derived(CITATIONS, () => {
    const found: OffsetRange[] = [];
    for (const node of preOrder(doc.tree)) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const isCitation =
        node.type === 'link' ||
        node.type === 'linkReference' ||
        node.type === 'footnoteReference' ||
        (node.type === 'html' && HTML_CITATION.test(node.value));
      if (isCitation && start !== undefined && end !== undefined) found.push({ start, end });
    }
    return new Citations(found);
  });
}

/** Ranges in document order, asked whether any overlaps a range in logarithmic time. */
class Citations {
  /** The furthest end among the ranges up to each index. */
  private readonly furthestEnd: number[];

  constructor(private readonly ranges: readonly OffsetRange[]) {
    let furthest = -Infinity;
    this.furthestEnd = ranges.map((range) => (furthest = Math.max(furthest, range.end)));
  }

  overlaps(from: number, to: number): boolean {
    let low = 0;
    let high = this.ranges.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ranges[mid].start < to) low = mid + 1;
      else high = mid;
    }
    return low > 0 && this.furthestEnd[low - 1] > from;
  }
}
