import { oneLine } from '../text/pattern';
const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const CLOCK = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/;
const PART = new RegExp(
  oneLine`
    (?:(\d+(?:[.,]\d+)?)\s*|\b(half an?|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty-five|forty|sixty|
    ninety)\s+)(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])`,
  'gi',
);
const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  'half a': 0.5,
  'half an': 0.5,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  sixty: 60,
  ninety: 90,
};
/** Words around a duration that do not change it: "about 20 min", "20 minutes total", "~1h". */
const HEDGES = new RegExp(
  oneLine`
    ^(?:about|around|approx(?:imately|\.)?|roughly|circa|ca\.|up to|under|less than|max(?:imum)?|~|≈)\s*|\s*(?:total|in total|long|
    approx(?:imately|\.)?|each)$`,
  'gi',
);

/**
 * A declared lesson duration in minutes: a number (minutes), "20 min", "1h 30m", "1.5 hours",
 * "90 minutes", "1:30" (hours and minutes), an ISO 8601 duration ("PT20M", "PT1H30M") or a range
 * ("20-30 min", whose upper bound is taken). `undefined` when the value is not a duration.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(HEDGES, '').trim();
  if (text === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const iso = ISO_DURATION.exec(text);
  if (iso && text.length > 1 && !/T$/i.test(text)) {
    const [days, hours, minutes, seconds] = iso.slice(1).map((part) => Number(part ?? 0));
    return days * 24 * 60 + hours * 60 + minutes + seconds / 60;
  }
  const clock = CLOCK.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3] ?? 0) / 60;
  const range = /^(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?\s*\p{L}.*)$/u.exec(text);
  if (range) return parseDuration(range[2]);
  return sumOfParts(text);
}

function sumOfParts(text: string): number | undefined {
  let total = 0;
  let covered = 0;
  for (const part of text.matchAll(PART)) {
    const count = part[1] !== undefined ? Number(part[1].replace(',', '.')) : WORD_NUMBERS[part[2].toLowerCase()];
    const unit = part[3].toLowerCase();
    total += unit.startsWith('d') ? count * 24 * 60 : unit.startsWith('h') ? count * 60 : unit.startsWith('s') ? count / 60 : count;
    covered += part[0].length;
  }
  const rest = text.replace(PART, '').replace(/\b(?:and)\b|[\s,+]/gi, '');
  return covered > 0 && rest === '' ? total : undefined;
}
