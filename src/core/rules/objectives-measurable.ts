import { z } from 'zod';
import { objectiveItems, type ObjectiveItem } from '../analysis/lessonParts';
import { extendVocabulary, OBJECTIVES, vocabularyOptions } from '../analysis/vocabulary';
import { defineRule, type Fix } from './rule';

/** Vague verbs, each with observable (Bloom) verbs that say what the learner will actually do. */
const VAGUE_VERBS: Record<string, string[]> = {
  understand: ['explain', 'describe', 'compare'],
  know: ['list', 'identify', 'define'],
  'learn about': ['describe', 'identify', 'explain'],
  learn: ['apply', 'use', 'demonstrate'],
  appreciate: ['justify', 'evaluate', 'argue for'],
  'be aware of': ['identify', 'recognise', 'name'],
  'become familiar with': ['describe', 'use', 'locate'],
  'be familiar with': ['describe', 'use', 'locate'],
  'get familiar with': ['describe', 'use', 'locate'],
  grasp: ['explain', 'summarise', 'illustrate'],
  realize: ['recognise', 'distinguish', 'explain'],
  realise: ['recognise', 'distinguish', 'explain'],
  believe: ['justify', 'defend', 'argue'],
  comprehend: ['explain', 'interpret', 'paraphrase'],
  'gain an understanding of': ['explain', 'describe', 'compare'],
  'gain an appreciation of': ['justify', 'evaluate', 'argue for'],
  'gain an awareness of': ['identify', 'recognise', 'name'],
  'gain knowledge of': ['list', 'identify', 'define'],
  'develop empathy for': ['respond to', 'adapt', 'plan for'],
  'get to grips with': ['use', 'apply', 'carry out'],
  'get a feel for': ['describe', 'use', 'try out'],
  'feel confident about': ['carry out', 'apply', 'demonstrate'],
  'feel confident with': ['carry out', 'apply', 'demonstrate'],
  'feel confident in': ['carry out', 'apply', 'demonstrate'],
  'feel confident': ['carry out', 'apply', 'demonstrate'],
  'feel comfortable with': ['carry out', 'apply', 'demonstrate'],
  'feel comfortable': ['carry out', 'apply', 'demonstrate'],
  'be comfortable with': ['carry out', 'apply', 'demonstrate'],
  'be confident in': ['carry out', 'apply', 'demonstrate'],
  'have an understanding of': ['explain', 'describe', 'compare'],
  'have a good understanding of': ['explain', 'describe', 'compare'],
  'have a clear understanding of': ['explain', 'describe', 'compare'],
  'have a better understanding of': ['explain', 'describe', 'compare'],
  'have a basic understanding of': ['explain', 'describe', 'compare'],
  'have a sound understanding of': ['explain', 'describe', 'compare'],
  'have a solid understanding of': ['explain', 'describe', 'compare'],
  'develop an understanding of': ['explain', 'describe', 'compare'],
  'develop an awareness of': ['identify', 'recognise', 'name'],
  'gain insight into': ['explain', 'analyse', 'compare'],
  'have a grasp of': ['explain', 'summarise', 'illustrate'],
  'have a good grasp of': ['explain', 'summarise', 'illustrate'],
  'have a firm grasp of': ['explain', 'summarise', 'illustrate'],
  'have a clear grasp of': ['explain', 'summarise', 'illustrate'],
  'have a good knowledge of': ['list', 'identify', 'define'],
  'have a working knowledge of': ['use', 'apply', 'carry out'],
  'have a good idea of': ['describe', 'explain', 'identify'],
  'gain an insight into': ['explain', 'analyse', 'compare'],
};

const LEAD =
  /^(?:[-*+]\s+)?(?:(?:you|learners|students|participants|the learner|the student)\s+(?:will|should|can)\s+)?(?:be able to\s+)?(?:to\s+)?/i;

export default defineRule({
  id: 'objectives-measurable',
  category: 'practical',
  description: 'Each objective starts with an observable verb, not "understand" or "know".',
  defaultSeverity: 'warning',
  options: z
    .object({
      ...vocabularyOptions,
      vagueVerbs: z.array(z.string()).default([]).describe('Extra verbs or phrases to treat as not measurable.'),
    })
    .strict(),
  docs: {
    rationale:
      'Nobody can observe a learner "understanding". An objective that names an observable action (explain, compare, configure, ' +
      'debug) can be practised and checked.',
    howToFix:
      'Start the objective with a verb that names something the learner does and you could see: explain, list, compare, configure, ' +
      'build, debug, evaluate.',
  },
  check({ doc, options, report }) {
    const vocabulary = extendVocabulary(OBJECTIVES, options);
    const vague = [...Object.keys(VAGUE_VERBS), ...options.vagueVerbs.map((verb) => verb.toLowerCase())].sort(
      (a, b) => b.length - a.length,
    );
    const reportedLeadIns = new Set<number>();
    for (const item of objectiveItems(doc, vocabulary)) {
      const found = vagueVerbAt(doc.text, item, vague);
      if (found) {
        report({
          start: found.start,
          end: found.end,
          message: `Unexpected vague verb "${found.verb}" in an objective, expected an observable verb such as ${suggestionsFor(found.verb)
            .map((verb) => `"${verb}"`)
            .join(', ')}.`,
          suggestions: replacements(found, doc.text.slice(found.start, found.end)),
        });
        continue;
      }
      if (!item.leadIn || reportedLeadIns.has(item.leadIn.start)) continue;
      const governing = LEAD_IN_VERB.exec(item.leadIn.text.trim());
      if (!governing) continue;
      reportedLeadIns.add(item.leadIn.start);
      const at =
        item.leadIn.start +
        Math.max(0, doc.text.slice(item.leadIn.start, item.leadIn.end).search(new RegExp(`\\b${governing[1]}\\b`, 'i')));
      report({
        start: at,
        end: at + governing[1].length,
        message:
          `Unexpected list of topics after "${governing[1]}", expected objectives that each start with what the learner will do ` +
          `(explain, build, compare…).`,
      });
    }
  },
});

interface VagueVerb {
  verb: string;
  start: number;
  end: number;
}

/** "You will learn:" — one vague verb that governs every item of the list after it. */
const LEAD_IN_VERB = /\b(learn(?: about)?|understand|know(?: about)?)\s*[:：]\s*$/i;

function vagueVerbAt(text: string, item: ObjectiveItem, vague: string[]): VagueVerb | undefined {
  const lead = LEAD.exec(item.text)?.[0].length ?? 0;
  const rest = item.text.slice(lead).toLowerCase();
  const verb = vague.find((candidate) => rest.startsWith(candidate) && !/[a-z]/i.test(rest.charAt(candidate.length)));
  if (!verb) return undefined;
  const at = text.slice(item.start, item.end).toLowerCase().indexOf(verb);
  if (at === -1) return undefined;
  return { verb, start: item.start + at, end: item.start + at + verb.length };
}

function suggestionsFor(verb: string): string[] {
  return Object.hasOwn(VAGUE_VERBS, verb) ? VAGUE_VERBS[verb] : ['explain', 'apply', 'compare'];
}

function replacements(found: VagueVerb, original: string): Fix[] {
  return suggestionsFor(found.verb).map((verb) => {
    const text = original.charAt(0) === original.charAt(0).toUpperCase() ? verb.charAt(0).toUpperCase() + verb.slice(1) : verb;
    return { title: `Replace "${original}" with "${text}"`, edits: [{ start: found.start, end: found.end, text }] };
  });
}
