import { z } from 'zod';
import { titleRange } from '../analysis/structure';
import type { LessonDocument } from '../document/model';
import { fleschKincaidGrade, readingCounts } from '../prose/readability';
import { defineRule } from './rule';

/** Front matter keys that set one lesson's target grade, in order of precedence. */
export const READING_GRADE_KEYS = ['reading_grade', 'readingGrade'] as const;

export default defineRule({
  id: 'reading-grade',
  category: 'clarity',
  description: "The lesson reads at or below its audience's grade level (Flesch-Kincaid), and no long section is far harder than the rest.",
  defaultSeverity: 'info',
  options: z
    .object({
      target: z
        .number()
        .min(1)
        .max(20)
        .default(10)
        .describe(
          'Target grade when neither `audience.readingGrade` in the configuration nor `reading_grade` in the front matter sets one.',
        ),
      margin: z.number().min(0).default(2).describe("How far above the target the lesson's grade may go before it is reported."),
      sectionMargin: z.number().min(0).default(5).describe("How far above the target one section's grade may go before it is reported."),
      minWords: z.number().int().min(1).default(200).describe('Lessons with fewer words of prose are too short to judge.'),
      minSectionWords: z.number().int().min(1).default(200).describe('Sections with fewer words of prose are too short to judge.'),
    })
    .strict(),
  docs: {
    rationale:
      'Long sentences and long words make learners spend effort on reading instead of on the skill. ' +
      'The Flesch-Kincaid grade estimates the years of schooling ' +
      'a reader needs; it counts running prose only (not headings, code, tables or numbers). The target comes from, in order: ' +
      "the lesson's front matter " +
      '(`reading_grade: 8` or `readingGrade: 8`), `audience.readingGrade` in `.coursereview.json`, then the `target` option.',
    howToFix:
      'Split long sentences, one idea each; prefer short, common words; ' +
      'keep the technical terms learners must learn and explain each one. ' +
      'If the audience really reads at a higher level, ' +
      'set `reading_grade` in the front matter or `audience.readingGrade` in the configuration.',
  },
  check({ doc, options, settings, report }) {
    const { target, source } = readingTarget(doc, settings.readingGrade, options.target);
    const lesson = readingCounts(doc);
    const title = titleRange(doc);
    if (lesson.words >= options.minWords) {
      const grade = fleschKincaidGrade(lesson);
      if (grade > target + options.margin) {
        report({
          ...title,
          message:
            `Unexpected reading grade ${grade.toFixed(1)} for this lesson, expected ${target} or below (${source}): ` +
            `split long sentences and prefer shorter, common words.`,
        });
      }
    }
    doc.headings.forEach((heading, index) => {
      if (heading.start === title.start) return;
      const next = doc.headings[index + 1]?.start ?? doc.body.end;
      const section = readingCounts(doc, { start: heading.end, end: Math.min(next, heading.sectionEnd) });
      if (section.words < options.minSectionWords) return;
      const grade = fleschKincaidGrade(section);
      if (grade <= target + options.sectionMargin) return;
      report({
        start: heading.start,
        end: heading.end,
        message:
          `Unexpected reading grade ${grade.toFixed(1)} in the section "${heading.text}", expected about ${target} (${source}): ` +
          `split its long sentences and explain its terms in plain words.`,
      });
    });
  },
});

/** The grade the lesson should read at, and where that comes from: its front matter, the audience, the rule's option. */
export function readingTarget(doc: LessonDocument, audience: number | undefined, fallback: number): { target: number; source: string } {
  const fromFrontMatter = frontMatterTarget(doc);
  if (fromFrontMatter !== undefined) return { target: fromFrontMatter, source: 'the front matter' };
  if (audience !== undefined) return { target: audience, source: 'audience.readingGrade' };
  return { target: fallback, source: "the rule's target option" };
}

function frontMatterTarget(doc: LessonDocument): number | undefined {
  const data = doc.frontMatter?.data;
  if (!data) return undefined;
  for (const key of READING_GRADE_KEYS) {
    const value = typeof data[key] === 'string' ? Number(data[key]) : data[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= 20) return value;
  }
  return undefined;
}
