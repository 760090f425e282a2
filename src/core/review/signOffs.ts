import { frontMatterPathRange, locateFrontMatter, parseFrontMatter } from '../document/frontMatter';
import { LineIndex } from '../text/lines';
import { withoutBom } from '../text/bom';

/** The statuses a reviewer signs; a request is the author's (or a lead's) to make. */
export const SIGNED_STATUSES: readonly string[] = ['approved', 'waived', 'changes-requested'];

/** What a sign-off says: the fields its reviewer wrote. Keys an author adds to a record are not part of it. */
export interface SignOff {
  status: string;
  reviewer: string | undefined;
  signed: string | undefined;
  fingerprint: string | undefined;
  note: string | undefined;
}

/** Each role's record of a parsed `review` value, as the fields a reviewer writes. */
export function signOffsOf(review: unknown): Map<string, SignOff> {
  const records = new Map<string, SignOff>();
  if (!isObject(review)) return records;
  for (const [role, record] of Object.entries(review)) {
    if (!isObject(record)) continue;
    const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
    records.set(role, {
      status: text('status') ?? 'unknown',
      reviewer: text('reviewer'),
      signed: text('signed'),
      fingerprint: text('fingerprint'),
      note: text('note'),
    });
  }
  return records;
}

export function sameSignOff(a: SignOff | undefined, b: SignOff | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.status === b.status && a.reviewer === b.reviewer && a.signed === b.signed && a.fingerprint === b.fingerprint && a.note === b.note
  );
}

/** The 0-based line of each role's record (`review.<role>`) in a lesson's front matter. */
export function reviewRecordLines(input: string): Map<string, number> {
  const text = withoutBom(input);
  const lines = new Map<string, number>();
  const location = locateFrontMatter(text);
  if (location.kind !== 'yaml') return lines;
  const frontMatter = parseFrontMatter(text, location.range);
  const review = frontMatter.data?.review;
  if (!isObject(review)) return lines;
  const index = new LineIndex(text);
  for (const role of Object.keys(review)) {
    const range = frontMatterPathRange(frontMatter, ['review', role], 'key');
    if (range) lines.set(role, index.positionAt(range.start).line);
  }
  return lines;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
