import type { LessonDocument } from '../document/model';
import type { EarlierFinding, ReviewSettings } from '../types/settings';
import { fingerprintOf } from './fingerprint';
import { reviewStates, type RoleState } from './state';

const FINGERPRINT = Symbol('fingerprint');

/** False when the front matter is unclosed, does not parse or is not `key: value` lines: then no review can be read. */
export function reviewsReadable(doc: LessonDocument): boolean {
  return !doc.unclosedFrontMatter && !(doc.frontMatter && !doc.frontMatter.data);
}

/** The fingerprint of a parsed lesson: the same as `lessonFingerprint` of its text. */
export function documentFingerprint(doc: LessonDocument): string | undefined {
  return doc.derived(FINGERPRINT, () => {
    if (!reviewsReadable(doc)) return undefined;
    const frontMatter = doc.frontMatter;
    const { review: _signOffs, ...signed } = frontMatter?.data ?? {};
    return fingerprintOf(signed, doc.text.slice(doc.body.start));
  });
}

/** Each role's review of the lesson; `findings` decide which triggered roles are required. */
export function lessonReviewStates(doc: LessonDocument, review: ReviewSettings, findings: readonly EarlierFinding[] = []): RoleState[] {
  const findingsByRule = new Map<string, number>();
  for (const finding of findings) findingsByRule.set(finding.ruleId, (findingsByRule.get(finding.ruleId) ?? 0) + 1);
  return reviewStates({
    review: doc.frontMatter?.data?.review,
    roles: review.roles,
    fingerprint: () => documentFingerprint(doc),
    today: review.today,
    findingsByRule,
  });
}
