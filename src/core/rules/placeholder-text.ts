import { isScalar, visit } from 'yaml';
import { z } from 'zod';
import type { LessonDocument, OffsetRange } from '../document/model';
import { BlockSearch, isAllowed } from '../prose';
import { defineRule } from './rule';

const PLACEHOLDERS: RegExp[] = [
  /\b(?:TODO|TBD|TBC|FIXME|XXX+)\b/g,
  /\blorem ipsum\b/gi,
  // Not link syntax: "[add it to your account][add-ssh-key]" is a link whose reference is defined elsewhere.
  /(?<!\])\[(?:insert|add|placeholder|todo)\b[^\]\n]*\](?![[(:])/gi,
];

/** "a TODO list", "the #TODO comment", "the appropriate TODO in app.js": the word is talked about, not left in. */
const MENTIONED_AFTER = /(?:\b(?:a|an|the|this|that|these|those|each|every|any|your|our|its)\s+(?:[\w-]+\s+)?|#\s*)$/i;
const MENTIONED_BEFORE = /^\s*(?:lists?|comments?|items?|markers?|tags?|notes?|panels?|apps?|files?)\b/i;

/** Template comments (`{% comment %}…{% endcomment %}`, `{# … #}`) never reach learners, like HTML comments. */
const TEMPLATE_COMMENT = /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{#[\s\S]*?#\}/g;

export default defineRule({
  id: 'placeholder-text',
  category: 'relevant',
  description: 'No placeholder text is left in the lesson: TODO, TBD, FIXME, XXX, lorem ipsum, [insert …].',
  defaultSeverity: 'warning',
  options: z
    .object({
      patterns: z.array(z.string()).default([]).describe('Extra placeholder patterns (regular expressions).'),
      allow: z.array(z.string()).default([]).describe('Words that look like placeholders but are meant, such as "XXX" in a form-field example.'),
    })
    .strict(),
  docs: {
    rationale:
      'Placeholder text that reaches learners looks careless and hides a gap in the lesson. Code and comments (HTML, template, YAML) are not checked, ' +
      'nor is a marker the lesson talks about ("add a TODO comment", "the TODO list in your editor").',
    howToFix: 'Write the missing content, or move the note to an HTML comment (`<!-- TODO … -->`), which learners never see.',
  },
  check({ doc, options, report, settings }) {
    const patterns = [...PLACEHOLDERS, ...options.patterns.map((source) => new RegExp(source, 'g'))];
    const searches = patterns.map((pattern) => new BlockSearch(pattern));
    const allowed = new Set(options.allow.map((word) => word.toLowerCase()));
    let hidden: OffsetRange[] | undefined;
    const check = (text: string, match: RegExpMatchArray, toRange: (start: number, end: number) => OffsetRange) => {
      const at = match.index ?? 0;
      const end = at + match[0].length;
      if (allowed.has(match[0].toLowerCase()) || isAllowed(settings, match[0]) || isMentioned(text, at, end)) return;
      const range = toRange(at, end);
      hidden ??= templateComments(doc);
      if (hidden.some((comment) => comment.start <= range.start && range.end <= comment.end)) return;
      report({ ...range, message: `Unexpected placeholder "${match[0]}", expected finished content.` });
    };
    const scan = (text: string, toRange: (start: number, end: number) => OffsetRange) => {
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) check(text, match, toRange);
    };
    for (const block of doc.prose) {
      for (const search of searches) for (const match of search.matchesIn(block)) check(block.text, match, (start, end) => block.sourceRange(start, end));
    }
    const frontMatter = doc.frontMatter;
    if (frontMatter) {
      visit(frontMatter.document, {
        Scalar(_key, node) {
          if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
          const [from, to] = node.range;
          const source = doc.text.slice(frontMatter.content.start + from, frontMatter.content.start + to);
          scan(source, (start, end) => ({ start: frontMatter.content.start + from + start, end: frontMatter.content.start + from + end }));
        },
      });
    }
  },
});

function isMentioned(text: string, start: number, end: number): boolean {
  return MENTIONED_AFTER.test(text.slice(Math.max(0, start - 40), start)) || MENTIONED_BEFORE.test(text.slice(end, end + 20));
}

function templateComments(doc: LessonDocument): OffsetRange[] {
  return [...doc.text.matchAll(TEMPLATE_COMMENT)].map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }));
}
