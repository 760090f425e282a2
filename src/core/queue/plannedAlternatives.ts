import { loweredSource } from '../text/caseless';
import { alternativesOf, literalFactors } from '../text/literalFactors';

/**
 * One alternative of a prefilter pattern, the literal factors one of which each of its matches holds
 * (see {@link literalFactors}), and the source it is tested with on folded text (see {@link loweredSource}).
 */
export interface PlannedAlternative {
  pattern: RegExp;
  factors: string[] | undefined;
  lowered: string | null;
}

/** A pattern's alternatives, as a bundle carries them: each one's source, factors and lowered source (null for none). */
export type PlannedTable = Record<string, Array<[source: string, factors: string[] | null, lowered: string | null]>>;

/**
 * The built-in prefilters' alternatives and factors, worked out when the CLI is bundled
 * (scripts/build.mjs): reading them from the patterns' syntax takes each process, and each of
 * the queue's worker threads, a third of a second before its first lesson. Absent elsewhere (the
 * sources run by tsx, the extension's bundles), where they are worked out as they are needed.
 */
declare const COURSE_REVIEW_PLANNED_ALTERNATIVES: PlannedTable | undefined;
const BUNDLED: PlannedTable = typeof COURSE_REVIEW_PLANNED_ALTERNATIVES === 'object' ? COURSE_REVIEW_PLANNED_ALTERNATIVES : {};

/** The pattern's alternatives and their factors: from the bundle's table when it has the pattern, worked out otherwise. */
export function plannedAlternatives(pattern: RegExp, table: PlannedTable = BUNDLED): PlannedAlternative[] {
  const key = keyOf(pattern);
  const known = Object.hasOwn(table, key) ? table[key] : undefined;
  if (known)
    return known.map(([source, factors, lowered]) => ({
      pattern: new RegExp(source, statelessFlags(pattern)),
      factors: factors ?? undefined,
      lowered,
    }));
  return alternativesOf(pattern).map((alternative) => ({
    pattern: alternative,
    factors: literalFactors(alternative),
    lowered: loweredSource(alternative),
  }));
}

/** The table a bundle carries for these patterns: what {@link plannedAlternatives} works out for each. */
export function plannedTable(patterns: readonly RegExp[]): PlannedTable {
  const table: PlannedTable = {};
  for (const pattern of patterns)
    table[keyOf(pattern)] = plannedAlternatives(pattern, {}).map(({ pattern: alternative, factors, lowered }) => [
      alternative.source,
      factors ?? null,
      lowered,
    ]);
  return table;
}

/** Everything the alternatives and factors depend on: the source and the flags that change a match. */
function keyOf(pattern: RegExp): string {
  return `/${pattern.source}/${statelessFlags(pattern)}`;
}

/** The flags without `g` and `y`, which keep state between tests and change no match. */
function statelessFlags(pattern: RegExp): string {
  return pattern.flags.replace(/[gy]/g, '');
}
