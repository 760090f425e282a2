import { oneLine } from '../../text/pattern';

/** A trade or a post that "man" is tacked onto: "the gas man", "the maintenance man", "the night man". */
const TRADES = oneLine`
  maintenance|security|sales|post|milk|window|gas|cable|phone|oil|service|stock|yard|warehouse|site|night|shift|tool|workshop|store|
  tea|odd[- ]job|cellar`;
/** Jobs named with "-man" or "men" that the equality list leaves out, and what to say instead. */
const JOBS_AS_MEN: Record<string, string[]> = {
  'barm[ae]n': ['bartender', 'bar staff'],
  'banksm[ae]n': ['signaller', 'banksperson'],
  'bellboys?': ['porter', 'luggage porter'],
  'dinner\\s+lad(?:y|ies)': ['lunchtime supervisor', 'midday assistant'],
  'man\\s+overboard': ['person overboard', 'casualty in the water'],
  'herdsm[ae]n': ['herd manager', 'stockperson'],
  'doorm[ae]n': ['door supervisor', 'door staff'],
  'handym[ae]n': ['maintenance worker', 'handyperson'],
  'repairm[ae]n': ['repairer', 'technician'],
  'groundsm[ae]n': ['groundskeeper', 'grounds staff'],
  'signalm[ae]n': ['signaller', 'signal staff'],
  'van\\s+m[ae]n': ['van crew', 'van driver'],
  'delivery\\s+m[ae]n': ['delivery driver', 'delivery crew'],
  'bin\\s+m[ae]n': ['refuse collector', 'waste crew'],
  'lifeboatm[ae]n': ['lifeboat crew', 'lifeboat volunteers'],
  'crewm[ae]n': ['crew member', 'crew'],
  'boatm[ae]n': ['boat crew', 'boat operator'],
  'ferrym[ae]n': ['ferry crew', 'ferry operator'],
  'sidesm[ae]n': ['welcomer', 'steward'],
  'yachtsm[ae]n': ['sailor', 'skipper'],
  'helmsm[ae]n': ['helm', 'skipper', 'person at the helm'],
  'tradesm[ae]n': ['tradesperson', 'trades'],
  'linesm[ae]n': ['assistant referee', 'line judge'],
  'deliverym[ae]n': ['delivery driver', 'courier'],
  'patrolm[ae]n': ['patrol officer', 'patroller'],
  'flagm[ae]n': ['flagger', 'traffic marshal'],
  'pressm[ae]n': ['press operator', 'press minder'],
  'lollipop\\s+(?:m[ae]n|lad(?:y|ies))': ['school crossing patrol', 'crossing patroller'],
  // "the yard man", "the yardman", "the duty cellarman".
  // Not "Postman", an API tool's name (the word list already has the postman).
  [`(?!postm)(?:${TRADES})\\s*m[ae]n`]: ['technician', 'engineer', 'staff member'],
};

/** Conditions that lessons say people "suffer from". */
const CONDITIONS = ['dementia', 'asthma', 'diabetes', 'epilepsy', 'arthritis', 'autism', 'depression', 'a stroke', 'a disability'];

/**
 * Gendered ways of addressing or naming colleagues that the word lists leave alone, because "guys",
 * "ladies" and "man" are ordinary words elsewhere: "OK guys", "the ladies on the travel desk", "the
 * right man for the job", a letter to "Dear Sir".
 */
export const WORKPLACE_TERMS: ReadonlyArray<{ pattern: RegExp; alternatives: readonly string[] }> = [
  // "Make sure every man on the shift knows": a crew counted in men.
  { pattern: /(?<![\p{L}-])every\s+man(?=\s+(?:on|in|at|who|and)\s)/giu, alternatives: ['everyone', 'every worker'] },
  { pattern: /(?<![\p{L}-])(?<!(?:bad|good|wise|tough|nice|fall|big)\s)guys(?![\p{L}-])/giu, alternatives: ['everyone', 'folks', 'team'] },
  {
    pattern: /(?<![\p{L}-])the\s+(?:ladies|girls|boys|lads)(?=\s+(?:on|in|at|from|of)\s+(?:the\s+)?[\p{L}-]+)/giu,
    alternatives: ['the team', 'the staff', 'the colleagues'],
  },
  // "ask one of the lads to check your mix", "ask a couple of the dads to carry the goals": people named as men or as mothers.
  {
    pattern: new RegExp(
      oneLine`
        (?<![\p{L}-])the(?<=\b(?:one|any|some|ask|tell|call|get|with|to|couple|few)\s+(?:of\s+)?the)\s+(?:lads|dads|mums|moms)
        (?![\p{L}-])`,
      'giu',
    ),
    alternatives: ['the team', 'a colleague', 'the parents'],
  },
  {
    pattern: /(?<![\p{L}-])(?:right|best|ideal|best-qualified)\s+man\s+for\s+the\s+(?:job|role|post|position)(?![\p{L}-])/giu,
    alternatives: ['right person for the job'],
  },
  { pattern: /(?<![\p{L}-])Dear\s+Sirs?(?!\s+or\s+Madam)(?![\p{L}-])/gu, alternatives: ['Dear customer', 'Hello'] },
  // "Someone has to man the gate": staffing a post said as a man's job.
  {
    pattern: /(?<![\p{L}-])man(?<=(?:\bto|\b(?:will|must|should|can|who))\s+man)(?=\s+(?:the|a|this|that|each|every|our|your)\s)/giu,
    alternatives: ['staff', 'cover', 'run'],
  },
  // "Whoever is manning the yard office", "too busy manning the queue", "help with manning the desk".
  {
    pattern: new RegExp(
      oneLine`
        (?<![\p{L}-])manning(?<=\b(?:is|are|was|were|be|been|busy|while|for|from|of|by|with|after|before|keep|kept|spend|spent|
        start|started|stop|stopped|help|helps|helped)\s+manning)(?=\s+(?:the|a|this|that|each|every|our|your)\s)`,
      'giu',
    ),
    alternatives: ['staffing', 'covering', 'running'],
  },
  // "If a mum rings to say…": any parent or carer, named as a mother.
  {
    pattern: /(?:a|any)(?<=\b(?:if|when|whenever|where)\s+(?:a|any))\s+(?:mum|mom|dad|mother|father)(?![\p{L}-])/giu,
    alternatives: ['a parent', 'a parent or carer'],
  },
  // "Tell mum at collection", "mums and dads": any parent or carer, named as a mother or a father.
  {
    pattern: new RegExp(
      oneLine`
        (?:mum|mom|dad)(?<=\b(?:tell|ask|call|phone|ring|text|let|remind|show|give|with|to)\s+(?:mum|mom|dad))(?![\p{L}'’-])|
        (?<![\p{L}-])(?:mums|moms)\s+(?:and|or|&)\s+dads(?![\p{L}-])`,
      'giu',
    ),
    alternatives: ['the parent or carer', 'parents and carers'],
  },
  // "Bring the disabled down first": people named by a disability as a group.
  {
    pattern: new RegExp(
      oneLine`
        (?<![\p{L}-])the\s+disabled(?=\s*[.,;:!?)]|\s+(?:down|up|first|last|and|or|who|are|were|can|should|must|will|off|out|into|
        onto|from|with|to|in|on|at)\b)`,
      'giu',
    ),
    alternatives: ['disabled people', 'disabled passengers'],
  },
  // "It's the blind leading the blind", "fell on deaf ears", "a tone-deaf reply": a disability as a figure of speech for failing.
  {
    pattern: /(?<![\p{L}-])the\s+blind\s+leading\s+the\s+blind(?![\p{L}-])/giu,
    alternatives: ['two beginners guiding each other', 'nobody who knows the way'],
  },
  { pattern: /(?<![\p{L}-])f[ae]ll(?:s|ing)?\s+on\s+deaf\s+ears(?![\p{L}-])/giu, alternatives: ['went unheard', 'was ignored'] },
  { pattern: /(?<![\p{L}-])tone[- ]deaf(?![\p{L}-])/giu, alternatives: ['insensitive', 'out of touch'] },
  // "A three-man job", "a two-man lift": a team counted in men.
  {
    pattern: new RegExp(
      oneLine`
        (?<=(?<![\p{L}-])(?:one|two|three|four|five|six|2|3|4|5|6)[- ])man(?=[- ](?:lift|job|team|crew|carry|operation|task|
        rule)s?\b)`,
      'giu',
    ),
    alternatives: ['person'],
  },
  // "The head barman", "ask the van men", "the lady of the house": a job or a household named for one sex.
  ...Object.entries(JOBS_AS_MEN).map(([job, alternatives]) => ({
    pattern: new RegExp(String.raw`(?<![\p{L}-])${job}(?![\p{L}-])`, 'giu'),
    alternatives,
  })),
  { pattern: /(?<![\p{L}-])(?:lady|man)\s+of\s+the\s+house(?![\p{L}-])/giu, alternatives: ['the householder', 'the customer'] },
  // "A dementia sufferer", "residents suffering from dementia": a person defined by a condition, as suffering.
  ...CONDITIONS.flatMap((condition) => [
    {
      pattern: new RegExp(String.raw`(?<![\p{L}-])${condition.replace(/^an?\s/, '')}\s+sufferers?(?![\p{L}-])`, 'giu'),
      alternatives: [`person with ${condition}`, `people with ${condition}`],
    },
    {
      pattern: new RegExp(String.raw`(?<![\p{L}-])suffer(?:s|ing)?\s+from\s+${condition}(?![\p{L}-])`, 'giu'),
      alternatives: [`living with ${condition}`, `with ${condition}`],
    },
  ]),
  // "Some callers go a bit mental": distress named as mental illness.
  {
    pattern:
      /(?<![\p{L}-])(?:go|goes|going|went|gone)\s+(?:a\s+bit\s+|completely\s+|totally\s+)?(?:mental|psycho|nuts|bonkers)(?![\p{L}-])/giu,
    alternatives: ['get very upset', 'get angry'],
  },
  // "Asthmatics keep their own inhalers", "alcoholics or schizophrenics": people named by a condition.
  { pattern: /(?<![\p{L}-])schizophrenics(?![\p{L}-])/giu, alternatives: ['people with schizophrenia'] },
  { pattern: /(?<![\p{L}-])alcoholics(?![\p{L}-])/giu, alternatives: ['people with alcohol dependence'] },
  { pattern: /(?<![\p{L}-])asthmatics(?![\p{L}-])/giu, alternatives: ['people with asthma', 'pupils with asthma'] },
  // "Any lad who's new starts on painting", "the most ham-fisted lad in the workshop", "groups of teenage lads": a crew or a group
  // told as young men.
  {
    pattern: /(?<![\p{L}-])(?:any|every|each|a|the\s+(?:most\s+)?[\p{L}-]+(?:est)?|teenage|young)\s+lads?(?![\p{L}-])/giu,
    alternatives: ['new starter', 'young person', 'anyone'],
  },
  // "Tell any lady with long hair to tie it back": anyone it applies to, told as one sex.
  { pattern: /(?<![\p{L}-])(?:any|every|each)\s+(?:lady|woman|man|girl|boy)(?=\s+(?:with|who)\s)/giu, alternatives: ['anyone'] },
  { pattern: /(?<![\p{L}-])diabetics(?![\p{L}-])/giu, alternatives: ['people with diabetes'] },
  { pattern: /(?<![\p{L}-])epileptics(?![\p{L}-])/giu, alternatives: ['people with epilepsy'] },
];

export const WORKPLACE_CUE = new RegExp(
  oneLine`
    guys|ladies|girls|boys|lads?\b|lady|woman|\bman\s|manning|-man[- ]|(?:bar|banks|herds|door|handy|repair|grounds|signal|lifeboat|
    crew|boat|ferry|sides|yachts|helms|trades|lines|delivery|patrol|flag|press|${TRADES})m[ae]n|blind\s+leading|deaf|
    \b(?:van|delivery|bin)\s+m[ae]n\b|
    lady\s+of|sufferer|suffering|suffers|Dear\s+Sir|manhole|disabled|
    \b(?:mum|mom|dad|mums|moms|dads|mother|father|mental|psycho|nuts|
    bonkers|asthmatics|diabetics|epileptics|schizophrenics|alcoholics|bellboy|dinner|lollipop)\b`,
  'i',
);
