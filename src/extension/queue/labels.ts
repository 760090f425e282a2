import { daysBetween, waitingOn, waitingOnText, type GroupBy, type QueueItem } from '../../core';

/** Up to this many days ahead a due date reads as "due in N days"; further off, as the date. */
const SOON_DAYS = 30;

/** How each grouping reads in the Group By… pick and in the view's description. */
export const GROUPINGS: Record<GroupBy, { label: string; description: string }> = {
  role: { label: 'Role', description: 'SME, Legal, Marketing…' },
  due: { label: 'Due date', description: 'Overdue, This week, Later, No date' },
  reviewer: { label: 'Waiting on', description: 'who must act next: a reviewer, the author, or whoever requests reviews' },
  folder: { label: 'Folder', description: 'the course folder of each lesson' },
};

/** The view's description: "by role · assigned to me". */
export function viewDescription(by: GroupBy, assignedToMe: boolean): string {
  return [`by ${GROUPINGS[by].label.toLowerCase()}`, ...(assignedToMe ? ['assigned to me'] : [])].join(' · ');
}

/** The badge's tooltip: "3 outstanding reviews". */
export function countText(count: number, what = 'outstanding review'): string {
  return `${count} ${what}${count === 1 ? '' : 's'}`;
}

/** Where a review stands, in a few words: "due in 3 days", "overdue 2 days", "stale approval", "not requested". */
export function statusText(item: QueueItem, today: string): string {
  switch (item.status) {
    case 'missing':
      return 'not requested';
    case 'stale':
      return 'stale approval';
    case 'changes-requested':
      return item.overdue && item.due ? `changes requested, overdue ${days(daysBetween(item.due, today))}` : 'changes requested';
    case 'requested': {
      if (!item.due) return item.daysWaiting === undefined ? 'requested' : `requested ${ago(item.daysWaiting)}`;
      const until = daysBetween(today, item.due);
      if (until < 0) return `overdue ${days(-until)}`;
      return until === 0 ? 'due today' : until <= SOON_DAYS ? `due in ${days(until)}` : `due ${item.due}`;
    }
  }
}

/**
 * An item's description in the tree, shortest and most urgent first so that a narrow side bar cuts
 * the least: where the review stands, who must act next (unless the group says it), and the role
 * (unless the group says it): "overdue 2 days · Priya Patel · Legal", "changes requested · waiting on author".
 */
export function itemDescription(item: QueueItem, today: string, by: GroupBy): string {
  const waiting = waitingOn(item);
  const who = by === 'reviewer' || waiting.kind === 'request' ? undefined : waitingOnText(waiting);
  return [statusText(item, today), who, by === 'role' ? undefined : item.label].filter(Boolean).join(' · ');
}

/** The tooltip's facts, one [label, value] pair a line, in reading order. */
export function itemFacts(item: QueueItem, today: string): Array<[string, string]> {
  const facts: Array<[string, string]> = [
    ['Status', statusText(item, today)],
    ['Waiting on', waitingOnText(waitingOn(item)).replace(/^waiting on /, '')],
  ];
  if (item.reviewer)
    facts.push([
      item.status === 'changes-requested' ? 'Changes requested by' : item.status === 'stale' ? 'Approved by' : 'Reviewer',
      item.reviewer,
    ]);
  if (item.requested) facts.push(['Requested', item.requested]);
  if (item.due) facts.push(['Due', item.due]);
  if (item.signed) facts.push([item.status === 'stale' ? 'Approved' : 'Signed', item.signed]);
  if (item.daysWaiting !== undefined) facts.push(['Waiting', days(item.daysWaiting)]);
  if (item.note) facts.push(['Note', item.note]);
  if (item.triggeredBy.length > 0) facts.push(['Required by', item.triggeredBy.join(', ')]);
  return facts;
}

export function days(count: number): string {
  return `${count} day${count === 1 ? '' : 's'}`;
}

export function ago(count: number): string {
  return count === 0 ? 'today' : `${days(count)} ago`;
}
