import { z } from 'zod';
import { findWithExtraPhrases, isNegated } from '../prose';
import { defineRule } from './rule';

const START = String.raw`(?<![\p{L}\p{N}_-])`;
const END = String.raw`(?![\p{L}\p{N}_])`;
const AMOUNT = String.raw`(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty|a\s+few|just\s+\w+|only\s+\w+)`;
const SPAN = String.raw`(?:days?|weeks?|hours?|minutes?|months?|weekends?)`;
const JOB = String.raw`(?:dream|better|high[- ]paying|well[- ]paid|great|tech|six[- ]figure)\s+(?:[\p{L}-]+\s+)?(?:job|role|position|career)s?(?!\s+(?:ids?|numbers?|scripts?|arrays?|queues?|status|files?|names?|steps?|runs?|logs?))`;

/**
 * Promises of a personal result the course cannot deliver: money, a job, a promotion, a passed exam,
 * expertise in a few days. "Pass the tests", "submit a job", "get the job ID" are left alone.
 */
const PROMISES = [
  String.raw`(?:you|learners|students|graduates)(?:['’]ll|\s+will|\s+could|\s+can)?\s+(?:earn|make)\s+(?:more|up\s+to|over|[$£€]\s?\d|\d[\d,]*\s?(?:k|dollars|pounds|euros)|a\s+(?:six|seven)[- ]figure|six\s+figures|thousands|a\s+higher\s+salary|a\s+fortune)`,
  String.raw`earn\s+(?:up\s+to\s+)?[$£€]\s?\d[\d,.]*\s?k?`,
  String.raw`(?:double|triple|boost|increase|raise|grow)\s+your\s+(?:salary|income|earnings|pay|paycheck|pay\s+cheque)`,
  String.raw`(?:six|seven)[- ]figure\s+(?:salary|income|job|career)`,
  String.raw`get\s+(?:hired|promoted|a\s+promotion|a\s+(?:pay\s+)?raise)`,
  String.raw`land\s+(?:a|an|your|the|their|that)\s+(?:[\p{L}-]+\s+){0,2}?(?:job|role|position|career|offer|internship)s?`,
  String.raw`(?:get|find|secure)\s+(?:a|your)\s+${JOB}`,
  String.raw`(?:get|find|secure)\s+(?:a|your)\s+(?:[\p{L}-]+\s+)?(?:job|role|position)\s+(?:in\s+[\p{L}-]+\s+)?(?:in|within)\s+${AMOUNT}\s+${SPAN}`,
  String.raw`(?:job|placement|employment|interview|hiring)\s+guarantee[ds]?|guaranteed\s+(?:a\s+)?(?:job|placement|employment|interview|promotion|raise|pass)`,
  String.raw`guaranteed\s+to\s+(?:pass|get\s+(?:hired|promoted|a\s+job)|land|earn|succeed)`,
  String.raw`pass\s+(?:the|your|any)\s+(?:[\p{L}-]+\s+)?(?:exam|certification)s?\s+(?:guaranteed|on\s+(?:the|your)\s+first\s+(?:try|attempt)|every\s+time)`,
  String.raw`(?:100\s?%|guaranteed)\s+pass(?:\s+rate)?`,
  String.raw`become\s+(?:an?\s+)?(?:[\p{L}-]+\s+)?(?:expert|master|pro|professional|ninja|guru|developer|programmer|data\s+scientist|engineer)(?:\s+(?:in|at|on|with)\s+(?:[\p{L}\p{N}#+.-]+\s+){0,2}?[\p{L}\p{N}#+.-]+)?\s+in\s+${AMOUNT}\s+${SPAN}`,
  String.raw`master\s+(?:[\p{L}\p{N}#+.-]+\s+){1,3}?in\s+${AMOUNT}\s+${SPAN}`,
  String.raw`(?:change|transform|launch)\s+your\s+career\s+in\s+${AMOUNT}\s+${SPAN}`,
];
/** A word that every promise contains: blocks without one are skipped cheaply. */
const ANCHOR = /earn|make|salar|income|pay|figure|hired|promot|raise|land|job|role|position|career|guarantee|exam|certification|pass|become|master/i;
const PROMISE = new RegExp(`${START}(?:${PROMISES.join('|')})${END}`, 'giu');

export default defineRule({
  id: 'claim-outcome-promise',
  category: 'claims',
  description: 'No promises of personal outcomes the course cannot guarantee: a job, a promotion, a salary, a passed exam, expertise in days.',
  defaultSeverity: 'warning',
  options: z
    .object({
      phrases: z.array(z.string()).default([]).describe('Extra promises to flag (words or phrases, matched case-insensitively).'),
    })
    .strict(),
  docs: {
    rationale:
      'Promising learners a job, a raise, a passed exam or expertise in a few days sets expectations the course cannot control, and can be misleading advertising. ' +
      'Legal and marketing review such promises before publishing.',
    howToFix:
      'Say what learners will be able to do after the lesson (a measurable objective), and leave outcomes such as jobs or exam results to evidence you can cite, ' +
      'for example "78% of the 2025 cohort passed the exam on their first attempt (see the report)".',
  },
  check({ doc, options, report, settings }) {
    for (const found of findWithExtraPhrases(doc, settings, PROMISE, ANCHOR, options.phrases)) {
      if (isNegated(found.block.text, found.match.index ?? 0, 8)) continue;
      report({
        start: found.start,
        end: found.end,
        message: `Unexpected outcome promise "${found.text.replace(/\s+/g, ' ')}", expected what learners will be able to do, not a personal result the course cannot guarantee.`,
      });
    }
  },
});
