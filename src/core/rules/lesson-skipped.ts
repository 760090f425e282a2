import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  id: 'lesson-skipped',
  category: 'review',
  description: 'Says when a file is too large or not text, and so was not checked.',
  defaultSeverity: 'info',
  options: z.object({}).strict(),
  docs: {
    rationale: 'A silent skip would look like a clean lesson. Very large files are skipped to keep the editor responsive; binary files are not lessons.',
    howToFix: 'Split a very large lesson into smaller ones (it will read better too), raise `maxLessonSize` in `.coursereview.json`, or exclude the file with `lessons` globs.',
  },
  check({ doc, report }) {
    const skipped = doc.skipped;
    if (!skipped) return;
    const message =
      skipped.kind === 'binary'
        ? 'Unexpected binary content, expected a Markdown text file: this file was not checked.'
        : `Unexpected lesson size of ${skipped.size.toLocaleString('en-US')} characters, expected at most ${skipped.limit.toLocaleString('en-US')} (\`maxLessonSize\`): this lesson was not checked.`;
    report({ start: 0, end: 0, message });
  },
});
