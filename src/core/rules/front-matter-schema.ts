import { z } from 'zod';
import { frontMatterPathRange } from '../document/frontMatter';
import { frontMatterTypo } from '../document/frontMatterOpener';
import type { LessonDocument } from '../document/model';
import { closest } from '../text/similar';
import { REVIEW_STATUSES, lessonFrontMatterSchema } from '../review/schema';
import { defineRule, type Report, type ReviewSettings } from './rule';

export default defineRule({
  id: 'front-matter-schema',
  category: 'review',
  description:
    'The YAML front matter parses, and the keys Course Review reads (title, objectives, duration, review…) have the expected shape.',
  defaultSeverity: 'error',
  options: z.object({}).strict(),
  docs: {
    rationale:
      "Front matter holds the lesson's objectives, key points and review sign-offs. When it does not parse, " +
      'none of them can be read, and Course Review will not write a sign-off into it. ' +
      'A misspelt status (`aproved`), a date that is not YYYY-MM-DD or an unknown review role would silently count as no review at ' +
      "all. Keys Course Review does not read are the author's and are never reported. " +
      'The full shape is in `schemas/lesson-front-matter.schema.json`.',
    howToFix:
      'Fix the YAML at the position shown: a missing colon, a bad indent, an unclosed quote, a missing closing `---` line, ' +
      'an opening `---` line with something else on it, or the value named in the message.',
  },
  check({ doc, review, report }) {
    const typo = doc.frontMatter || doc.unclosedFrontMatter ? undefined : frontMatterTypo(doc.text);
    if (typo) {
      const shown = typo.text.length > 40 ? `${typo.text.slice(0, 40)}…` : typo.text;
      report({
        ...typo.opener,
        message:
          `Unexpected \`${shown.trim()}\` on the first line, expected \`---\` alone on it: ` +
          `the YAML below is not read as front matter, so its title, objectives and reviews are ignored.`,
      });
    }
    if (doc.unclosedFrontMatter) {
      report({
        ...doc.unclosedFrontMatter,
        message: 'Unexpected front matter without a closing `---` line, expected `---` after the last YAML line.',
      });
    }
    for (const problem of doc.frontMatter?.problems ?? []) {
      report({ start: problem.start, end: problem.end, message: `Unexpected YAML: ${problem.message}` });
    }
    const frontMatter = doc.frontMatter;
    if (frontMatter?.data) for (const problem of schemaProblems(doc, review)) report(problem);
    else if (frontMatter && frontMatter.problems.length === 0 && frontMatter.document.contents !== null) {
      const value = frontMatter.document.toString().trim();
      const hint = /^\w+:\S/.test(value) ? ' (is a space missing after the colon?)' : '';
      report({
        ...frontMatter.content,
        end: Math.max(frontMatter.content.start, frontMatter.content.end - 1),
        message: `Unexpected front matter that is not \`key: value\` lines${hint}, expected a mapping such as \`title: My lesson\`.`,
      });
    }
  },
});

function schemaProblems(doc: LessonDocument, review: ReviewSettings): Report[] {
  const frontMatter = doc.frontMatter!;
  const data = frontMatter.data!;
  const place = (path: readonly PropertyKey[], part: 'value' | 'key' = 'value') =>
    frontMatterPathRange(frontMatter, path as Array<string | number>, part) ?? frontMatter.range;
  const problems: Report[] = [];
  const parsed = lessonFrontMatterSchema.safeParse(data);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const value = valueAt(data, issue.path);
    if (value === undefined && issue.path.at(-1) === 'status') {
      problems.push({
        ...place(issue.path.slice(0, -1), 'key'),
        message: `Missing \`status\` in \`${issue.path.slice(0, -1).join('.')}\`, expected one of ${REVIEW_STATUSES.join(', ')}.`,
      });
    } else if (issue.code === 'invalid_value' && issue.path.at(-1) === 'status') {
      problems.push({
        ...place(issue.path),
        message: `Unexpected status \`${String(value)}\`, expected one of ${REVIEW_STATUSES.join(', ')}.`,
      });
    } else {
      const part = value !== null && typeof value === 'object' ? 'key' : 'value';
      problems.push({
        ...place(issue.path, part),
        message: `Unexpected \`${path}\` value ${describe(value)}, expected ${expectation(issue)}.`,
      });
    }
  }
  const roles = data.review && typeof data.review === 'object' && !Array.isArray(data.review) ? Object.keys(data.review) : [];
  const known = review.roles.map((role) => role.name);
  for (const role of roles.filter((name) => !known.includes(name))) {
    const close = closest(role, known);
    const hint = close ? `did you mean \`${close}\`?` : `expected one of ${known.join(', ')} (roles are configured in .coursereview.json).`;
    problems.push({ ...place(['review', role], 'key'), message: `Unexpected review role \`${role}\`, ${hint}` });
  }
  return problems;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `\`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `\`${String(value)}\``;
}

function expectation(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type')
    return issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`;
  if (issue.code === 'invalid_union') return 'text or a list of text';
  if (issue.code === 'invalid_value') return `one of ${issue.values.map(String).join(', ')}`;
  return issue.message.replace(/^Invalid (?:input: )?/i, '').replace(/^expected /, '');
}
