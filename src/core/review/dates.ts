/** Dates are ISO `YYYY-MM-DD` strings throughout: the core has no clock, so "today" is passed in. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last date with a four-digit year: past it, `toISOString` writes `+010000-01-01`, which no reader takes for a date. */
export const LAST_ISO_DATE = '9999-12-31';
export const FIRST_ISO_DATE = '0000-01-01';

const DAY_MS = 86_400_000;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return isoDateOf(utcMidnight(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) === value;
}

/**
 * `isoDate` plus `days`, or why there is none: a date before 0000-01-01 or after 9999-12-31 has
 * no `YYYY-MM-DD` form.
 */
export function addDaysWithinRange(isoDate: string, days: number): { date: string } | { error: string } {
  if (!isIsoDate(isoDate)) return { error: `Unexpected date "${isoDate}", expected YYYY-MM-DD.` };
  if (!Number.isInteger(days)) return { error: `Unexpected number of days ${days}, expected a whole number.` };
  const date = isoDateOf(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS);
  if (date !== undefined) return { date };
  const distance = `${Math.abs(days)} ${Math.abs(days) === 1 ? 'day' : 'days'} ${days > 0 ? 'after' : 'before'} ${isoDate}`;
  const expected = days > 0 ? `on or before ${LAST_ISO_DATE}: later dates` : `on or after ${FIRST_ISO_DATE}: earlier dates`;
  return { error: `Unexpected date ${distance}, expected one ${expected} have no YYYY-MM-DD form.` };
}

/** `isoDate` plus `days`. Throws a RangeError rather than write a date that is not `YYYY-MM-DD`; `addDaysWithinRange` says why instead. */
export function addDays(isoDate: string, days: number): string {
  const result = addDaysWithinRange(isoDate, days);
  if ('error' in result) throw new RangeError(result.error);
  return result.date;
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The local calendar date of `now`, or undefined when its year has no four-digit form. */
export function localIsoDate(now: Date): string | undefined {
  const year = now.getFullYear();
  if (!(year >= 0 && year <= 9999)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Not `Date.UTC`, which reads the years 0–99 as 1900–1999. */
function utcMidnight(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month, day);
}

function isoDateOf(time: number): string | undefined {
  if (!Number.isFinite(time)) return undefined;
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return undefined;
  const text = date.toISOString().slice(0, 10);
  return ISO_DATE.test(text) ? text : undefined;
}
