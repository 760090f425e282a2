import { daysBetween, isIsoDate } from './dates';
import type { Role } from './roles';
import { REVIEW_STATUSES, type ReviewStatus } from './schema';

/** A role's review as the lesson stands: `stale` is an approval of an earlier version. */
export type RoleStatus = ReviewStatus | 'stale' | 'missing';

export interface RoleRecord {
  status: ReviewStatus | undefined;
  reviewer: string | undefined;
  requested: string | undefined;
  due: string | undefined;
  signed: string | undefined;
  fingerprint: string | undefined;
  note: string | undefined;
}

export interface RoleState {
  role: Role;
  /** Required always, or because rules in `triggeredBy` found something. */
  required: boolean;
  /** The trigger rules that have findings in the lesson (for `when-triggered` roles). */
  triggeredBy: readonly string[];
  record: RoleRecord | undefined;
  status: RoleStatus;
  /** Requested or sent back, and past its due date. */
  overdue: boolean;
  /** Days from today to the due date: negative when overdue; undefined without a due date or a today. */
  daysUntilDue: number | undefined;
  /** Someone has to act: a required review missing, a request open, changes asked for, or a stale approval. */
  outstanding: boolean;
}

export interface ReviewInput {
  /** The front matter's `review` value, as parsed. */
  review: unknown;
  roles: readonly Role[];
  /**
   * The lesson's current fingerprint, asked for only when an approval is to be compared with it; `undefined` when it cannot be computed.
   */
  fingerprint: () => string | undefined;
  /** YYYY-MM-DD; without it nothing is overdue. */
  today: string | undefined;
  /** Rule id → number of findings in the lesson, for triggered roles. */
  findingsByRule: ReadonlyMap<string, number>;
}

/** Every configured role, then any other role the front matter has a record for. */
export function reviewStates(input: ReviewInput): RoleState[] {
  const records = isRecord(input.review) ? input.review : {};
  const roles = [...input.roles];
  for (const name of Object.keys(records)) {
    if (!roles.some((role) => role.name === name))
      roles.push({ name, label: name, required: 'never', triggers: [], reviewers: [], dueInDays: undefined });
  }
  return roles.map((role) => roleState(role, readRecord(records[role.name]), input));
}

function roleState(role: Role, record: RoleRecord | undefined, input: ReviewInput): RoleState {
  const triggeredBy = role.required === 'when-triggered' ? role.triggers.filter((rule) => (input.findingsByRule.get(rule) ?? 0) > 0) : [];
  const required = role.required === 'always' || triggeredBy.length > 0;
  let status: RoleStatus = record?.status ?? 'missing';
  if (status === 'approved' && (!record?.fingerprint || record.fingerprint !== input.fingerprint())) status = 'stale';
  const open = status === 'requested' || status === 'changes-requested';
  const daysUntilDue = record?.due && input.today ? daysBetween(input.today, record.due) : undefined;
  const overdue = open && daysUntilDue !== undefined && daysUntilDue < 0;
  const outstanding = open || status === 'stale' || (required && status === 'missing');
  return { role, required, triggeredBy, record, status, overdue, daysUntilDue, outstanding };
}

function readRecord(value: unknown): RoleRecord | undefined {
  if (!isRecord(value)) return undefined;
  const text = (key: string) => (typeof value[key] === 'string' && value[key] !== '' ? (value[key] as string) : undefined);
  const date = (key: string) => (isIsoDate(value[key]) ? (value[key] as string) : undefined);
  const status = REVIEW_STATUSES.find((known) => known === value.status);
  return {
    status,
    reviewer: text('reviewer'),
    requested: date('requested'),
    due: date('due'),
    signed: date('signed'),
    fingerprint: text('fingerprint'),
    note: text('note'),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
