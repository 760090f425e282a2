import { daysBetween } from '../review/dates';
import { mayReview, type Identity } from '../review/identity';
import type { QueueItem } from './entry';
import { waitingOn } from './waitingOn';

export const GROUP_BYS = ['role', 'due', 'reviewer', 'folder'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface QueueFilter {
  role?: string;
  /** Items waiting on this person as their reviewer (by name or email, ignoring case); not those waiting on the author. */
  reviewer?: Identity;
  overdue?: boolean;
}

export interface QueueGroup {
  key: string;
  label: string;
  items: QueueItem[];
}

export function filterItems(items: readonly QueueItem[], filter: QueueFilter): QueueItem[] {
  return items.filter(
    (item) =>
      (filter.role === undefined || item.role === filter.role) &&
      (filter.overdue !== true || item.overdue) &&
      (filter.reviewer === undefined || isWaitingOn(item, filter.reviewer)),
  );
}

function isWaitingOn(item: QueueItem, person: Identity): boolean {
  const waiting = waitingOn(item);
  return waiting.kind === 'reviewer' && mayReview(person, [waiting.reviewer]);
}

const DUE_BUCKETS = [
  { key: 'overdue', label: 'Overdue' },
  { key: 'this-week', label: 'This week' },
  { key: 'later', label: 'Later' },
  { key: 'no-date', label: 'No date' },
];

/** Groups in a stable order: roles as configured (by first appearance), due buckets by urgency, the rest by name. */
export function groupItems(items: readonly QueueItem[], by: GroupBy, today: string): QueueGroup[] {
  const groups = new Map<string, QueueGroup>();
  for (const item of items) {
    const { key, label } = groupOf(item, by, today);
    const group = groups.get(key) ?? { key, label, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  const list = [...groups.values()];
  if (by === 'due') return DUE_BUCKETS.flatMap((bucket) => groups.get(bucket.key) ?? []);
  if (by === 'role') return list;
  // People by name, then the groups that wait on no one person.
  return list.sort(
    (a, b) =>
      Number(a.key.startsWith('\u0000')) - Number(b.key.startsWith('\u0000')) ||
      a.key.localeCompare(b.key) ||
      a.label.localeCompare(b.label),
  );
}

function groupOf(item: QueueItem, by: GroupBy, today: string): { key: string; label: string } {
  switch (by) {
    case 'role':
      return { key: item.role, label: item.label };
    case 'due': {
      if (item.overdue) return DUE_BUCKETS[0];
      if (!item.due) return DUE_BUCKETS[3];
      return daysBetween(today, item.due) < 7 ? DUE_BUCKETS[1] : DUE_BUCKETS[2];
    }
    case 'reviewer': {
      const waiting = waitingOn(item);
      switch (waiting.kind) {
        case 'author':
          return { key: '\u0000author', label: 'Waiting on author (changes requested)' };
        case 'request':
          return { key: '\u0000request', label: 'Waiting on a request' };
        case 'unassigned':
          return { key: '\u0000unassigned', label: 'Unassigned' };
        case 'reviewer':
          return { key: waiting.reviewer.toLowerCase(), label: waiting.reviewer };
      }
      return assertNever(waiting);
    }
    case 'folder': {
      const slash = item.file.lastIndexOf('/');
      const folder = slash === -1 ? '.' : item.file.slice(0, slash);
      return { key: folder, label: folder };
    }
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected ${JSON.stringify(value)}`);
}
