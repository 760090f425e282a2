import { z } from 'zod';
import { findInProse, isAllowed } from '../prose';
import { defineRule } from './rule';

/** Past participles that do not end in -ed. */
const IRREGULAR = [
  'arisen',
  'beaten',
  'begun',
  'bent',
  'bitten',
  'blown',
  'bought',
  'bound',
  'broken',
  'brought',
  'built',
  'burnt',
  'caught',
  'chosen',
  'cut',
  'dealt',
  'done',
  'drawn',
  'driven',
  'dug',
  'eaten',
  'fed',
  'felt',
  'fought',
  'found',
  'forbidden',
  'forgiven',
  'forgotten',
  'frozen',
  'given',
  'gotten',
  'grown',
  'heard',
  'held',
  'hidden',
  'hit',
  'hung',
  'hurt',
  'kept',
  'known',
  'laid',
  'led',
  'left',
  'lent',
  'lost',
  'made',
  'meant',
  'met',
  'mistaken',
  'overridden',
  'overwritten',
  'paid',
  'proven',
  'put',
  'read',
  'rebuilt',
  'redone',
  'rewritten',
  'ridden',
  'rung',
  'run',
  'said',
  'seen',
  'sent',
  'set',
  'shaken',
  'shed',
  'shot',
  'shown',
  'shut',
  'sold',
  'sought',
  'spent',
  'split',
  'spoken',
  'spread',
  'stolen',
  'struck',
  'stuck',
  'sung',
  'swept',
  'taken',
  'taught',
  'thought',
  'thrown',
  'told',
  'torn',
  'understood',
  'undone',
  'upheld',
  'withdrawn',
  'woken',
  'won',
  'worn',
  'woven',
  'wound',
  'written',
];

/** Words in -ed that, after "is" or "are", describe a state or a feeling, or are not verbs at all. */
const NOT_PASSIVE = new Set([
  'interested',
  'tired',
  'bored',
  'excited',
  'pleased',
  'scared',
  'worried',
  'surprised',
  'satisfied',
  'concerned',
  'confused',
  'amazed',
  'annoyed',
  'frustrated',
  'overwhelmed',
  'embarrassed',
  'disappointed',
  'delighted',
  'thrilled',
  'relieved',
  'prepared',
  'supposed',
  'used',
  'based',
  'located',
  'involved',
  'married',
  'qualified',
  'experienced',
  'advanced',
  'detailed',
  'complicated',
  'sophisticated',
  'limited',
  'talented',
  'skilled',
  'dedicated',
  'determined',
  'committed',
  'motivated',
  'designed',
  'red',
  'hundred',
  'naked',
  'wicked',
  'sacred',
  'learned',
  'aged',
  'beloved',
  'related',
  'finished',
  'done',
  'gone',
  'allowed',
  'supported',
  'needed',
  'required',
  'expected',
  'called',
  'named',
]);

const BE = '(?:am|is|are|was|were|be|been|being)';
const GET = '(?:get|gets|got|gotten|getting)';
const ADVERB = '(?:(?:[\\p{L}]+ly|not|also|often|always|never|then|now|already|still|just|all|both|only|even|again|usually|first)\\s+)';
const PARTICIPLE = `(?:[\\p{L}]{2,}[a-df-zA-DF-Z]ed|[\\p{L}]+ied|${IRREGULAR.join('|')})`;

function passivePattern(withGet: boolean): RegExp {
  return new RegExp(`(?<![\\p{L}'’-])(?:${withGet ? `${BE}|${GET}` : BE})\\s+${ADVERB}{0,2}${PARTICIPLE}(?![\\p{L}'’-])`, 'giu');
}

const PASSIVE = passivePattern(false);
const PASSIVE_WITH_GET = passivePattern(true);
const LAST_WORD = /[\p{L}]+$/u;

export default defineRule({
  id: 'passive-voice',
  category: 'clarity',
  description: 'Sentences say who does what: "Git stores the file", not "the file is stored".',
  defaultSeverity: 'off',
  options: z
    .object({
      get: z.boolean().default(false).describe('Also flag "get" passives: "the file gets deleted".'),
      ignore: z.array(z.string()).default([]).describe('Participles not to flag after "is"/"are", e.g. ["installed"].'),
    })
    .strict(),
  docs: {
    rationale:
      'In an instruction, the passive hides who acts: "the file is uploaded" leaves the learner wondering whether they must upload it. ' +
      'Active sentences are shorter and say who does what. The passive is often right in explanations ("the value is stored in memory"), ' +
      'so the rule is a hint and off by default; turn it on for procedures and job aids. State words ("is interested", "is located", ' +
      '"is based on", "is used to", "is called") are not flagged.',
    howToFix:
      'Name who acts and make them the subject: "You upload the file", "Git stores the file". ' +
      'Keep the passive where who acts does not matter.',
  },
  check({ doc, options, settings, report }) {
    const ignored = new Set(options.ignore.map((word) => word.toLowerCase()));
    for (const found of findInProse(doc, options.get ? PASSIVE_WITH_GET : PASSIVE, settings)) {
      const participle = (LAST_WORD.exec(found.text)?.[0] ?? '').toLowerCase();
      if (NOT_PASSIVE.has(participle) || ignored.has(participle) || isAllowed(settings, participle)) continue;
      report({
        start: found.start,
        end: found.end,
        message: `Unexpected passive "${found.text.replace(/\s+/g, ' ')}", expected an active sentence that says who does it.`,
      });
    }
  },
});
