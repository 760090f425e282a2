import { addDaysWithinRange, daysBetween, isIsoDate } from './dates';
import { displayIdentity, mayReview, type Identity } from './identity';
import type { Role } from './roles';

export type ReviewAction =
  | { kind: 'approve'; role: string; note?: string }
  | { kind: 'request-changes'; role: string; note: string }
  | { kind: 'request'; role: string; reviewer?: string; due?: string; note?: string }
  | { kind: 'waive'; role: string; note: string }
  | { kind: 'withdraw'; role: string };

export type ReviewActionKind = ReviewAction['kind'];

export const ACTION_VERBS: Record<ReviewActionKind, string> = {
  approve: 'approve',
  'request-changes': 'request changes',
  request: 'request a review',
  waive: 'waive the review',
  withdraw: 'withdraw the review',
};

export interface ReviewWriteContext {
  /** Who runs the command; needed to approve, request changes or waive. */
  identity: Identity | undefined;
  /** YYYY-MM-DD */
  today: string;
  roles: readonly Role[];
}

/** A record is a plain object whose key order is kept: existing keys stay where they are. */
export type RecordData = Record<string, unknown>;

/** The record's keys in the order a new record is written. */
const KEY_ORDER = ['status', 'reviewer', 'requested', 'due', 'signed', 'fingerprint', 'note'];

/** Why an action was not taken, in words for the person who asked. */
export interface Refusal {
  kind: 'refused';
  message: string;
}

/** What an action makes of the role's record: a new record, no record, or nothing at all. */
export type RecordChange = { kind: 'record'; record: RecordData } | { kind: 'withdrawn' } | Refusal;

function refused(message: string): Refusal {
  return { kind: 'refused', message };
}

/** Checks what can be checked before reading the lesson: the role, the dates, the note, who signs. */
export function checkAction(action: ReviewAction, context: ReviewWriteContext): { kind: 'allowed'; role: Role } | Refusal {
  const role = context.roles.find((candidate) => candidate.name === action.role);
  if (!role)
    return refused(
      `Unknown review role "${action.role}", expected one of ${context.roles.map((known) => known.name).join(', ')} ` +
        `(roles are configured in .coursereview.json).`,
    );
  if (!isIsoDate(context.today)) return refused(`Unexpected date "${context.today}" for today, expected YYYY-MM-DD.`);
  if (action.kind === 'request' && action.due !== undefined) {
    if (!isIsoDate(action.due)) return refused(`Unexpected due date "${action.due}", expected YYYY-MM-DD.`);
    if (daysBetween(context.today, action.due) < 0)
      return refused(`Unexpected due date ${action.due}: it is before today (${context.today}).`);
  }
  if ((action.kind === 'request-changes' || action.kind === 'waive') && !action.note.trim()) {
    return refused(
      action.kind === 'waive'
        ? 'A waiver needs a reason: say why this review is not needed.'
        : 'A change request needs a note: say what should change.',
    );
  }
  if (action.kind === 'approve' || action.kind === 'request-changes' || action.kind === 'waive') {
    if (!context.identity || !displayIdentity(context.identity))
      return refused(
        `Cannot ${ACTION_VERBS[action.kind]} without knowing who you are: set courseReview.reviewer, git user.name, or pass --as.`,
      );
    if (!mayReview(context.identity, role.reviewers)) return refused(notAllowed(context.identity, role));
  }
  if (action.kind === 'request' && action.reviewer !== undefined) {
    if (!action.reviewer.trim()) return refused('Unexpected empty reviewer, expected a name or an email address.');
    if (!mayReview({ name: action.reviewer.trim(), email: action.reviewer.trim() }, role.reviewers)) {
      return refused(`${action.reviewer} cannot review for ${role.label}: the role's reviewers are ${role.reviewers.join(', ')}.`);
    }
  }
  return { kind: 'allowed', role };
}

/**
 * The role's next record, or its withdrawal. `existing` is the current record (empty when there
 * is none); `fingerprint` is the lesson's, recorded on approval.
 */
export function nextRecord(
  existing: RecordData,
  action: ReviewAction,
  role: Role,
  context: ReviewWriteContext,
  fingerprint: string | undefined,
): RecordChange {
  const updates: RecordData = {};
  const signer = context.identity ? displayIdentity(context.identity) : undefined;
  switch (action.kind) {
    case 'withdraw':
      if (isSignOff(existing.status) && role.reviewers.length > 0 && !(context.identity && mayReview(context.identity, role.reviewers))) {
        return refused(
          context.identity
            ? notAllowed(context.identity, role)
            : `Cannot withdraw a ${role.label} sign-off without knowing who you are (a name or an email address).`,
        );
      }
      return { kind: 'withdrawn' };
    case 'approve':
      Object.assign(updates, { status: 'approved', reviewer: signer, signed: context.today, fingerprint, note: nonEmpty(action.note) });
      break;
    case 'request-changes':
      Object.assign(updates, {
        status: 'changes-requested',
        reviewer: signer,
        signed: context.today,
        fingerprint: undefined,
        note: action.note.trim(),
      });
      break;
    case 'waive':
      Object.assign(updates, {
        status: 'waived',
        reviewer: signer,
        signed: context.today,
        fingerprint: undefined,
        note: action.note.trim(),
      });
      break;
    case 'request': {
      const reviewer = nonEmpty(action.reviewer) ?? (typeof existing.reviewer === 'string' ? existing.reviewer : undefined);
      const defaultDue =
        action.due === undefined && role.dueInDays !== undefined ? addDaysWithinRange(context.today, role.dueInDays) : undefined;
      if (defaultDue && 'error' in defaultDue) return refused(`${defaultDue.error} Pass a due date.`);
      const due = action.due ?? defaultDue?.date;
      Object.assign(updates, {
        status: 'requested',
        reviewer,
        requested: context.today,
        due,
        signed: undefined,
        fingerprint: undefined,
        note: nonEmpty(action.note),
      });
      break;
    }
  }
  const next: RecordData = {};
  for (const [key, value] of Object.entries(existing)) {
    if (!(key in updates)) next[key] = value;
    else if (updates[key] !== undefined) next[key] = updates[key];
  }
  for (const key of KEY_ORDER) if (updates[key] !== undefined && !(key in next)) next[key] = updates[key];
  return { kind: 'record', record: next };
}

export function isSignOff(status: unknown): boolean {
  return status === 'approved' || status === 'changes-requested' || status === 'waived';
}

function notAllowed(identity: Identity, role: Role): string {
  return (
    `${displayIdentity(identity)} is not on the ${role.label} reviewers list (${role.reviewers.join(', ')}), so cannot sign for ` +
    `${role.label}. Ask one of them, or a lead to add you to "roles" in .coursereview.json.`
  );
}

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}
