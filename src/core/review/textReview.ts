import { readEntry } from '../queue/entry';
import type { EarlierFinding, ReviewSettings } from '../types/settings';
import { reviewStates, type RoleState } from './state';

export interface TextReview {
  /** False when the front matter is unclosed, does not parse or is not `key: value` lines: then no review can be read or written. */
  readable: boolean;
  states: RoleState[];
}

/**
 * Each role's review of a lesson, from its text: the front matter alone is parsed (the body is only
 * hashed), so an editor can show reviews without a full check. `findings` (from the latest check)
 * decide which triggered roles are required.
 */
export function reviewOfText(text: string, review: ReviewSettings, findings: readonly EarlierFinding[] = []): TextReview {
  const entry = readEntry('', text, review.roles);
  const findingsByRule = new Map<string, number>();
  for (const finding of findings) findingsByRule.set(finding.ruleId, (findingsByRule.get(finding.ruleId) ?? 0) + 1);
  const readable = entry.problem === undefined;
  return {
    readable,
    states: reviewStates({
      review: readable ? entry.review : undefined,
      roles: review.roles,
      fingerprint: () => entry.fingerprint,
      today: review.today,
      findingsByRule,
    }),
  };
}
