import type { EnabledRule, ResolvedConfig } from '../config/resolve';
import { parseLesson } from '../document/parse';
import { lintDocument } from '../lint';
import type { Role } from '../review/roles';
import { RULES_BY_ID } from '../rules';
import type { PrefilterGroup } from '../rules/prefilter';
import { withoutBom } from '../text/bom';
import { settledInBlocks } from './blockCheck';
import { PrefilterPlan } from './prefilterPlan';

/** The enabled rules that can make a role required: only these run for the queue. */
export function triggerRules(config: ResolvedConfig): string[] {
  const known = triggerRulesOf.get(config);
  if (known && known.roles === config.roles && known.rules === config.rules) return [...known.ids];
  const triggers = new Set(config.roles.filter((role: Role) => role.required === 'when-triggered').flatMap((role) => role.triggers));
  const ids = [...triggers].filter((id) => config.rules.has(id));
  triggerRulesOf.set(config, { roles: config.roles, rules: config.rules, ids });
  return [...ids];
}

/** Asked for every lesson and block: kept with the roles and rules it was read from. */
const triggerRulesOf = new WeakMap<
  ResolvedConfig,
  { roles: ResolvedConfig['roles']; rules: ResolvedConfig['rules']; ids: readonly string[] }
>();

/**
 * Findings per trigger rule in a lesson (after suppressions), for the rules that find something:
 * the part of a lint the queue needs to know which triggered roles are required. A lesson in which
 * no trigger rule's prefilter matches is not parsed: most lessons make no claim. Where every rule
 * that may find something is settled in blocks of its own (see `settledInBlocks`), each found counts
 * 1 and the lesson is not parsed whole either; otherwise the counts are the lint's. Only whether a
 * count is above 0 decides anything. Slower than reading front matter, so the index runs it lazily
 * and caches it by fingerprint.
 */
export function triggerCounts(input: string, config: ResolvedConfig): Map<string, number> {
  const ids = triggerRules(config);
  const counts = new Map<string, number>();
  const text = withoutBom(input);
  const { ids: possible, from } = ids.length > 0 ? possibleTriggersFrom(text, ids, config) : { ids: [], from: text.length };
  if (possible.length === 0) return counts;
  const { found, absent } = settledInBlocks(text, possible, config, (block) => possibleTriggers(block, possible, config), from);
  if (possible.every((id) => found.has(id) || absent.has(id))) return new Map([...found].map((id) => [id, 1]));
  const only: ResolvedConfig = { ...config, rules: new Map([...config.rules].filter(([id]) => ids.includes(id))) };
  // Findings only: the page's summary, which a lint also makes, costs a fifth as much again.
  const doc = parseLesson(text, { maxLength: config.maxLessonSize });
  for (const finding of lintDocument(doc, only)) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

/** Builds what {@link triggerCounts} needs for the configuration's lessons, ahead of the first (a few tenths of a second). */
export function prepareTriggerCounts(config: ResolvedConfig): void {
  prefilterPlanFor(triggerRules(config), config);
}

/** False only when every trigger rule has a prefilter and none matches the lesson read roughly. */
export function mayTrigger(text: string, ids: readonly string[], config: ResolvedConfig): boolean {
  return possibleTriggers(text, ids, config).length > 0;
}

/**
 * The trigger rules that may find something in the lesson: those without a prefilter, and those
 * whose prefilter matches it (see {@link PrefilterPlan}).
 */
export function possibleTriggers(text: string, ids: readonly string[], config: ResolvedConfig): string[] {
  return possibleTriggersFrom(text, ids, config).ids;
}

/** {@link possibleTriggers}, and where the first paragraph in which one may find something starts. */
function possibleTriggersFrom(text: string, ids: readonly string[], config: ResolvedConfig): { ids: string[]; from: number } {
  const plan = prefilterPlanFor(triggerRules(config), config);
  if (!ids.every((id) => plan.has(id))) return prefilterPlanFor(ids, config).possibleFrom(text);
  const { ids: possible, from } = plan.possibleFrom(text, new Set(ids));
  return { ids: ids.filter((id) => possible.includes(id)), from };
}

/** The plans made, the oldest first. */
const plans = new Map<string, PrefilterPlan>();
const MAX_PLANS = 16;

/**
 * The plan for these rules with the configuration's options, made once for all equal
 * configurations: each folder of a course may have its configuration read apart, and a plan takes a
 * few tenths of a second to make. Options come from JSON files, so their JSON tells them apart.
 */
export function prefilterPlanFor(ids: readonly string[], config: ResolvedConfig): PrefilterPlan {
  const key = JSON.stringify(ids.map((id) => [id, config.rules.get(id)?.options ?? null]));
  let plan = plans.get(key);
  if (!plan) {
    plan = new PrefilterPlan(ids.map((id) => ({ id, groups: prefilterOf(id, config.rules.get(id)) })));
    if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value as string);
    plans.set(key, plan);
  }
  return plan;
}

const compiled = new WeakMap<EnabledRule, readonly PrefilterGroup[] | undefined>();

function prefilterOf(id: string, enabled: EnabledRule | undefined): readonly PrefilterGroup[] | undefined {
  if (!enabled) return undefined;
  if (!compiled.has(enabled)) compiled.set(enabled, RULES_BY_ID.get(id)?.prefilter?.(enabled.options));
  return compiled.get(enabled);
}
