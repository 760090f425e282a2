import type { EnabledRule, ResolvedConfig } from '../config/resolve';
import { roughText } from '../document/roughText';
import { parseLesson } from '../document/parse';
import { lintDocument } from '../lint';
import type { Role } from '../review/roles';
import { RULES_BY_ID } from '../rules';
import type { PrefilterGroup } from '../rules/prefilter';
import { withoutBom } from '../text/bom';
import { CaselessPattern, foldCase } from '../text/caseless';
import { confirmedInBlocks } from './blockCheck';

/** The enabled rules that can make a role required: only these run for the queue. */
export function triggerRules(config: ResolvedConfig): string[] {
  const ids = new Set(config.roles.filter((role: Role) => role.required === 'when-triggered').flatMap((role) => role.triggers));
  return [...ids].filter((id) => config.rules.has(id));
}

/**
 * Findings per trigger rule in a lesson (after suppressions), for the rules that find something:
 * the part of a lint the queue needs to know which triggered roles are required. A lesson in which
 * no trigger rule's prefilter matches is not parsed: most lessons make no claim. Where every rule
 * that may find something is confirmed in a block of its own (see `confirmedInBlocks`), each counts
 * 1 and the lesson is not parsed whole either; otherwise the counts are the lint's. Only whether a
 * count is above 0 decides anything. Slower than reading front matter, so the index runs it lazily
 * and caches it by fingerprint.
 */
export function triggerCounts(input: string, config: ResolvedConfig): Map<string, number> {
  const ids = triggerRules(config);
  const counts = new Map<string, number>();
  const text = withoutBom(input);
  const possible = ids.length > 0 ? possibleTriggers(text, ids, config) : [];
  if (possible.length === 0) return counts;
  const confirmed = confirmedInBlocks(text, possible, config, (block) => possibleTriggers(block, possible, config));
  if (possible.every((id) => confirmed.has(id))) return new Map(possible.map((id) => [id, 1]));
  const only: ResolvedConfig = { ...config, rules: new Map([...config.rules].filter(([id]) => ids.includes(id))) };
  // Findings only: the page's summary, which a lint also makes, costs a fifth as much again.
  const doc = parseLesson(text, { maxLength: config.maxLessonSize });
  for (const finding of lintDocument(doc, only)) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

/** False only when every trigger rule has a prefilter and none matches the lesson read roughly. */
export function mayTrigger(text: string, ids: readonly string[], config: ResolvedConfig): boolean {
  return possibleTriggers(text, ids, config).length > 0;
}

/** The trigger rules that may find something in the lesson: those without a prefilter, and those whose prefilter matches. */
export function possibleTriggers(text: string, ids: readonly string[], config: ResolvedConfig): string[] {
  const prefilters = ids.map((id) => ({ id, groups: prefilterOf(id, config.rules.get(id)) }));
  if (prefilters.every(({ groups }) => groups === undefined)) return [...ids];
  // A block of prose never spans an empty line.
  const paragraphs = roughText(text)
    .split(EMPTY_LINE)
    .map((paragraph) => ({ paragraph, folded: foldCase(paragraph) }));
  return prefilters
    .filter(
      ({ groups }) =>
        groups === undefined || paragraphs.some(({ paragraph, folded }) => groups.some((group) => matches(group, paragraph, folded))),
    )
    .map(({ id }) => id);
}

const EMPTY_LINE = /\n[ \t]*\r?\n/;

/** A prefilter group with its patterns made {@link CaselessPattern}s: most are case-insensitive. */
interface CaselessGroup {
  anchor?: CaselessPattern;
  patterns: readonly CaselessPattern[];
}

function matches(group: CaselessGroup, paragraph: string, folded: string | undefined): boolean {
  return (
    (group.anchor === undefined || group.anchor.test(paragraph, folded)) &&
    group.patterns.some((pattern) => pattern.test(paragraph, folded))
  );
}

const compiled = new WeakMap<EnabledRule, readonly CaselessGroup[] | undefined>();

function prefilterOf(id: string, enabled: EnabledRule | undefined): readonly CaselessGroup[] | undefined {
  if (!enabled) return undefined;
  if (!compiled.has(enabled)) compiled.set(enabled, RULES_BY_ID.get(id)?.prefilter?.(enabled.options)?.map(caselessGroup));
  return compiled.get(enabled);
}

function caselessGroup(group: PrefilterGroup): CaselessGroup {
  return {
    ...(group.anchor && { anchor: new CaselessPattern(group.anchor) }),
    patterns: group.patterns.map((pattern) => new CaselessPattern(pattern)),
  };
}
