import { displayIdentity, parseIdentity } from '../review/identity';
import type { QueueItem } from './entry';

/**
 * Who must act next on an outstanding review, the one answer every grouping, filter and label
 * gives: the author makes the changes asked for; the reviewer answers a request or re-approves a
 * stale approval; a review nobody requested waits on a request.
 */
export type WaitingOn = { kind: 'author' } | { kind: 'reviewer'; reviewer: string } | { kind: 'unassigned' } | { kind: 'request' };

export function waitingOn(item: Pick<QueueItem, 'status' | 'reviewer'>): WaitingOn {
  switch (item.status) {
    case 'changes-requested':
      return { kind: 'author' };
    case 'missing':
      return { kind: 'request' };
    case 'requested':
    case 'stale':
      return item.reviewer ? { kind: 'reviewer', reviewer: item.reviewer } : { kind: 'unassigned' };
  }
}

/** "waiting on author", "Priya Patel", "unassigned", "waiting on a request": short enough for a tree row. */
export function waitingOnText(waiting: WaitingOn): string {
  switch (waiting.kind) {
    case 'author':
      return 'waiting on author';
    case 'reviewer': {
      const identity = parseIdentity(waiting.reviewer);
      return identity ? displayIdentity(identity) : waiting.reviewer;
    }
    case 'unassigned':
      return 'unassigned';
    case 'request':
      return 'waiting on a request';
  }
}
