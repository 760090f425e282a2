import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  id: 'front-matter-schema',
  category: 'review',
  description: 'The YAML front matter parses, so that objectives, key points and sign-offs can be read.',
  defaultSeverity: 'error',
  options: z.object({}).strict(),
  docs: {
    rationale: 'Front matter holds the lesson\'s objectives, key points and review sign-offs. When it does not parse, none of them can be read, and Course Review will not write a sign-off into it.',
    howToFix: 'Fix the YAML at the position shown: a missing colon, a bad indent, an unclosed quote, or a missing closing `---` line.',
  },
  check({ doc, report }) {
    if (doc.unclosedFrontMatter) {
      report({ ...doc.unclosedFrontMatter, message: 'Unexpected front matter without a closing `---` line, expected `---` after the last YAML line.' });
    }
    for (const problem of doc.frontMatter?.problems ?? []) {
      report({ start: problem.start, end: problem.end, message: `Unexpected YAML: ${problem.message}` });
    }
  },
});
