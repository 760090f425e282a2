import { SIGNED_STATUSES, type Role, type SignOff } from '../core';
import type { ReviewHistory } from './reviewHistory';
import type { LineageStep } from './treeLog';

/** One change of one role's record, as a commit made it. */
export interface ReviewEvent {
  commit: string;
  date: string;
  /** Who made the commit, as `Name <email>`. */
  author: string;
  /** The lesson's path in that commit. */
  path: string;
  role: string;
  status: string;
  reviewer: string | undefined;
  signed: string | undefined;
  /** For a sign-off: whether `verify` accepts this commit as its author's; undefined for a request or a removal. */
  accepted: boolean | undefined;
  /** Why a sign-off is not accepted. */
  reason?: string;
}

/**
 * Every review event of a lesson (path relative to the root, with `/`) from its git history,
 * oldest first: each commit (following renames) in which a role's record changed, each sign-off
 * judged as `verify` judges it (against `rolesNow`, the configuration that applies now, when given).
 */
export function reviewEvents(history: ReviewHistory, path: string, rolesNow?: readonly Role[]): ReviewEvent[] {
  const lineage = history.tree.lineage(path).reverse();
  history.preload([path]);
  history.preloadConfigs(lineage);
  const events: ReviewEvent[] = [];
  let previous = new Map<string, SignOff>();
  for (const step of lineage) {
    const records = history.signOffsAt(step.change.after);
    for (const [role, signOff] of records) {
      const before = previous.get(role);
      if (before && JSON.stringify(before) === JSON.stringify(signOff)) continue;
      events.push(event(history, step, role, signOff, rolesNow));
    }
    for (const role of previous.keys())
      if (!records.has(role))
        events.push({ ...base(step, role), status: 'withdrawn', reviewer: undefined, signed: undefined, accepted: undefined });
    previous = records;
  }
  return events;
}

function event(
  history: ReviewHistory,
  step: LineageStep,
  role: string,
  signOff: SignOff,
  rolesNow: readonly Role[] | undefined,
): ReviewEvent {
  const made = { ...base(step, role), status: signOff.status, reviewer: signOff.reviewer, signed: signOff.signed };
  if (!SIGNED_STATUSES.includes(signOff.status)) return { ...made, accepted: undefined };
  const verdict = history.verdict(step, role, signOff, rolesNow);
  return verdict.accepted ? { ...made, accepted: true } : { ...made, accepted: false, reason: verdict.reason };
}

function base(step: LineageStep, role: string) {
  return { commit: step.commit.commit, date: step.commit.date, author: step.commit.author, path: step.change.path, role };
}
