import { z } from 'zod';
import { RULES, RULES_BY_ID } from '../rules';
import { PAGE_TYPES } from '../course/pageType';
import { rolesSchema } from '../review/roles';
import { SEVERITIES } from '../types/severity';

export const PRESET_NAMES = ['recommended', 'strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export const severitySetting = z.enum(['off', ...SEVERITIES]).describe("off, or the severity of the rule's findings.");
export type SeveritySetting = z.infer<typeof severitySetting>;

export const DEFAULT_LESSONS = [
  '**/*.md',
  '**/*.markdown',
  '**/*.mdx',
  '!README.md',
  '!**/CHANGELOG.md',
  '!**/LICENSE.md',
  '!**/CONTRIBUTING.md',
  '!**/node_modules/**',
  '!**/.git/**',
  '!**/.github/**',
  '!**/review-report-*.md',
];

function ruleSetting(options: z.ZodType) {
  return z.union([severitySetting, z.tuple([severitySetting]), z.tuple([severitySetting, options])]);
}

const rulesShape = Object.fromEntries(
  RULES.map((rule) => [rule.id, ruleSetting(rule.options).optional().describe(`${rule.description} Default: ${rule.defaultSeverity}.`)]),
);

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    extends: z
      .union([z.enum(PRESET_NAMES), z.array(z.enum(PRESET_NAMES))])
      .optional()
      .describe('Preset to start from: "recommended" (the default) or "strict".'),
    lessons: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Globs, relative to this file, choosing which Markdown files are lessons; "!" excludes. Default: every .md, ' +
          '.markdown and .mdx file except README, CHANGELOG, LICENSE, CONTRIBUTING and exported review reports.',
      ),
    pageTypes: z
      .record(z.string().min(1), z.enum(PAGE_TYPES))
      .optional()
      .describe(
        'Page types by glob, relative to this file, e.g. { "labs/**": "lab", "**/glossary.md": "reference" }: lesson, lab, ' +
          'assessment, overview, summary, assignment, reference or fragment. The first glob that matches wins; ' +
          "a page's own `type:` in front matter wins over all.",
      ),
    maxLessonSize: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Lessons longer than this many characters are not checked (one info finding says so). Default: 1000000.'),
    allow: z
      .object({
        terms: z.array(z.string().min(1)).default([]).describe('Words no prose rule flags: product names, jargon your learners know.'),
        phrases: z.array(z.string().min(1)).default([]).describe('Phrases no prose rule flags.'),
        acronyms: z.array(z.string().min(1)).default([]).describe('Acronyms your learners know without an expansion.'),
      })
      .strict()
      .optional()
      .describe('Allowlists that apply to every prose rule.'),
    glossary: z
      .record(z.string(), z.string())
      .optional()
      .describe('Terms and acronyms with their meaning, e.g. { "SME": "subject matter expert" }: a glossary entry counts as a definition.'),
    audience: z
      .object({ readingGrade: z.number().min(1).max(20).optional().describe('Target reading grade (Flesch-Kincaid) for lessons.') })
      .strict()
      .optional()
      .describe("Who the lessons are for; a lesson's front matter can override it."),
    roles: rolesSchema
      .superRefine((roles, context) => {
        for (const [name, role] of Object.entries(roles)) {
          (role.triggers ?? []).forEach((trigger, index) => {
            if (!RULES_BY_ID.has(trigger))
              context.addIssue({
                code: 'custom',
                path: [name, 'triggers', index],
                message: `Unexpected rule id "${trigger}" in triggers, expected one of the rule ids, e.g. "claim-absolute".`,
              });
          });
        }
      })
      .optional(),
    rules: z
      .object(rulesShape)
      .strict()
      .optional()
      .describe('Per rule: "off" | "info" | "warning" | "error" | "hint", or [severity, options].'),
  })
  .strict()
  .describe('Course Review configuration (.coursereview.json).');

export type ConfigFile = z.infer<typeof configSchema>;
