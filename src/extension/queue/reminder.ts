import { daysBetween, type QueueItem } from '../../core';
import { ago, days } from './labels';

/**
 * The message Copy Reminder puts on the clipboard, ready to paste into a chat or an email:
 * `Reminder: the Legal review of "De-escalating an angry caller" (review/escalation.md) was due
 * 2026-11-20 (8 days ago). Link: https://github.com/…`. `path` is the lesson's workspace-relative
 * path; `link` its web page, when there is one.
 */
export function reminderText(item: QueueItem, path: string, link: string | undefined, today: string): string {
  const lesson = `"${item.title ?? basename(path)}" (${path})`;
  const review = `the ${item.label} review of ${lesson}`;
  return `Reminder: ${sentence(item, review, lesson, today)}${link ? ` Link: ${link}` : ''}`;
}

function sentence(item: QueueItem, review: string, lesson: string, today: string): string {
  switch (item.status) {
    case 'missing':
      return `${lesson} needs ${article(item.label)} ${item.label} review, and none has been requested yet.`;
    case 'stale':
      return (
        `the ${item.label} approval of ${lesson}${item.signed ? `, signed ${item.signed},` : ''} is stale: the lesson changed after ` +
        `it was signed. Please review it again.`
      );
    case 'changes-requested': {
      const since = item.signed ? ` requested ${item.signed} (${ago(daysBetween(item.signed, today))})` : '';
      return `${review} is waiting for changes${since}${item.note ? `: ${withStop(item.note)}` : '.'}`;
    }
    case 'requested':
      return `${review} ${dueClause(item, today)}.`;
  }
}

function dueClause(item: QueueItem, today: string): string {
  if (!item.due)
    return item.requested ? `was requested ${item.requested} (${ago(daysBetween(item.requested, today))})` : 'is waiting for you';
  const until = daysBetween(today, item.due);
  if (until < 0) return `was due ${item.due} (${days(-until)} ago)`;
  return until === 0 ? `is due today (${item.due})` : `is due ${item.due} (in ${days(until)})`;
}

/** "an SME", "a Legal", "an Editorial": acronyms by the sound of their first letter. */
function article(word: string): string {
  const acronym = /^[A-Z]{2,}$/.test(word);
  return (acronym ? /^[AEFHILMNORSX]/ : /^[aeiou]/i).test(word) ? 'an' : 'a';
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
