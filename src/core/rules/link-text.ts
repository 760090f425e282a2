import { z } from 'zod';
import { elements, type LinkInfo } from '../analysis/elements';
import { isAllowed } from '../prose';
import { defineRule } from './rule';

const URL_TEXT = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/i;

export default defineRule({
  id: 'link-text',
  category: 'accessibility',
  description: 'Link text says where the link goes: not "click here", "here" or "read more", nor a long bare URL.',
  defaultSeverity: 'info',
  options: z
    .object({
      vague: z
        .array(z.string())
        .default([
          'click here',
          'click',
          'here',
          'link',
          'this link',
          'the link',
          'link here',
          'more',
          'read more',
          'learn more',
          'more here',
          'this',
          'this page',
          'this article',
          'go',
          'go here',
          'more details',
          'details',
          'more info',
          'more information',
          'info',
          'find out more',
          'see more',
          'pdf',
          'the pdf',
          'this pdf',
          'document',
          'this document',
          'website',
          'here s the link',
          'download',
          'download here',
          'download it',
          'download this',
        ])
        .describe('Link texts that say nothing about where the link goes (compared without case and punctuation).'),
      bareUrls: z
        .enum(['off', 'link-syntax', 'all'])
        .default('link-syntax')
        .describe(
          'Which links whose text is a URL are flagged: "link-syntax" only `[https://…](https://…)`, ' +
            'where a better text was one word away; "all" also `<https://…>` and URLs typed into the text; "off" none.',
        ),
      maxUrlLength: z
        .number()
        .int()
        .min(0)
        .default(35)
        .describe(
          'A URL as link text is accepted up to this many characters (without "https://" and "www."): ' +
            '"python.org/downloads" reads well aloud, a long path with a query string does not.',
        ),
    })
    .strict(),
  docs: {
    rationale:
      'Screen reader users often jump from link to link or list all links on a page; "here", ' +
      '"click here" or "read more" then say nothing, and a long URL is read ' +
      'out character by character. Sighted learners skim links too. Short, recognisable addresses such as `python.org` are fine, ' +
      'and so are the URLs in a reference list ' +
      'written as `<https://…>` (set `bareUrls` to "all" to check those too).',
    howToFix:
      'Make the words that name the destination the link: "see [the pandas documentation on merging](…)" instead of "see [here](…)". ' +
      'For a URL, link a title and keep the address only where learners need to type it.',
  },
  check({ doc, options, settings, report }) {
    const vague = new Set(options.vague.map(normalise));
    for (const link of elements(doc).links) {
      if (link.imageOnly) continue;
      const text = normalise(link.text);
      if ((vague.has(text) || onlyPointing(text)) && !isAllowed(settings, link.text)) {
        report({ ...link.textRange, message: `Unexpected vague link text "${link.text}", expected words that say where the link goes.` });
        continue;
      }
      if (isLongUrl(link, options.bareUrls, options.maxUrlLength) && !isAllowed(settings, link.text)) {
        report({
          ...link.textRange,
          message:
            `Unexpected URL as link text, expected a title that says where the link goes (a screen reader reads the URL out ` +
            `character by character).`,
        });
      }
    }
  },
});

/** Words that point at a link without naming what is behind it. */
const POINTING = new Set(['here', 'this', 'link', 'linked', 'click', 'tap']);
const FILLER = new Set([
  ...POINTING,
  'available',
  'read',
  'see',
  'view',
  'open',
  'go',
  'visit',
  'check',
  'find',
  'out',
  'more',
  'it',
  'the',
  'a',
  'is',
  'are',
  'page',
  'info',
  'details',
  'document',
  'full',
  'now',
  'please',
  'follow',
  'on',
  'at',
  'to',
  'from',
  'in',
  'download',
  'access',
]);

/** "available here", "read this", "linked here", "from this link": only words that point, none that name the destination. */
function onlyPointing(text: string): boolean {
  const words = text.split(' ');
  return words.length <= 4 && words.some((word) => POINTING.has(word)) && words.every((word) => FILLER.has(word));
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isLongUrl(link: LinkInfo, scope: 'off' | 'link-syntax' | 'all', maxLength: number): boolean {
  if (scope === 'off' || !URL_TEXT.test(link.text)) return false;
  if (scope === 'link-syntax' && (link.syntax === 'autolink' || link.syntax === 'literal')) return false;
  const readable = link.text
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '');
  return readable.length > maxLength;
}
