import type { TextEdit } from './rules/rule';

/** Applies non-overlapping edits given by offset; later edits first so that offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // From the end backwards; of two insertions at one offset the later is applied first, so that
  // they end up in the given order, as VS Code and LSP apply them.
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.index - a.index);
  let result = text;
  let limit = Infinity;
  for (const { edit } of sorted) {
    if (edit.end > limit) throw new Error('Overlapping edits');
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}
