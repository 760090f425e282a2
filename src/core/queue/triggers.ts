import type { ResolvedConfig } from '../config/resolve';
import { lintText } from '../lint';
import type { Role } from '../review/roles';

/** The enabled rules that can make a role required: only these run for the queue. */
export function triggerRules(config: ResolvedConfig): string[] {
  const ids = new Set(config.roles.filter((role: Role) => role.required === 'when-triggered').flatMap((role) => role.triggers));
  return [...ids].filter((id) => config.rules.has(id));
}

/**
 * Findings per trigger rule in a lesson (after suppressions): the part of a lint the queue needs to
 * know which triggered roles are required. Slower than reading front matter, so the index runs it
 * lazily and caches it by fingerprint.
 */
export function triggerCounts(text: string, config: ResolvedConfig): Map<string, number> {
  const ids = triggerRules(config);
  const counts = new Map<string, number>();
  if (ids.length === 0) return counts;
  const only: ResolvedConfig = { ...config, rules: new Map([...config.rules].filter(([id]) => ids.includes(id))) };
  for (const finding of lintText(text, only).findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}
