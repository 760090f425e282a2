import { z } from 'zod';
import { frontMatterPathRange } from '../document/frontMatter';
import type { LessonDocument } from '../document/model';
import { lessonReviewStates, reviewsReadable } from '../review/lessonReview';
import type { RoleState } from '../review/state';
import { writeReview } from '../review/writer';
import { defineRule, type EarlierFinding, type Fix, type ReviewSettings } from './rule';

export default defineRule({
  id: 'review-required',
  category: 'review',
  description: 'Every required review (always, or triggered by claims) has been requested or given.',
  defaultSeverity: 'info',
  options: z.object({}).strict(),
  readsFindings: true,
  docs: {
    rationale:
      'Which reviews a lesson needs is set per role in `.coursereview.json`: an SME review always; ' +
      'a legal review when the lesson makes claims (absolute claims, uncited statistics, outcome promises, trademarks); ' +
      'a marketing review for absolute claims and trademarks. ' +
      'A lesson that reaches publishing without them bounces back at the last minute. ' +
      'The finding names the findings that made a review required; a finding you suppress triggers nothing.',
    howToFix:
      'Request the review (Course Review: Request Review…, or the lightbulb), or, when the triggering claim is fine, ' +
      'rephrase it or waive the review with a reason.',
  },
  check({ doc, review, findings, report }) {
    if (!reviewsReadable(doc)) return;
    const frontMatter = doc.frontMatter;
    const place = (frontMatter && (frontMatterPathRange(frontMatter, ['review'], 'key') ?? { start: 0, end: doc.lines.lineEnd(0) })) ?? {
      start: 0,
      end: doc.lines.lineEnd(0),
    };
    for (const state of lessonReviewStates(doc, review, findings)) {
      if (!state.required || state.status !== 'missing') continue;
      const fix = requestFix(doc, state, review);
      report({ ...place, message: message(doc, state, findings), ...(fix && { suggestions: [fix] }) });
    }
  },
});

function message(doc: LessonDocument, state: RoleState, findings: readonly EarlierFinding[]): string {
  const label = state.role.label;
  if (state.triggeredBy.length === 0)
    return `Unexpected lesson without a ${label} review, expected one requested or given (${label} review is always required).`;
  const reasons = state.triggeredBy.map((ruleId) => {
    const lines = findings.filter((finding) => finding.ruleId === ruleId).map((finding) => doc.lines.positionAt(finding.start).line + 1);
    const shown = lines.slice(0, 3).join(', ') + (lines.length > 3 ? ', …' : '');
    return `${ruleId} (line${lines.length === 1 ? '' : 's'} ${shown})`;
  });
  return `Unexpected lesson without a ${label} review, expected one requested or given: required by ${reasons.join(', ')}.`;
}

function requestFix(doc: LessonDocument, state: RoleState, review: ReviewSettings): Fix | undefined {
  if (!review.today) return undefined;
  const written = writeReview(
    doc.text,
    { kind: 'request', role: state.role.name },
    { identity: undefined, today: review.today, roles: review.roles },
  );
  return written.kind !== 'refused' ? { title: `Request ${state.role.label} review`, edits: written.edits } : undefined;
}
