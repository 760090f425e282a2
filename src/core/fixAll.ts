import type { ResolvedConfig } from './config/resolve';
import { applyEdits } from './edits';
import { lintText } from './lint';
import type { TextEdit } from './rules/rule';

export interface FixAllResult {
  text: string;
  /** How many fixes were applied. */
  fixed: number;
  /** What each applied fix changed, in the order applied. */
  changes: FixChange[];
}

/** One applied fix: the text it replaced and the text it wrote (empty for a removal). */
export interface FixChange {
  before: string;
  after: string;
}

const MAX_PASSES = 10;

/**
 * Applies every safe fix (never a suggestion), then lints again, since one fix can make another
 * possible; overlapping fixes wait for the next pass. Stops when nothing changes.
 */
export function fixAll(text: string, config: ResolvedConfig): FixAllResult {
  let current = text;
  const changes: FixChange[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = nonOverlapping(lintText(current, config).findings.flatMap((finding) => (finding.fix ? [finding.fix.edits] : [])));
    if (edits.length === 0) break;
    for (const fix of edits) changes.push(changeOf(current, fix));
    current = applyEdits(current, edits.flat());
  }
  return { text: current, fixed: changes.length, changes };
}

function changeOf(text: string, edits: readonly TextEdit[]): FixChange {
  const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();
  return {
    before: oneLine(edits.map((edit) => text.slice(edit.start, edit.end)).join(' … ')),
    after: oneLine(edits.map((edit) => edit.text).join(' … ')),
  };
}

/** "2 fixes: utilize → use, in order to → to": what Fix All changed, the same changes counted once. */
export function fixSummary(changes: readonly FixChange[], shown = 5): string {
  if (changes.length === 0) return 'nothing to fix';
  const counts = new Map<string, number>();
  for (const { before, after } of changes) {
    const label = after === '' ? `removed "${before}"` : `${before} → ${after}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const labels = [...counts].map(([label, count]) => (count > 1 ? `${label} (×${count})` : label));
  const more = labels.length > shown ? `, and ${labels.length - shown} more` : '';
  return `${changes.length} ${changes.length === 1 ? 'fix' : 'fixes'}: ${labels.slice(0, shown).join(', ')}${more}`;
}

/** Whole fixes whose edits touch no other fix's edits, in document order. */
export function nonOverlapping(fixes: TextEdit[][]): TextEdit[][] {
  const chosen: TextEdit[][] = [];
  const taken: TextEdit[] = [];
  const overlaps = (a: TextEdit, b: TextEdit) => (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);
  for (const fix of [...fixes].sort((a, b) => a[0].start - b[0].start)) {
    if (fix.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    chosen.push(fix);
    taken.push(...fix);
  }
  return chosen;
}
