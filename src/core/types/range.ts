import type { Nodes } from 'mdast';

/** A span of a lesson's text, by UTF-16 offsets: `start` inclusive, `end` exclusive. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** Whether two spans share a character. */
export function overlaps(a: OffsetRange, b: OffsetRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Replace the span with `text`: what a fix or a sign-off hands to the editor or the file. */
export interface TextEdit extends OffsetRange {
  text: string;
}

/** The span of a Markdown node in the lesson's text. */
export function rangeOf(node: Nodes): OffsetRange {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}
