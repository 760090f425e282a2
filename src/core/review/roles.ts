import { z } from 'zod';

export const REQUIREMENTS = ['always', 'never', 'when-triggered'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export const roleConfigSchema = z
  .object({
    label: z.string().min(1).optional().describe('How the role is shown, e.g. "Legal". Default: the role name, capitalised (SME for sme).'),
    required: z.enum(REQUIREMENTS).optional().describe('"always", "never", or "when-triggered" by findings of the `triggers` rules.'),
    triggers: z.array(z.string().min(1)).optional().describe("Rule ids whose findings make this role's review required."),
    reviewers: z.array(z.string().min(1)).optional().describe('Names or email addresses allowed to sign for this role. Default: anyone.'),
    dueInDays: z.number().int().positive().optional().describe('Days from a request to its default due date.'),
  })
  .strict();

export type RoleConfig = z.infer<typeof roleConfigSchema>;

export const rolesSchema = z
  .record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a role name in lower case, e.g. "sme" or "legal"'), roleConfigSchema)
  .describe('Review roles: who signs off a lesson, and when. Merged over the defaults sme (always), legal and marketing (when triggered).');

export interface Role {
  name: string;
  label: string;
  required: Requirement;
  triggers: readonly string[];
  /** Empty when anyone may sign. */
  reviewers: readonly string[];
  dueInDays: number | undefined;
}

const CLAIM_RULES = ['claim-absolute', 'claim-uncited-statistic', 'claim-outcome-promise', 'trademark-terms'];

export const DEFAULT_ROLES: readonly Role[] = [
  { name: 'sme', label: 'SME', required: 'always', triggers: [], reviewers: [], dueInDays: 7 },
  { name: 'legal', label: 'Legal', required: 'when-triggered', triggers: CLAIM_RULES, reviewers: [], dueInDays: 5 },
  {
    name: 'marketing',
    label: 'Marketing',
    required: 'when-triggered',
    triggers: ['trademark-terms', 'claim-absolute'],
    reviewers: [],
    dueInDays: 5,
  },
];

/** The default roles with the file's settings laid over them, field by field; new roles follow. */
export function resolveRoles(configured: Record<string, RoleConfig> | undefined): Role[] {
  const roles = DEFAULT_ROLES.map((role) => ({ ...role }));
  for (const [name, setting] of Object.entries(configured ?? {})) {
    const base = roles.find((role) => role.name === name);
    const role: Role = base ?? { name, label: defaultLabel(name), required: 'always', triggers: [], reviewers: [], dueInDays: undefined };
    if (setting.label !== undefined) role.label = setting.label;
    if (setting.triggers !== undefined) role.triggers = setting.triggers;
    if (setting.reviewers !== undefined) role.reviewers = setting.reviewers;
    if (setting.dueInDays !== undefined) role.dueInDays = setting.dueInDays;
    if (setting.required !== undefined) role.required = setting.required;
    else if (!base && setting.triggers?.length) role.required = 'when-triggered';
    if (!base) roles.push(role);
  }
  return roles;
}

/**
 * What a finding of the rule sets in motion, for its message: " Triggers a Legal and Marketing
 * review." — empty when no role waits for the rule.
 */
export function triggeredReviewNote(ruleId: string, roles: readonly Role[]): string {
  const labels = roles.filter((role) => role.required === 'when-triggered' && role.triggers.includes(ruleId)).map((role) => role.label);
  if (labels.length === 0) return '';
  const list = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  return ` Triggers a ${list} review.`;
}

function defaultLabel(name: string): string {
  return name.length <= 3 ? name.toUpperCase() : name[0].toUpperCase() + name.slice(1).replace(/-/g, ' ');
}
