import { isScalar, visit } from 'yaml';
import { z } from 'zod';
import { defineRule } from './rule';

const PLACEHOLDERS: RegExp[] = [
  /\b(?:TODO|TBD|TBC|FIXME|XXX+)\b/g,
  /\blorem ipsum\b/gi,
  /\[(?:insert|add|placeholder|todo)\b[^\]\n]*\]/gi,
];

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
    rationale: 'Placeholder text that reaches learners looks careless and hides a gap in the lesson. Code, comments and front matter comments are not checked.',
    howToFix: 'Write the missing content, or move the note to an HTML comment (`<!-- TODO … -->`), which learners never see.',
  },
  check({ doc, options, report }) {
    const patterns = [...PLACEHOLDERS, ...options.patterns.map((source) => new RegExp(source, 'g'))];
    const allowed = new Set(options.allow.map((word) => word.toLowerCase()));
    const scan = (text: string, toRange: (start: number, end: number) => { start: number; end: number }) => {
      for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) {
          if (allowed.has(match[0].toLowerCase())) continue;
          const at = match.index ?? 0;
          report({ ...toRange(at, at + match[0].length), message: `Unexpected placeholder "${match[0]}", expected finished content.` });
        }
      }
    };
    for (const block of doc.prose) scan(block.text, (start, end) => block.sourceRange(start, end));
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
