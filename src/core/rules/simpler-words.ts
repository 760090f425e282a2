import { z } from 'zod';
import { findInProse, isAllowed, isSentenceStart, phrasePattern } from '../prose';
import { defineRule, type Fix } from './rule';

/**
 * Wordy or formal phrases and a plain replacement that fits wherever the phrase does, form for
 * form ("utilized" → "used"), so that the fix is safe to apply unseen. Phrases whose plain
 * replacement depends on the sentence are left out: "facilitate", "sufficient", "optimal", "the
 * majority of" ("most of the class" but "most cases"), "a large number of" ("there is many" is
 * wrong), "assisted" ("tool-assisted").
 */
export const SIMPLER_WORDS: Readonly<Record<string, string>> = {
  utilize: 'use',
  utilizes: 'uses',
  utilized: 'used',
  utilizing: 'using',
  utilise: 'use',
  utilises: 'uses',
  utilised: 'used',
  utilising: 'using',
  utilization: 'use',
  utilisation: 'use',
  leverage: 'use',
  leverages: 'uses',
  leveraged: 'used',
  leveraging: 'using',
  'in order to': 'to',
  'so as to': 'to',
  'prior to': 'before',
  'is able to': 'can',
  'are able to': 'can',
  'has the ability to': 'can',
  'have the ability to': 'can',
  commence: 'start',
  commences: 'starts',
  commenced: 'started',
  commencing: 'starting',
  approximately: 'about',
  'at this point in time': 'now',
  'at the present time': 'now',
  'due to the fact that': 'because',
  'owing to the fact that': 'because',
  'in light of the fact that': 'because',
  'despite the fact that': 'although',
  'in spite of the fact that': 'although',
  'in the event that': 'if',
  'for the purpose of': 'for',
  'in the near future': 'soon',
  'in close proximity to': 'near',
  'in the absence of': 'without',
  'with the exception of': 'except',
  'in excess of': 'more than',
  'in conjunction with': 'with',
  'with regard to': 'about',
  'with regards to': 'about',
  'in regard to': 'about',
  'pertaining to': 'about',
  'the manner in which': 'how',
  'until such time as': 'until',
  subsequently: 'later',
  'endeavour to': 'try to',
  'endeavor to': 'try to',
  assist: 'help',
  assists: 'helps',
  assisting: 'helping',
  assistance: 'help',
  ascertain: 'find out',
  'first and foremost': 'first',
  'each and every': 'every',
  'on a daily basis': 'daily',
  'on a regular basis': 'regularly',
};

const BUILT_IN = phrasePattern(Object.keys(SIMPLER_WORDS));

export default defineRule({
  id: 'simpler-words',
  category: 'clarity',
  description: 'Plain words instead of wordy or formal ones: "use" for "utilize", "to" for "in order to".',
  defaultSeverity: 'hint',
  options: z
    .object({
      extra: z
        .record(z.string(), z.string())
        .default({})
        .describe('More phrases and their plain replacement, e.g. { "in the process of": "while" }.'),
      ignore: z.array(z.string()).default([]).describe('Phrases of the built-in list not to flag, e.g. ["leverage"].'),
    })
    .strict(),
  docs: {
    rationale:
      'Every word a learner reads costs attention. Formal or padded phrases ("utilize", "in order to", "prior to", ' +
      '"is able to") say nothing more than ' +
      'their plain forms, and are harder for learners who read English as a second language. ' +
      'Each replacement fits wherever the phrase does, so ' +
      '"Fix all" can apply them. A capitalised phrase in the middle of a sentence is taken for a name ("Assisted Model Building") ' +
      'and left alone.',
    howToFix: 'Apply the quick fix, or reword. To keep a phrase, add it to `ignore`, or to `allow.phrases` for every rule.',
  },
  check({ doc, options, settings, report }) {
    const ignored = new Set(options.ignore.map((phrase) => normalise(phrase)));
    const table = new Map<string, string>();
    for (const [phrase, replacement] of [...Object.entries(SIMPLER_WORDS), ...Object.entries(options.extra)]) {
      if (!ignored.has(normalise(phrase))) table.set(normalise(phrase), replacement);
    }
    const custom = ignored.size > 0 || Object.keys(options.extra).length > 0;
    const pattern = custom ? phrasePattern([...table.keys()]) : BUILT_IN;
    for (const found of findInProse(doc, pattern, settings)) {
      const replacement = table.get(normalise(found.text));
      if (replacement === undefined) continue;
      const at = found.match.index ?? 0;
      const capital = /^\p{Lu}/u.test(found.text);
      // A capital letter in the middle of a sentence makes the phrase part of a name: "Assisted Model Building".
      if (capital && !isSentenceStart(found.block.text, at)) continue;
      if (isAllowed(settings, replacement)) continue;
      const text = capital ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
      report({
        start: found.start,
        end: found.end,
        message: `Unexpected "${found.text.replace(/\s+/g, ' ')}", expected the plainer "${text}".`,
        ...(sameAsSource(doc.text, found.start, found.end, found.text) && { fix: replace(found.text, text, found.start, found.end) }),
      });
    }
  },
});

function normalise(phrase: string): string {
  return phrase.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The fix edits the source, so the phrase must be there as written (not split by a quote marker or an escape). */
function sameAsSource(source: string, start: number, end: number, text: string): boolean {
  return source.slice(start, end) === text;
}

function replace(original: string, text: string, start: number, end: number): Fix {
  return { title: `Replace "${original.replace(/\s+/g, ' ')}" with "${text}"`, edits: [{ start, end, text }] };
}
