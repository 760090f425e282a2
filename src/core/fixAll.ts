import type { ResolvedConfig } from './config/resolve';
import { applyEdits } from './edits';
import { lintText } from './lint';
import type { TextEdit } from './rules/rule';

export interface FixAllResult {
  text: string;
  /** How many fixes were applied. */
  fixed: number;
}

const MAX_PASSES = 10;

/**
 * Applies every safe fix (never a suggestion), then lints again, since one fix can make another
 * possible; overlapping fixes wait for the next pass. Stops when nothing changes.
 */
export function fixAll(text: string, config: ResolvedConfig): FixAllResult {
  let current = text;
  let fixed = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = nonOverlapping(lintText(current, config).findings.flatMap((finding) => (finding.fix ? [finding.fix.edits] : [])));
    if (edits.length === 0) break;
    current = applyEdits(current, edits.flat());
    fixed += edits.length;
  }
  return { text: current, fixed };
}

/** Whole fixes whose edits touch no other fix's edits, in document order. */
export function nonOverlapping(fixes: TextEdit[][]): TextEdit[][] {
  const chosen: TextEdit[][] = [];
  const taken: TextEdit[] = [];
  const overlaps = (a: TextEdit, b: TextEdit) => a.start < b.end && b.start < a.end || (a.start === b.start && a.end === b.end);
  for (const fix of [...fixes].sort((a, b) => a[0].start - b[0].start)) {
    if (fix.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    chosen.push(fix);
    taken.push(...fix);
  }
  return chosen;
}
