import type { RoleState } from '../../core';

/** How a role's review reads in a quick pick: "requested, due in 3 days". */
export function stateSummary(state: RoleState): string {
  switch (state.status) {
    case 'approved':
      return `approved${by(state)}`;
    case 'waived':
      return `waived${by(state)}`;
    case 'stale':
      return 'stale approval';
    case 'changes-requested':
      return `changes requested${dueClause(state)}`;
    case 'requested':
      return `requested${dueClause(state)}`;
    case 'missing':
      return state.required ? 'review required' : 'not required';
  }
}

/** The CodeLens over the front matter: "Legal ⏳ due in 3 days", "SME ⚠ stale approval". */
export function lensTitle(state: RoleState): string {
  const label = state.role.label;
  const days = state.daysUntilDue;
  switch (state.status) {
    case 'approved':
      return `${label} ✓ approved${by(state)}`;
    case 'waived':
      return `${label} ✓ waived${by(state)}`;
    case 'stale':
      return `${label} ⚠ stale approval`;
    case 'changes-requested':
      return `${label} ✗ changes requested${state.overdue && days !== undefined ? `, overdue by ${dayCount(-days)}` : ''}`;
    case 'requested':
      if (state.overdue && days !== undefined) return `${label} ⚠ overdue by ${dayCount(-days)}`;
      return `${label} ⏳ ${days === undefined ? 'requested' : days === 0 ? 'due today' : `due in ${dayCount(days)}`}`;
    case 'missing':
      return state.required ? `${label} · review required` : `${label} — not required`;
  }
}

/** The long form, for tooltips: who, when, and why the review is required. */
export function stateDetail(state: RoleState): string {
  const record = state.record;
  const parts = [`${state.role.label}: ${stateSummary(state)}.`];
  if (record?.status === 'requested' && record.reviewer) parts.push(`Reviewer: ${record.reviewer}.`);
  if (record?.requested) parts.push(`Requested ${record.requested}.`);
  if (record?.due && state.status !== 'approved' && state.status !== 'waived') parts.push(`Due ${record.due}.`);
  if (record?.signed) parts.push(`Signed ${record.signed}.`);
  if (state.status === 'stale')
    parts.push(
      record?.fingerprint ? 'The lesson changed after the sign-off.' : 'The approval has no fingerprint, so what was approved is unknown.',
    );
  if (record?.note) parts.push(`Note: ${record.note}`);
  if (state.triggeredBy.length > 0) parts.push(`Required by ${state.triggeredBy.join(', ')}.`);
  return parts.join(' ');
}

export interface ReviewSummary {
  text: string;
  /** Someone has to act soon: an approval went stale or a review is overdue. */
  warning: boolean;
}

/** The status bar's one-line summary of a lesson's reviews. */
export function reviewSummary(states: readonly RoleState[]): ReviewSummary {
  const counted = states.filter((state) => state.required || state.status !== 'missing');
  const done = counted.filter((state) => state.status === 'approved' || state.status === 'waived').length;
  if (states.some((state) => state.status === 'stale')) return { text: '$(warning) Review stale', warning: true };
  if (states.some((state) => state.overdue)) return { text: '$(warning) Review overdue', warning: true };
  if (states.some((state) => state.status === 'changes-requested'))
    return { text: '$(comment-discussion) Changes requested', warning: false };
  return { text: `$(checklist) ${done}/${counted.length} reviews`, warning: false };
}

function by(state: RoleState): string {
  return state.record?.reviewer ? ` by ${state.record.reviewer}` : '';
}

function dueClause(state: RoleState): string {
  const days = state.daysUntilDue;
  if (days === undefined) return '';
  if (days < 0) return `, overdue by ${dayCount(-days)}`;
  return days === 0 ? ', due today' : `, due in ${dayCount(days)}`;
}

function dayCount(days: number): string {
  return `${days} day${days === 1 ? '' : 's'}`;
}
