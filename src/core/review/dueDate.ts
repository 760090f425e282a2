import { addDaysWithinRange, daysBetween, isIsoDate } from './dates';

/** A week ahead: the example a due date prompt gives when the role has no default. */
const EXAMPLE_DUE_IN_DAYS = 7;

/** The due date a request suggests: today + the role's `dueInDays`, or none. */
export function suggestedDue(today: string, dueInDays: number | undefined): string | undefined {
  const due = dueInDays === undefined ? undefined : addDaysWithinRange(today, dueInDays);
  return due && 'date' in due ? due.date : undefined;
}

/** A valid date to show as an example: the suggested one, else a week from today. */
export function exampleDue(today: string, dueInDays: number | undefined): string {
  const weekAhead = addDaysWithinRange(today, EXAMPLE_DUE_IN_DAYS);
  return suggestedDue(today, dueInDays) ?? ('date' in weekAhead ? weekAhead.date : today);
}

/** Why a typed due date cannot be used, with an example that can; undefined when it can (empty means none). */
export function dueDateProblem(value: string, today: string, example: string): string | undefined {
  const due = value.trim();
  if (due === '') return undefined;
  if (!isIsoDate(due)) return `Expected a date as YYYY-MM-DD, e.g. ${example}.`;
  return daysBetween(today, due) < 0 ? `Expected today (${today}) or later, e.g. ${example}.` : undefined;
}
