import { phrasePattern } from '../prose';
import { widen } from '../text/widen';

/**
 * Patterns a rule's findings all match, in the lesson read roughly: where `anchor` is set, only in a
 * paragraph it matches (the rule tests the same anchor on each block before its patterns).
 */
export interface PrefilterGroup {
  anchor?: RegExp;
  patterns: readonly RegExp[];
}

/** A rule's patterns behind their anchor, widened into a prefilter group. */
export function prefilterGroup(patterns: readonly RegExp[], anchor?: RegExp): PrefilterGroup {
  return { ...(anchor && { anchor: widen(anchor) }), patterns: patterns.map(widen) };
}

/** The phrases a team added to a rule, which it looks for in every block. */
export function phraseGroups(phrases: readonly string[]): PrefilterGroup[] {
  return phrases.length > 0 ? [prefilterGroup([phrasePattern(phrases)])] : [];
}
