import { z } from 'zod';
import { RULES } from '../rules';
import { SEVERITIES } from '../rules/rule';

export const PRESET_NAMES = ['recommended', 'strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export const severitySetting = z.enum(['off', ...SEVERITIES]).describe('off, or the severity of the rule\'s findings.');
export type SeveritySetting = z.infer<typeof severitySetting>;

export const DEFAULT_LESSONS = ['**/*.md', '**/*.markdown', '!**/README.md', '!**/CHANGELOG.md', '!**/LICENSE.md', '!**/CONTRIBUTING.md', '!**/node_modules/**', '!**/.git/**', '!**/.github/**'];

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
      .describe('Globs, relative to this file, choosing which Markdown files are lessons; "!" excludes. Default: every .md and .markdown file except README, CHANGELOG, LICENSE and CONTRIBUTING.'),
    maxLessonSize: z.number().int().positive().optional().describe('Lessons longer than this many characters are not checked (one info finding says so). Default: 1000000.'),
    rules: z.object(rulesShape).strict().optional().describe('Per rule: "off" | "info" | "warning" | "error" | "hint", or [severity, options].'),
  })
  .strict()
  .describe('Course Review configuration (.coursereview.json).');

export type ConfigFile = z.infer<typeof configSchema>;
