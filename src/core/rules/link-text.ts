import { z } from 'zod';
import { hasCode } from '../analysis/audience';
import { elements, type LinkInfo } from '../analysis/elements';
import type { LessonDocument } from '../document/model';
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
          'on this page',
          'this folder',
          'in this folder',
          'in this document',
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
            'where a better text was one word away, and in a lesson without code URLs typed into the text (there any URL with a ' +
            'path, such as "intranet.example.com/holidays", whatever its length; not in a quoted email or a reference list); ' +
            '"all" also `<https://…>` and URLs typed into any lesson; "off" none.',
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
    const links = elements(doc).links;
    // In a lesson without code, an address typed into a sentence is the link a learner is given, not one to type into a terminal.
    const typedUrls = options.bareUrls === 'all' || (options.bareUrls === 'link-syntax' && !hasCode(doc));
    if (typedUrls) {
      for (const url of urlsTypedIntoText(doc, links)) {
        if (!tooLongToRead(url.text, options.maxUrlLength) || isAllowed(settings, url.text)) continue;
        report({
          ...url,
          message:
            `Unexpected URL typed into the text, expected a link with a title that says where it goes (a screen reader reads the URL ` +
            `out character by character).`,
        });
      }
    }
    for (const link of links) {
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
  if (scope === 'link-syntax' && link.syntax === 'autolink') return false;
  return readableLength(link.text) > maxLength;
}

/**
 * A typed URL that a screen reader would spell out: longer than `maxLength`, or one with a path ("the map is at
 * intranet.example.co.uk/speed-map"); a bare site ("rota.example.com") reads well.
 */
function tooLongToRead(url: string, maxLength: number): boolean {
  return readableLength(url) > maxLength || /\/[^/]/.test(url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''));
}

/** How long a URL is read aloud: without "https://", "www." and a closing slash. */
function readableLength(url: string): number {
  return url
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '').length;
}

/** An address in a paragraph's own words, outside link syntax and code spans: "The guide is at https://…/guide.pdf". */
function urlsTypedIntoText(doc: LessonDocument, links: readonly LinkInfo[]): Array<{ start: number; end: number; text: string }> {
  const found: Array<{ start: number; end: number; text: string }> = [];
  for (const block of doc.prose) {
    if (block.kind !== 'paragraph') continue;
    const source = doc.text.slice(block.start, block.end);
    // A reference list entry ("Duan, Y. (2003) … https://doi.org/…") cites its source as it is.
    if (!/:\/\/|www\./i.test(source) || REFERENCE_ENTRY.test(source)) continue;
    for (const match of source.matchAll(TYPED_URL)) {
      const start = block.start + (match.index ?? 0);
      const end = start + match[0].length;
      const line = doc.lines.lineText(doc.lines.lineAt(start));
      const lineStart = source.lastIndexOf('\n', match.index ?? 0) + 1;
      const inCode = (source.slice(lineStart, match.index).match(/`/g)?.length ?? 0) % 2 === 1;
      // A quoted email or page shows the address as it is; a source note ("¹ HSE, Reversing, https://…") cites it.
      if (inCode || QUOTED_OR_NOTE.test(line) || links.some((link) => link.start < end && start < link.end)) continue;
      found.push({ start, end, text: match[0] });
    }
  }
  return found;
}

const QUOTED_OR_NOTE = /^\s*(?:>|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\^?\d+\]|\^\d|\d+\.\s+\p{Lu}[^,]{0,80},|\*?sources?\*?\s*:)/iu;
const REFERENCE_ENTRY = /doi\.org|\bdoi:|\(\s*(?:19|20)\d\d[a-z]?\s*\)|\b(?:19|20)\d\d[a-z]?\.\s/i;
const TYPED_URL = /(?<![(<[\]/=:"'`\w.@-])(?:https?:\/\/|www\.)[^\s<>()[\]`"]*[^\s<>()[\]`"'.,;:!?*_]/gi;
