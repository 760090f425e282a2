import { z } from 'zod';
import { findInProse, phrasePattern } from '../prose';
import { defineRule } from './rule';
import { phraseGroups, prefilterGroup } from './prefilter';

/** Not inside a URL, a domain, an e-mail address or a file name: "github.com", "javascript.info", "docs/powerpoint.md". */
const START = String.raw`(?<![\p{L}\p{N}_./@\\-])`;
const END = String.raw`(?![\p{L}\p{N}_]|[./@][\p{L}\p{N}])`;

const termSchema = z
  .object({
    term: z.string().min(1).describe('The required spelling, e.g. "JavaScript".'),
    variants: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Wrong spellings to catch, matched as written. Default: any other capitalisation, ' +
          'and the parts split or joined ("Java Script", "Github", "Power-Point").',
      ),
  })
  .strict();

type Term = z.output<typeof termSchema>;

export default defineRule({
  id: 'trademark-terms',
  category: 'claims',
  description:
    'Product names and trademarks are spelled as their owners require, and competitors are mentioned only after marketing review.',
  defaultSeverity: 'off',
  options: z
    .object({
      terms: z.array(termSchema).default([]).describe('Trademarks and product names with their required spelling.'),
      competitors: z.array(z.string().min(1)).default([]).describe('Names that need a marketing review when a lesson mentions them.'),
    })
    .strict(),
  docs: {
    rationale:
      'A misspelled trademark ("Javascript", "Power Point", "Github") looks careless and can weaken the owner\'s mark, ' +
      'which brand guidelines and partners ask us to respect. ' +
      'A mention of a competitor can imply a comparison or an endorsement, which marketing reviews before publishing. ' +
      'The rule is off until your `.coursereview.json` lists the terms and competitors that matter to you; code, URLs, ' +
      'domains and file names are not checked.',
    howToFix:
      'Apply the fix to write the required spelling. For a competitor, ask marketing to review the mention, ' +
      'or rephrase without the name. ' +
      'For a short or common word (such as "Go"), list the wrong spellings as `variants` so that ordinary words are not matched.',
  },
  prefilter: (options) => [prefilterGroup(options.terms.map(termPattern)), ...phraseGroups(options.competitors)],
  check({ doc, options, report, settings }) {
    for (const term of options.terms) {
      for (const found of findInProse(doc, termPattern(term), settings)) {
        if (found.text === term.term || isLinkLabel(found.block.text, found.match.index ?? 0, found.text.length)) continue;
        const exact = doc.text.slice(found.start, found.end) === found.text;
        report({
          start: found.start,
          end: found.end,
          message: `Unexpected "${found.text.replace(/\s+/g, ' ')}", expected "${term.term}".`,
          ...(exact && { fix: { title: `Write "${term.term}"`, edits: [{ start: found.start, end: found.end, text: term.term }] } }),
        });
      }
    }
    if (options.competitors.length === 0) return;
    for (const found of findInProse(doc, phrasePattern(options.competitors), settings)) {
      report({
        start: found.start,
        end: found.end,
        message:
          `Unexpected mention of competitor "${found.text.replace(/\s+/g, ' ')}", expected a marketing review before publishing, ` +
          `or no mention.`,
      });
    }
  },
});

/** The term in any capitalisation, its parts split or joined ("Power Point", "Node JS"); or only the listed variants. */
function termPattern(term: Term): RegExp {
  if (term.variants) {
    const variants = term.variants.map(escape).sort((a, b) => b.length - a.length);
    return new RegExp(`${START}(?:${variants.join('|')})${END}`, 'gu');
  }
  const parts = term.term
    .split(/(?<=\p{Ll})(?=\p{Lu})|[\s.-]+/u)
    .filter(Boolean)
    .map(escape);
  return new RegExp(`${START}${parts.join('[\\s.-]?')}${END}`, 'giu');
}

/** "[guide][github-markdown]": the label of a reference link whose definition lives in another file. */
function isLinkLabel(text: string, at: number, length: number): boolean {
  return /\[[\w-]*$/.test(text.slice(Math.max(0, at - 40), at)) && /^[\w-]*\]/.test(text.slice(at + length, at + length + 40));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}
