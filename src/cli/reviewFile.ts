import {
  ACTION_VERBS,
  addDaysWithinRange,
  applyEdits,
  BOM,
  LAST_ISO_DATE,
  LineIndex,
  otherAssignee,
  readEntry,
  writeReview,
  type Identity,
  type ReviewAction,
  type ReviewActionKind,
  type ReviewWriteContext,
} from '../core';
import { updateFile, type Rewrite } from './safeWrite';

const SIGNING: ReadonlySet<ReviewActionKind> = new Set(['approve', 'request-changes', 'waive']);

export type ReviewOutcome = { kind: 'written'; summary: string; notes: string[] } | { kind: 'refused'; message: string; at?: string };

/** What signing found in the lesson as read under the lock. */
type Signing =
  | { kind: 'refused'; message: string; at?: string }
  | { kind: 'recorded'; record: Record<string, unknown> | undefined; reassignedFrom: string | undefined };

/**
 * Records the action in one lesson: checks what can be checked without the file, then reads,
 * edits and replaces it under the lock (see safeWrite), so that a concurrent course-review adds
 * its record on top of this one.
 */
export function reviewFile(path: string, action: ReviewAction, context: ReviewWriteContext, reassign: boolean): ReviewOutcome {
  const signing = SIGNING.has(action.kind);
  if (signing && context.identity === undefined) {
    return {
      kind: 'refused',
      message: `Cannot ${ACTION_VERBS[action.kind]} without knowing who you are: pass --as "Name <email>", or set git config user.name.`,
    };
  }
  const role = context.roles.find((candidate) => candidate.name === action.role);
  if (
    action.kind === 'request' &&
    action.due === undefined &&
    role?.dueInDays !== undefined &&
    'error' in addDaysWithinRange(context.today, role.dueInDays)
  ) {
    return {
      kind: 'refused',
      message:
        `Unexpected due date ${role.dueInDays} days after ${context.today} (the ${role.label} role's dueInDays), ` +
        `expected one on or before ${LAST_ISO_DATE}: pass --due YYYY-MM-DD.`,
    };
  }
  const update = updateFile(path, (bytes) => sign(bytes, action, context, reassign), 'signing');
  if (update.kind === 'refused') return { kind: 'refused', message: update.message };
  const result = update.value;
  if (result.kind === 'refused') return result;
  const label = role?.label ?? action.role;
  const unchanged = update.kind === 'kept' ? ' (already recorded, file unchanged)' : '';
  const reassigned = result.reassignedFrom === undefined ? '' : ` (was assigned to ${result.reassignedFrom})`;
  return {
    kind: 'written',
    summary: `${summary(action, label, result.record, context.identity)}${reassigned}${unchanged}`,
    notes: update.kind === 'written' ? update.notes : [],
  };
}

function sign(bytes: Buffer, action: ReviewAction, context: ReviewWriteContext, reassign: boolean): Rewrite<Signing> {
  const keep = (value: Signing) => ({ text: undefined, value });
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes) || text.includes('\0'))
    return keep({ kind: 'refused', message: 'This is not a UTF-8 text file, so Course Review leaves it alone.' });
  const result = writeReview(text, action, context);
  if (result.kind === 'refused')
    return keep({ kind: 'refused', message: result.message, at: result.range && positionOf(text, result.range.start) });
  const assignee = SIGNING.has(action.kind) ? assignedReviewer(text, action.role, context) : undefined;
  if (assignee !== undefined && !reassign) {
    const who = context.identity ? identityText(context.identity) : 'you';
    return keep({
      kind: 'refused',
      message:
        `This ${labelOf(action.role, context)} review is assigned to ${assignee}, not ${who}: pass --reassign to ` +
        `${ACTION_VERBS[action.kind]} in their place.`,
    });
  }
  return {
    text: applyEdits(text, result.edits),
    value: { kind: 'recorded', record: result.kind === 'record' ? result.record : undefined, reassignedFrom: assignee },
  };
}

/** The `reviewer` on record for the role when it is someone other than the signer; undefined when it is the signer or nobody. */
function assignedReviewer(text: string, role: string, context: ReviewWriteContext): string | undefined {
  const entry = readEntry('', text, context.roles);
  if (entry.problem || !context.identity) return undefined;
  const review = entry.review as Record<string, unknown> | undefined;
  const record = review && typeof review === 'object' ? (review[role] as Record<string, unknown> | undefined) : undefined;
  const reviewer = record && typeof record === 'object' && typeof record.reviewer === 'string' ? record.reviewer.trim() : undefined;
  return otherAssignee(reviewer, context.identity);
}

function labelOf(role: string, context: ReviewWriteContext): string {
  return context.roles.find((candidate) => candidate.name === role)?.label ?? role;
}

/** "Priya Patel <priya@example.com>": the whole identity used, so that a signer sees who they signed as. */
function identityText(identity: Identity): string {
  if (identity.name !== undefined && identity.email !== undefined) return `${identity.name} <${identity.email}>`;
  return identity.name ?? identity.email ?? '';
}

function summary(action: ReviewAction, label: string, record: Record<string, unknown> | undefined, identity: Identity | undefined): string {
  const by = identity ? ` by ${identityText(identity)}` : '';
  switch (action.kind) {
    case 'approve':
      return `${label} approved${by}`;
    case 'request-changes':
      return `${label} changes requested${by}`;
    case 'waive':
      return `${label} review waived${by}`;
    case 'withdraw':
      return `${label} review withdrawn`;
    case 'request': {
      const reviewer = typeof record?.reviewer === 'string' ? record.reviewer : undefined;
      return (
        `${label} review ` +
        `requested${reviewer ? ` from ${reviewer}` : ''}${typeof record?.due === 'string' ? `, due ${record.due}` : ''}`
      );
    }
  }
}

/** `:line:column`, 1-based, as an editor counts them (a byte-order mark takes no column). */
function positionOf(text: string, offset: number): string {
  const bom = text.startsWith(BOM) ? BOM.length : 0;
  const { line, character } = new LineIndex(text.slice(bom)).positionAt(Math.max(0, offset - bom));
  return `:${line + 1}:${character + 1}`;
}
