import type { LessonDocument } from '../document/model';
import type { OffsetRange } from '../types/range';
import { oneLine } from '../text/pattern';

/** A practice item named by its number or its bold title: "2. …", "**Call 3.** …", "1. **The missing loan.** …". */
export interface NamedItem extends OffsetRange {
  label: string;
  number?: number;
}

const NUMBERED = /^[ \t]{0,3}(\d{1,2})[.)][ \t]+(?:(?:\*\*|__)([^*_\n]{2,60}?)[.:!?]?(?:\*\*|__))?/;
const TITLED = /^[ \t]{0,3}(?:\*\*|__)([^*_\n]{2,60}?)[.:!?]?(?:\*\*|__)/;
/** In feedback, the item a line answers: "- **Call 1:** …", "- *The missing loan:* …", "Scenario 3: …". */
const REFERENCE = new RegExp(
  oneLine`
    ^[ \t]*(?:[-*+][ \t]+)?(?:(?:\*\*|__|\*|_)([^*_\n]{1,60}?)[.:]?(?:\*\*|__|\*|_)|((?:scenario|task|call|question|item|case|
    situation|example|exercise|part|customer|caller|email)\s+\d{1,2})\b)`,
  'i',
);
const TRAILING_NUMBER = /(?:^|\s)(\d{1,2})$/;

/**
 * The items of a practice section that its feedback leaves out, when the feedback answers items one
 * by one, by title or number ("Model answers: Call 1 …, Call 2 …" for three calls). Empty when the
 * feedback does not name items, or names them all.
 */
export function itemsWithoutFeedback(doc: LessonDocument, itemsFrom: number, feedbackFrom: number, feedbackTo: number): NamedItem[] {
  const items = namedItems(doc, itemsFrom, feedbackFrom);
  if (items.length < 2) return [];
  const references = { labels: new Set<string>(), numbers: new Set<number>() };
  const numberedLines = new Set<number>();
  for (const line of linesIn(doc, feedbackFrom, feedbackTo)) {
    const numbered = NUMBERED.exec(line.text);
    if (numbered) numberedLines.add(Number(numbered[1]));
    const match = REFERENCE.exec(line.text);
    if (!match) continue;
    const label = normalise(match[1] ?? match[2]);
    references.labels.add(label);
    const number = TRAILING_NUMBER.exec(label)?.[1];
    if (number) references.numbers.add(Number(number));
  }
  // "**Answers**" over "1. …", "2. …", "3. …", one for each item: whatever else the feedback names, every item is answered.
  if (items.every((item) => item.number !== undefined && numberedLines.has(item.number))) return [];
  const answered = (item: NamedItem) =>
    references.labels.has(item.label) || (item.number !== undefined && references.numbers.has(item.number));
  const missing = items.filter((item) => !answered(item));
  return missing.length > 0 && missing.length < items.length ? missing : [];
}

function namedItems(doc: LessonDocument, from: number, to: number): NamedItem[] {
  const items: NamedItem[] = [];
  for (const line of linesIn(doc, from, to)) {
    const numbered = NUMBERED.exec(line.text);
    const titled = numbered ? undefined : TITLED.exec(line.text);
    if (!numbered && !titled) continue;
    const label = normalise(numbered?.[2] ?? titled?.[1] ?? numbered?.[1] ?? '');
    const trailing = TRAILING_NUMBER.exec(label)?.[1];
    const number = numbered ? Number(numbered[1]) : trailing ? Number(trailing) : undefined;
    items.push({ start: line.start, end: line.end, label, ...(number !== undefined && { number }) });
  }
  return items;
}

function* linesIn(doc: LessonDocument, from: number, to: number): Generator<{ text: string } & OffsetRange> {
  const last = doc.lines.lineAt(Math.max(from, to - 1));
  for (let line = doc.lines.lineAt(from); line <= last; line++) {
    const start = doc.lines.lineStart(line);
    const end = doc.lines.lineEnd(line);
    if (start >= from && end <= to) yield { text: doc.text.slice(start, end), start, end };
  }
}

function normalise(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, ' ');
}
