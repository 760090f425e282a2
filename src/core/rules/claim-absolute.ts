import { z } from 'zod';
import { findWithExtraPhrases, isNegated } from '../prose';
import { defineRule } from './rule';

const WORD_START = String.raw`(?<![\p{L}\p{N}_-])`;
const WORD_END = String.raw`(?![\p{L}\p{N}_])`;
/** Up to three words between a superlative and its scope: "the best *Python course* in the world". */
const FEW_WORDS = String.raw`(?:[\p{L}\p{N}’'-]+\s+){0,3}?`;

/**
 * Claims that promise more than anyone can substantiate. Each pattern needs a promotional frame, so
 * that the technical senses are left alone: "best practice", "Rust guarantees memory safety",
 * "unmatched brackets", "100% of the tests pass", "the only way to exit Vim".
 */
const CLAIMS = [
  String.raw`best[- ]in[- ]class|world[- ]class|(?:industry|market)[- ]leading|(?:industry|market) leaders?|award[- ]winning|top[- ]rated|highest[- ]rated`,
  String.raw`unbeatable|unrivall?ed|unparall?eled|second to none|unmatched\s+(?:quality|value|performance|results|expertise|experience|support|service|accuracy|speed|reliability)`,
  String.raw`risk[- ]free(?!\s+(?:rate|assets?|returns?|interest|bonds?|investments?))|zero[- ]risk(?![- ]bias)`,
  String.raw`(?:our|my)\s+(?:[\p{L}-]+\s+)?(?:method|technique|system|approach|formula|strategy|trick|secret|course|programme|program)\s+(?:that\s+|which\s+)?(?:never\s+fails(?!\s+to${WORD_END})|always\s+works|works\s+every\s+time)`,
  String.raw`guaranteed\s+(?:results|success|satisfaction|outcomes?)|(?:results|success|satisfaction)\s+guaranteed|money[- ]back\s+guarantee|(?:guaranteed\s+)?or\s+your\s+money\s+back`,
  String.raw`(?:we|I)\s+guarantee\s+(?:you|your|results|success|satisfaction|that\s+you)`,
  String.raw`guaranteed\s+to\s+(?:calm|satisfy|succeed|work\s+for|improve|increase|boost|double|triple|transform|change\s+your|make\s+you|help\s+you|get\s+you|land\s+you|win|impress|delight|please)`,
  String.raw`(?:clinically|scientifically)\s+proven|proven\s+(?:results|track\s+record|formula|system|method)|proven\s+to\s+(?:work|increase|boost|improve|double|triple|raise|reduce|cut|deliver|accelerate|transform)`,
  String.raw`100\s?%\s+(?:guaranteed|effective|safe|secure|risk[- ]free|reliable|fool[- ]?proof|satisfaction|success(?:\s+rate)?|pass\s+rate|proven)|100\s+percent\s+(?:guaranteed|effective|safe|secure|risk[- ]free|reliable|proven)`,
  String.raw`(?:rated|ranked|voted)\s+(?:number[- ]one|no\.\s?1|#\s?1)${WORD_END}|(?:number[- ]one|no\.\s?1|#\s?1)[- ](?:rated|ranked|selling)|(?:the|our)\s+(?:number[- ]one|no\.\s?1|#\s?1)\s+(?:course|choice|platform|provider|tool|solution|product|brand|training|school|bootcamp|app|company|vendor|service)s?`,
  String.raw`world['’]s\s+(?:best|leading|fastest|easiest|favou?rite|number[- ]one|#\s?1|most\s+[\p{L}-]+)`,
  String.raw`(?:best|fastest|easiest|cheapest|leading|most\s+(?:popular|powerful|advanced|comprehensive|effective|trusted|complete|innovative))\s+${FEW_WORDS}(?:in\s+the\s+(?:world|industry|market|business|universe)(?!\s+of${WORD_END})|on\s+the\s+(?:market|planet)|money\s+can\s+buy)`,
  String.raw`the\s+best\s+(?:[\p{L}-]+\s+)?(?:course(?!\s+of\s+action)|training|bootcamp|platform|certification|school|provider)s?`,
  String.raw`the\s+only\s+(?:[\p{L}-]+\s+){1,2}?you(?:['’]ll|\s+will)?\s+(?:ever\s+)?need`,
];
/** A word that every claim contains: blocks without one are skipped cheaply. */
const ANCHOR = /best|class|lead|award|rated|unbeat|unrival|unparal|second to none|unmatched|risk|never fails|always works|every time|guarant|proven|100|number[- ]one|no\.\s?1|#\s?1|world|industry|market|business|universe|planet|money|need/i;
const CLAIM = new RegExp(`${WORD_START}(?:${CLAIMS.join('|')})${WORD_END}`, 'giu');

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
      'An absolute claim ("the best course in the world", "guaranteed results", "100% effective") must be substantiated or it can mislead learners and expose the organisation; ' +
      'legal and marketing review such claims before publishing. Technical senses are not flagged: "best practice", "Rust guarantees memory safety", "100% of the tests pass", ' +
      'nor a negated claim ("no method is foolproof").',
    howToFix:
      'State what is true and checkable instead ("rated 4.7 by 1,200 learners in 2025, see the survey"), qualify it ("one of the most used tools"), or remove it. ' +
      'If the claim is substantiated, cite the evidence and ask for a legal review.',
  },
  check({ doc, options, report, settings }) {
    for (const found of findWithExtraPhrases(doc, settings, CLAIM, ANCHOR, options.phrases)) {
      const at = found.match.index ?? 0;
      if (isNegated(found.block.text, at) || isQuestion(found.block.text, at)) continue;
      report({
        start: found.start,
        end: found.end,
        message: `Unexpected absolute claim "${found.text.replace(/\s+/g, ' ')}", expected a claim you can substantiate and cite, or a qualified one.`,
      });
    }
  },
});

/** "Which is the best course on the market?" asks; it does not claim. */
function isQuestion(text: string, at: number): boolean {
  return /^[^.!?]*\?/.test(text.slice(at));
}
